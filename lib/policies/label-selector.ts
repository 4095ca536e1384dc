import type { LabelSelector, LabelSelectorRequirement } from "../kube/selectors";

/**
 * Strict metav1.LabelSelector matching, as `metav1.LabelSelectorAsSelector` + `Matches` do it in Go.
 *
 * The shared lib/kube/selectors helpers are lenient (they are used for request parsing). Karmada,
 * however, treats a selector that fails conversion (bad key, bad value, `In` with no values,
 * `Exists` with values, unknown operator) as *not matching*; this module reproduces that so
 * resource selectors and cluster affinities behave exactly like Karmada's.
 */

const NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Kubernetes IsQualifiedName: `[prefix/]name`, name <= 63 chars, prefix a DNS-1123 subdomain. */
export function isQualifiedName(key: string): boolean {
  const parts = key.split("/");
  let name = key;
  if (parts.length === 2) {
    const [prefix, n] = parts;
    if (!prefix || prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return false;
    name = n;
  } else if (parts.length !== 1) return false;
  return name.length > 0 && name.length <= 63 && NAME_PART.test(name);
}

/** Kubernetes IsValidLabelValue: empty, or <= 63 chars of the name alphabet. */
export function isValidLabelValue(value: string): boolean {
  return value === "" || (value.length <= 63 && NAME_PART.test(value));
}

/** Returns a matcher, or undefined when Go's LabelSelectorAsSelector would return an error. */
export function compileLabelSelector(sel: LabelSelector): ((labels: Record<string, string> | undefined) => boolean) | undefined {
  const checks: ((l: Record<string, string>) => boolean)[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) {
    if (!isQualifiedName(key) || !isValidLabelValue(value)) return undefined;
    checks.push((l) => has(l, key) && l[key] === value);
  }
  for (const expr of sel.matchExpressions ?? []) {
    const check = compileRequirement(expr);
    if (!check) return undefined;
    checks.push(check);
  }
  return (labels) => checks.every((c) => c(labels ?? {}));
}

function compileRequirement(expr: LabelSelectorRequirement): ((l: Record<string, string>) => boolean) | undefined {
  const { key } = expr;
  const values = expr.values ?? [];
  if (!isQualifiedName(key)) return undefined;
  switch (expr.operator) {
    case "In":
    case "NotIn": {
      if (values.length === 0 || !values.every(isValidLabelValue)) return undefined;
      const inSet = (l: Record<string, string>) => has(l, key) && values.includes(l[key]);
      return expr.operator === "In" ? inSet : (l) => !inSet(l);
    }
    case "Exists":
      return values.length ? undefined : (l) => has(l, key);
    case "DoesNotExist":
      return values.length ? undefined : (l) => !has(l, key);
    default:
      return undefined;
  }
}

/** True when the selector converts cleanly and matches the labels; a broken selector matches nothing. */
export function labelSelectorMatches(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  const m = compileLabelSelector(sel);
  return m ? m(labels) : false;
}

function has(l: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(l, key);
}
