/** Pure OverridePolicy semantics (Karmada's overridemanager). See apply-overrides.ts for the entry point. */
export { applyOverrides, policyRef } from "./apply-overrides";
export type { AppliedPatch, ApplyOverridesInput, ApplyOverridesResult, OverrideError } from "./apply-overrides";
export { applyOverriders } from "./apply-overriders";
export { appliedOverridesAnnotations, serializeAppliedOverrides } from "./applied-overrides";
export type { AppliedOverrideItem } from "./applied-overrides";
export { orderMatchingPolicies, rulesForCluster } from "./select-rules";
export type { MatchedRule } from "./select-rules";
export { parseImage, splitHostname, ImageComponents } from "./image-parser";
export { overrideImage } from "./image-overrider";
export { applyJsonPatch, JsonPatchError } from "./json-patch";
export type { JsonPatchOperation } from "./json-patch";
