import { z } from "zod";
import type { CommandArgsOverrider, ImageOverrider, LabelAnnotationOverrider, OverridePolicy, Overriders, PlaintextOverrider, RuleWithCluster } from "../../lib/kube/karmada";
import { POLICY_API_VERSION } from "../../lib/kube/karmada";
import type { JsonValue } from "../../lib/kube/types";
import { isDNS1123Label, isDNS1123Subdomain } from "../../lib/kube/validation/names";
import { labelSelectorTextError, labelSelectorToText, textToLabelSelector } from "./label-selector-text";
import { resourceSelectorSchema, selectorsToValues, valuesToSelectors } from "./propagation-form-model";

/**
 * The override-policy form: one entry per rule (target clusters by name and/or labels) with
 * lists for the image, labels, annotations, command, args and plaintext overriders. Values are
 * strings where people type (command and args one per line, plaintext values as JSON) and are
 * converted losslessly; rule fields the form does not show (fieldOverrider...) are kept from
 * the rule at the same index.
 */

const operator = z.enum(["add", "remove", "replace"]);
const imageSchema = z.object({ component: z.enum(["Registry", "Repository", "Tag"]), operator, value: z.string(), predicatePath: z.string() });
const kvSchema = z.object({ operator, key: z.string().min(1, "Key required"), value: z.string() });
const cmdSchema = z.object({ containerName: z.string().min(1, "Container name required"), operator: z.enum(["add", "remove"]), values: z.string() });
const plaintextSchema = z
  .object({ path: z.string().regex(/^\//, "A JSON pointer starting with /"), operator, value: z.string() })
  .refine((p) => p.operator === "remove" || parsesAsJson(p.value), { message: "The value must be JSON (e.g. 3, \"text\", {\"a\":1})", path: ["value"] });

const ruleSchema = z.object({
  clusterNames: z.array(z.string()),
  clusterLabelSelector: z.string().refine((v) => !labelSelectorTextError(v), { message: "Not a valid label selector" }),
  image: z.array(imageSchema),
  labels: z.array(kvSchema),
  annotations: z.array(kvSchema),
  command: z.array(cmdSchema),
  args: z.array(cmdSchema),
  plaintext: z.array(plaintextSchema),
});

export const overrideFormSchema = z
  .object({
    kind: z.enum(["OverridePolicy", "ClusterOverridePolicy"]),
    name: z.string().min(1, "Required").refine((v) => isDNS1123Subdomain(v).length === 0, { message: "Must be a lowercase RFC 1123 subdomain" }),
    namespace: z.string(),
    resourceSelectors: z.array(resourceSelectorSchema),
    rules: z.array(ruleSchema).min(1, "Add at least one rule"),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "OverridePolicy" && isDNS1123Label(v.namespace).length) ctx.addIssue({ code: "custom", path: ["namespace"], message: "A namespace is required (RFC 1123 label)" });
  });

export type OverrideFormValues = z.infer<typeof overrideFormSchema>;
export type OverrideRuleValues = OverrideFormValues["rules"][number];

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** An empty rule (targets every cluster until narrowed). */
export function emptyRule(): OverrideRuleValues {
  return { clusterNames: [], clusterLabelSelector: "", image: [], labels: [], annotations: [], command: [], args: [], plaintext: [] };
}

function ruleToValues(r: RuleWithCluster): OverrideRuleValues {
  const o = r.overriders ?? {};
  const kv = (list: LabelAnnotationOverrider[] | undefined) => (list ?? []).flatMap((e) => Object.entries(e.value ?? {}).map(([key, value]) => ({ operator: e.operator, key, value })));
  const cmd = (list: CommandArgsOverrider[] | undefined) => (list ?? []).map((c) => ({ containerName: c.containerName, operator: c.operator === "remove" ? ("remove" as const) : ("add" as const), values: (c.value ?? []).join("\n") }));
  return {
    clusterNames: r.targetCluster?.clusterNames ?? [],
    clusterLabelSelector: labelSelectorToText(r.targetCluster?.labelSelector),
    image: (o.imageOverrider ?? []).map((i) => ({ component: i.component, operator: i.operator, value: i.value ?? "", predicatePath: i.predicate?.path ?? "" })),
    labels: kv(o.labelsOverrider),
    annotations: kv(o.annotationsOverrider),
    command: cmd(o.commandOverrider),
    args: cmd(o.argsOverrider),
    plaintext: (o.plaintext ?? []).map((p) => ({ path: p.path, operator: p.operator, value: p.value === undefined ? "" : JSON.stringify(p.value) })),
  };
}

function valuesToRule(v: OverrideRuleValues, base?: RuleWithCluster): RuleWithCluster {
  const labelSelector = textToLabelSelector(v.clusterLabelSelector);
  const targetCluster = { ...(base?.targetCluster ?? {}), clusterNames: v.clusterNames.length ? v.clusterNames : undefined, labelSelector };
  const overriders: Overriders = { ...(base?.overriders ?? {}) };
  set(overriders, "imageOverrider", v.image.map((i): ImageOverrider => ({ component: i.component, operator: i.operator, ...(i.value ? { value: i.value } : {}), ...(i.predicatePath ? { predicate: { path: i.predicatePath } } : {}) })));
  set(overriders, "labelsOverrider", groupKv(v.labels));
  set(overriders, "annotationsOverrider", groupKv(v.annotations));
  set(overriders, "commandOverrider", v.command.map(toCmd));
  set(overriders, "argsOverrider", v.args.map(toCmd));
  set(overriders, "plaintext", v.plaintext.map((p): PlaintextOverrider => ({ path: p.path, operator: p.operator, ...(p.operator !== "remove" && p.value ? { value: JSON.parse(p.value) as JsonValue } : {}) })));
  const cleanTarget = Object.fromEntries(Object.entries(targetCluster).filter(([, x]) => x !== undefined));
  return { ...(Object.keys(cleanTarget).length ? { targetCluster: cleanTarget } : {}), overriders };
}

function set<K extends keyof Overriders>(o: Overriders, key: K, list: NonNullable<Overriders[K]>): void {
  if ((list as unknown[]).length) o[key] = list;
  else delete o[key];
}

/** Rows with the same operator become one overrider with a map, as Karmada's API groups them. */
function groupKv(rows: OverrideRuleValues["labels"]): LabelAnnotationOverrider[] {
  const out: LabelAnnotationOverrider[] = [];
  for (const r of rows) {
    let entry = out.find((e) => e.operator === r.operator);
    if (!entry) out.push((entry = { operator: r.operator, value: {} }));
    entry.value = { ...(entry.value ?? {}), [r.key]: r.value };
  }
  return out;
}

function toCmd(c: OverrideRuleValues["command"][number]): CommandArgsOverrider {
  const value = c.values.split("\n").map((s) => s.trim()).filter(Boolean);
  return { containerName: c.containerName, operator: c.operator, ...(value.length ? { value } : {}) };
}

/** Form values of an override policy. */
export function overrideToValues(p: OverridePolicy): OverrideFormValues {
  return {
    kind: p.kind === "ClusterOverridePolicy" ? "ClusterOverridePolicy" : "OverridePolicy",
    name: p.metadata?.name ?? "",
    namespace: p.metadata?.namespace ?? "",
    resourceSelectors: selectorsToValues(p.spec?.resourceSelectors),
    rules: (p.spec?.overrideRules ?? []).map(ruleToValues),
  };
}

/** The override policy the form describes, on top of `base`. */
export function valuesToOverride(v: OverrideFormValues, base?: OverridePolicy): OverridePolicy {
  const metadata = { ...(base?.metadata ?? {}), name: v.name };
  if (v.kind === "OverridePolicy") metadata.namespace = v.namespace;
  else delete metadata.namespace;
  const baseRules = base?.spec?.overrideRules ?? [];
  const spec = { ...(base?.spec ?? {}), overrideRules: v.rules.map((r, i) => valuesToRule(r, baseRules[i])) };
  const selectors = valuesToSelectors(v.resourceSelectors);
  if (selectors.length) spec.resourceSelectors = selectors;
  else delete spec.resourceSelectors;
  return { ...(base ?? {}), apiVersion: POLICY_API_VERSION, kind: v.kind, metadata, spec };
}

/** A new override policy: one rule replacing the image tag, the most common override. */
export function newOverridePolicy(kind: OverridePolicy["kind"] = "OverridePolicy", namespace = "default"): OverridePolicy {
  return {
    apiVersion: POLICY_API_VERSION,
    kind,
    metadata: { name: "", ...(kind === "OverridePolicy" ? { namespace } : {}) },
    spec: { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], overrideRules: [{ targetCluster: {}, overriders: { imageOverrider: [{ component: "Tag", operator: "replace", value: "latest" }] } }] },
  };
}
