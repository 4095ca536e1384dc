import type { KubeObject } from "../../kube/types";
import type { ResourceBinding } from "../../kube/karmada";
import { errors } from "../../kube/errors";
import { bindingName, isPropagatable } from "../../policies";
import type { ConsoleDeps } from "./services";
import { resolveTemplateKind, templateKinds, type TemplateKind } from "./template-kinds";
import { summarizePropagation, type PropagationSummary } from "./propagation-summary";

/** One row of the resources list: the template's identity and its propagation per cluster. */
export interface TemplateRow {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  propagation: PropagationSummary;
}

/** GET /api/v1/resources answer: one page, with the token of the next. */
export interface TemplatePage {
  kind: TemplateKind;
  items: TemplateRow[];
  /** Opaque token for the next page (pass it back as `page`). */
  continue?: string;
  /** Items after this page, when the store knows. */
  remaining?: number;
}

export interface ListTemplatesParams {
  /** Kind token: "Deployment", "deployments", "deployments.apps". Defaults to Deployment. */
  kind?: string;
  namespace?: string;
  /** Case-insensitive substring of the name. */
  search?: string;
  /** The `continue` token of the previous page. */
  page?: string;
  limit?: number;
}

export const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;

/**
 * One page of templates of a kind, filtered and paginated by the store (the browser never holds
 * more than a page), each joined with its binding by Karmada's deterministic binding name.
 */
export async function listTemplates(deps: ConsoleDeps, params: ListTemplatesParams): Promise<TemplatePage> {
  const kind = resolveTemplateKind(templateKinds(deps.registry.all()), params.kind || "Deployment");
  if (!kind) throw errors.badRequest(`unknown or ambiguous kind "${params.kind}"`);
  const limit = Math.min(Math.max(1, params.limit ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  const search = params.search?.trim().toLowerCase();
  const page = await deps.storage.list(
    { group: kind.group, resource: kind.plural },
    {
      namespace: kind.namespaced ? params.namespace || undefined : undefined,
      filter: (o) => isPropagatable(o) && (!search || (o.metadata.name ?? "").toLowerCase().includes(search)),
      limit,
      continue: params.page || undefined,
    },
  );
  const bindings = await Promise.all(page.items.map((t) => bindingOf(deps, t)));
  return {
    kind,
    items: page.items.map((t, i) => toRow(t, bindings[i])),
    continue: page.continue,
    remaining: page.remainingItemCount,
  };
}

/** The binding of a template, by name: ResourceBinding beside it or ClusterResourceBinding. */
export async function bindingOf(deps: Pick<ConsoleDeps, "storage">, template: KubeObject): Promise<ResourceBinding | undefined> {
  const name = bindingName(template.kind, template.metadata.name ?? "");
  const ns = template.metadata.namespace;
  const resource = ns ? "resourcebindings" : "clusterresourcebindings";
  const b = await deps.storage.get({ group: "work.karmada.io", resource }, ns ?? "", name);
  return b as ResourceBinding | undefined;
}

function toRow(t: KubeObject, binding: ResourceBinding | undefined): TemplateRow {
  const m = t.metadata;
  return {
    apiVersion: t.apiVersion,
    kind: t.kind,
    namespace: m.namespace,
    name: m.name ?? "",
    uid: m.uid,
    creationTimestamp: m.creationTimestamp,
    labels: m.labels,
    propagation: summarizePropagation(t, binding),
  };
}
