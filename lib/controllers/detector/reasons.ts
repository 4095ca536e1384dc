/** Event reasons and messages of the detector (Karmada's pkg/events names). */
export const REASON_APPLY_POLICY_SUCCEED = "ApplyPolicySucceed";
export const REASON_APPLY_POLICY_FAILED = "ApplyPolicyFailed";
export const REASON_PREEMPT_POLICY_SUCCEED = "PreemptPolicySucceed";
export const REASON_PREEMPT_POLICY_FAILED = "PreemptPolicyFailed";
export const REASON_GET_REPLICAS_SUCCEED = "GetReplicasSucceed";
export const MESSAGE_GET_REPLICAS_SUCCEED = "Get replicas of resource template successfully.";

/** Policy finalizers Karmada's webhooks/detector keep on policies until claims are cleaned. */
export const FINALIZER_PP = "karmada.io/propagation-policy-controller";
export const FINALIZER_CPP = "karmada.io/cluster-propagation-policy-controller";

export const policyRefString = (p: { kind: string; metadata: { namespace?: string; name?: string } }) =>
  p.kind === "PropagationPolicy" ? `${p.metadata.namespace}/${p.metadata.name}` : `${p.metadata.name}`;

type PolicyLike = { kind: string; metadata: { namespace?: string; name?: string } };

const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Karmada's ApplyPolicySucceed/Failed message: "Apply policy(ns/name) succeed" for a
 * PropagationPolicy, "Apply cluster policy(name) succeed" for a ClusterPropagationPolicy, and
 * "... failed: <error>" when `err` is given.
 */
export function applyPolicyMessage(policy: PolicyLike, err?: unknown): string {
  const what = policy.kind === "PropagationPolicy" ? `policy(${policyRefString(policy)})` : `cluster policy(${policy.metadata.name})`;
  return err === undefined ? `Apply ${what} succeed` : `Apply ${what} failed: ${errText(err)}`;
}

/**
 * Karmada's PreemptPolicySucceed/Failed message, e.g. "Propagation policy(ns/a) preempted
 * cluster propagation policy(b) successfully" or "Cluster propagation policy(a) failed to
 * preempt cluster propagation policy(b): <error>".
 */
export function preemptionMessage(preemptor: PolicyLike, preempted: PolicyLike, err?: unknown): string {
  const name = (p: PolicyLike) => (p.kind === "PropagationPolicy" ? `propagation policy(${policyRefString(p)})` : `cluster propagation policy(${p.metadata.name})`);
  const subject = name(preemptor);
  const who = subject[0].toUpperCase() + subject.slice(1);
  return err === undefined ? `${who} preempted ${name(preempted)} successfully` : `${who} failed to preempt ${name(preempted)}: ${errText(err)}`;
}
