/** Event reasons and messages of the detector (Karmada's pkg/events names). */
export const REASON_APPLY_POLICY_SUCCEED = "ApplyPolicySucceed";
export const REASON_APPLY_POLICY_FAILED = "ApplyPolicyFailed";
export const REASON_PREEMPT_POLICY_SUCCEED = "PreemptPolicySucceed";
export const REASON_CLEANUP_CLAIM = "PolicyClaimRemoved";
export const REASON_DEPENDENT_OVERRIDES_MISSING = "DependentOverridesMissing";

/** Policy finalizers Karmada's webhooks/detector keep on policies until claims are cleaned. */
export const FINALIZER_PP = "karmada.io/propagation-policy-controller";
export const FINALIZER_CPP = "karmada.io/cluster-propagation-policy-controller";

export const policyRefString = (p: { kind: string; metadata: { namespace?: string; name?: string } }) =>
  p.kind === "PropagationPolicy" ? `${p.metadata.namespace}/${p.metadata.name}` : `${p.metadata.name}`;
