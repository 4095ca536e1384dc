import type { KubeObject } from "../kube/types";
import type { ResourceSelector } from "../kube/karmada";
import { compileLabelSelector } from "./label-selector";

/**
 * How specifically a ResourceSelector matched an object (Karmada's `util.ImplicitPriority`).
 * Higher is more specific. Used by PropagationPolicy selection (higher wins) and by
 * OverridePolicy ordering (lower applied first, so the most specific wins conflicts).
 */
export const ImplicitPriority = {
  MisMatch: 0,
  MatchAll: 1,
  MatchLabelSelector: 2,
  MatchName: 3,
} as const;
export type ImplicitPriority = (typeof ImplicitPriority)[keyof typeof ImplicitPriority];

/**
 * Priority of one selector against an object. apiVersion and kind must be equal, and the
 * selector namespace (when set) equal to the object's. A `name` makes the labelSelector
 * irrelevant; no name and no labelSelector matches all; a malformed labelSelector never matches.
 */
export function selectorPriority(selector: ResourceSelector, obj: KubeObject): ImplicitPriority {
  if (obj.apiVersion !== selector.apiVersion || obj.kind !== selector.kind) return ImplicitPriority.MisMatch;
  if (selector.namespace && (obj.metadata.namespace ?? "") !== selector.namespace) return ImplicitPriority.MisMatch;
  if (selector.name) return selector.name === obj.metadata.name ? ImplicitPriority.MatchName : ImplicitPriority.MisMatch;
  // Only an absent selector means "all"; an empty {} object is converted and matches everything too.
  if (!selector.labelSelector) return ImplicitPriority.MatchAll;
  const matcher = compileLabelSelector(selector.labelSelector);
  return matcher?.(obj.metadata.labels) ? ImplicitPriority.MatchLabelSelector : ImplicitPriority.MisMatch;
}

/** True when the selector matches the object at all. */
export function matchesResourceSelector(selector: ResourceSelector, obj: KubeObject): boolean {
  return selectorPriority(selector, obj) > ImplicitPriority.MisMatch;
}

/** True when any of the selectors matches (an empty list matches nothing). */
export function matchesAnyResourceSelector(selectors: readonly ResourceSelector[] | undefined, obj: KubeObject): boolean {
  return (selectors ?? []).some((s) => matchesResourceSelector(s, obj));
}

/** The best priority among the selectors (0 when none matches or the list is empty). */
export function selectorsPriority(selectors: readonly ResourceSelector[] | undefined, obj: KubeObject): ImplicitPriority {
  let best: ImplicitPriority = ImplicitPriority.MisMatch;
  for (const s of selectors ?? []) {
    const p = selectorPriority(s, obj);
    if (p > best) best = p;
  }
  return best;
}

/** Implicit priority of a policy (anything with spec.resourceSelectors) for an object: name 3 > labelSelector 2 > kind only 1 > 0. */
export function implicitPriority(policy: { spec: { resourceSelectors?: ResourceSelector[] } }, obj: KubeObject): ImplicitPriority {
  return selectorsPriority(policy.spec.resourceSelectors, obj);
}

/** Go string `<`: UTF-8 byte order, which equals code-point order (JS `<` compares UTF-16 units). */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const ca = Array.from(a, (c) => c.codePointAt(0)!);
  const cb = Array.from(b, (c) => c.codePointAt(0)!);
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) if (ca[i] !== cb[i]) return ca[i] < cb[i] ? -1 : 1;
  return ca.length - cb.length < 0 ? -1 : 1;
}
