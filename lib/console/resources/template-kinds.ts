import type { ResourceDescriptor } from "../../kube/resource-descriptor";
import { apiVersionOf } from "../../kube/resource-descriptor";
import { isSkippedApi } from "../../policies";

/** What the console needs to know about a kind that can be a resource template. */
export interface TemplateKind {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

/**
 * Kinds that can be propagated (Karmada's groups, events and Leases never are), one entry per
 * group and plural (the first served version), sorted with the workload kinds first because
 * that is what people look for.
 */
export function templateKinds(descriptors: readonly ResourceDescriptor[]): TemplateKind[] {
  const seen = new Set<string>();
  const out: TemplateKind[] = [];
  for (const d of descriptors) {
    if (isSkippedApi(apiVersionOf(d), d.kind) || !d.verbs.includes("list")) continue;
    if (d.group === "apiextensions.k8s.io" || d.kind === "Namespace" || d.kind === "Node" || d.kind === "Pod") continue;
    const key = `${d.plural}.${d.group}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ group: d.group, version: d.version, kind: d.kind, plural: d.plural, namespaced: d.namespaced });
  }
  return out.sort((a, b) => rank(a) - rank(b) || a.kind.localeCompare(b.kind));
}

const WORKLOADS = ["Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"];

function rank(k: TemplateKind): number {
  const i = WORKLOADS.indexOf(k.kind);
  return i < 0 ? WORKLOADS.length : i;
}

/**
 * Resolves the kind token of a URL or query ("Deployment", "deployment", "deployments",
 * "deployments.apps") to a template kind; undefined when unknown or ambiguous.
 */
export function resolveTemplateKind(kinds: readonly TemplateKind[], token: string): TemplateKind | undefined {
  const t = token.toLowerCase();
  const exact = kinds.filter((k) => `${k.plural}.${k.group}` === t || (k.group === "" && k.plural === t));
  if (exact.length === 1) return exact[0];
  const loose = kinds.filter((k) => k.kind.toLowerCase() === t || k.plural === t);
  return loose.length === 1 ? loose[0] : undefined;
}

/** The URL token for a kind: "deployments.apps", or "configmaps" for the core group. */
export function kindToken(k: Pick<TemplateKind, "plural" | "group">): string {
  return k.group ? `${k.plural}.${k.group}` : k.plural;
}
