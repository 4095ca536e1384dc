import type { LabelSelector, LabelSelectorRequirement } from "../../lib/kube/selectors";
import { labelSelectorToRequirements, parseLabelSelector, selectorToString } from "../../lib/kube/selectors";

/**
 * Label selectors typed as kubectl's string form ("env=prod,tier in (web,api),!legacy") in the
 * forms, stored as metav1.LabelSelector in the policy. `=` becomes matchLabels; everything else
 * a matchExpression. Empty text means "no selector" (undefined), not "match everything".
 */
export function textToLabelSelector(text: string): LabelSelector | undefined {
  const reqs = parseLabelSelector(text);
  if (!reqs.length) return undefined;
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const r of reqs) {
    if (r.op === "=") matchLabels[r.key] = r.values[0];
    else if (r.op === "!=") matchExpressions.push({ key: r.key, operator: "NotIn", values: [r.values[0]] });
    else if (r.op === "in") matchExpressions.push({ key: r.key, operator: "In", values: r.values });
    else if (r.op === "notin") matchExpressions.push({ key: r.key, operator: "NotIn", values: r.values });
    else if (r.op === "exists") matchExpressions.push({ key: r.key, operator: "Exists" });
    else matchExpressions.push({ key: r.key, operator: "DoesNotExist" });
  }
  return { ...(Object.keys(matchLabels).length ? { matchLabels } : {}), ...(matchExpressions.length ? { matchExpressions } : {}) };
}

/** The string form of a LabelSelector ("" for none). */
export function labelSelectorToText(sel: LabelSelector | undefined): string {
  if (!sel) return "";
  try {
    return selectorToString(labelSelectorToRequirements(sel));
  } catch {
    // An operator the string form cannot express; the YAML tab still shows it faithfully.
    return "";
  }
}

/** An error message for selector text, or undefined when it parses. */
export function labelSelectorTextError(text: string): string | undefined {
  try {
    parseLabelSelector(text);
    return undefined;
  } catch (err) {
    return (err as { status?: { message?: string } }).status?.message ?? (err as Error).message;
  }
}
