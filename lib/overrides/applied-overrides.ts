import type {
  CommandArgsOverrider,
  FieldOverrider,
  ImageOverrider,
  LabelAnnotationOverrider,
  Overriders,
  PlaintextOverrider,
  SubPathOverrider,
} from "../kube/karmada";
import { ANNOTATION_APPLIED_CLUSTER_OVERRIDES, ANNOTATION_APPLIED_OVERRIDES } from "../kube/karmada";
import { goSort } from "../scheduler/go-sort";
import { goJsonStringify, goStruct } from "./go-json";

/** One applied rule, as recorded in the applied-overrides annotations (Karmada's OverridePolicyShadow). */
export interface AppliedOverrideItem {
  policyName: string;
  overriders: Overriders;
}

/**
 * The annotation text for a list of applied rules, byte-identical to Karmada's: items sorted
 * by policy name with Go's unstable sort.Slice (AppliedOverrides.AscendOrder), Go struct field
 * order, empty lists omitted. Returns undefined for an empty list, in which case no annotation
 * is written. Names tie when one policy has several rules matching the cluster (one item per
 * rule); beyond 12 items pdqsort moves such ties, and the annotation text follows Go's order.
 */
export function serializeAppliedOverrides(items: readonly AppliedOverrideItem[]): string | undefined {
  if (!items.length) return undefined;
  const sorted = goSort([...items], (a, b) => a.policyName < b.policyName);
  return goJsonStringify(sorted.map((i) => goStruct([["policyName", i.policyName], ["overriders", overridersStruct(i.overriders)]])));
}

/** Both Work annotations (`policy.karmada.io/applied-cluster-overrides`, `.../applied-overrides`) that apply. */
export function appliedOverridesAnnotations(cluster: readonly AppliedOverrideItem[], namespaced: readonly AppliedOverrideItem[]): Record<string, string> {
  const out: Record<string, string> = {};
  const c = serializeAppliedOverrides(cluster);
  const n = serializeAppliedOverrides(namespaced);
  if (c) out[ANNOTATION_APPLIED_CLUSTER_OVERRIDES] = c;
  if (n) out[ANNOTATION_APPLIED_OVERRIDES] = n;
  return out;
}

const nonEmpty = <T>(list: T[] | undefined, f: (x: T) => unknown) => (list?.length ? list.map(f) : undefined);

function overridersStruct(o: Overriders) {
  return goStruct([
    ["plaintext", nonEmpty(o.plaintext, plaintext)],
    ["imageOverrider", nonEmpty(o.imageOverrider, image)],
    ["commandOverrider", nonEmpty(o.commandOverrider, commandArgs)],
    ["argsOverrider", nonEmpty(o.argsOverrider, commandArgs)],
    ["labelsOverrider", nonEmpty(o.labelsOverrider, labelAnnotation)],
    ["annotationsOverrider", nonEmpty(o.annotationsOverrider, labelAnnotation)],
    ["fieldOverrider", nonEmpty(o.fieldOverrider, field)],
  ]);
}

// apiextensionsv1.JSON is a struct, so `omitempty` never drops it: an absent value is `null`.
const plaintext = (p: PlaintextOverrider) => goStruct([["path", p.path], ["operator", p.operator], ["value", p.value ?? null]]);

const image = (i: ImageOverrider) =>
  goStruct([
    ["predicate", i.predicate ? goStruct([["path", i.predicate.path]]) : undefined],
    ["component", i.component],
    ["operator", i.operator],
    ["value", i.value ? i.value : undefined],
  ]);

const commandArgs = (c: CommandArgsOverrider) =>
  goStruct([["containerName", c.containerName], ["operator", c.operator], ["value", c.value?.length ? c.value : undefined]]);

const labelAnnotation = (l: LabelAnnotationOverrider) => goStruct([["operator", l.operator], ["value", l.value ?? null]]);

const subPath = (s: SubPathOverrider) => goStruct([["subPath", s.subPath], ["operator", s.operator], ["value", s.value ?? null]]);

const field = (f: FieldOverrider) =>
  goStruct([["fieldPath", f.fieldPath], ["json", nonEmpty(f.json, subPath)], ["yaml", nonEmpty(f.yaml, subPath)]]);
