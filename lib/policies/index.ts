/** Pure PropagationPolicy / selector semantics shared by the detector, scheduler, overrides and REST endpoints. */
export { matchClusterAffinity, matchZones } from "./cluster-affinity";
export { labelSelectorMatches, compileLabelSelector, isQualifiedName, isValidLabelValue } from "./label-selector";
export {
  ImplicitPriority,
  compareBytes,
  implicitPriority,
  matchesAnyResourceSelector,
  matchesResourceSelector,
  selectorPriority,
  selectorsPriority,
} from "./resource-selector";
export { selectBestPolicy } from "./select-policy";
export type { PolicyCandidate, PolicySelection } from "./select-policy";
export { bindingName, workName, fnv32a, safeEncodeString } from "./names";
export { isPropagatable, isReservedNamespace, isSkippedApi, isSkippedNamespace, SKIPPED_API_GROUPS } from "./reserved";
export { canPreempt, namesTemplate } from "./preemption";
export type { ClaimHolder } from "./preemption";
export { claimMetadata, currentClaim, policyPermanentId, withClaim, withoutClaim } from "./claim";
export type { Claim, ClaimMetadata } from "./claim";
