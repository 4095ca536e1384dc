import type { KubeObject } from "../../kube/types";
import type { PropagationPolicy } from "../../kube/karmada";
import { currentClaim, matchesAnyResourceSelector, namesTemplate } from "../../policies";
import { addFinalizer, removeFinalizer } from "../runtime/finalizers";
import type { Result } from "../runtime/result";
import { findPolicy, type DetectorContext } from "./context";
import { releaseClaim } from "./template-reconcile";
import { templateRequest } from "./template-keys";
import { FINALIZER_CPP, FINALIZER_PP } from "./reasons";

/**
 * One (Cluster)PropagationPolicy: while it lives, keep its finalizer and re-queue every
 * template it claims, selects while unclaimed (the waiting list), or may preempt; once it is
 * deleted, remove its claims from bindings and templates (nothing in members changes) and then
 * its finalizer. Templates it released are re-queued so another policy can pick them up.
 */
export async function reconcilePolicy(ctx: DetectorContext, ref: { kind: PropagationPolicy["kind"]; namespace?: string; name: string }): Promise<Result | void> {
  const policy = findPolicy(ctx, ref.kind, ref.namespace, ref.name);
  const finalizer = ref.kind === "PropagationPolicy" ? FINALIZER_PP : FINALIZER_CPP;
  if (!policy || policy.metadata.deletionTimestamp) {
    const released = await releaseAll(ctx, ref);
    for (const t of released) ctx.enqueue(templateRequest(t));
    if (policy) {
      const copy = structuredClone(policy);
      // Karmada records no Event for the claims it cleans up.
      if (removeFinalizer(copy, finalizer)) await ctx.client.update(copy);
    }
    return;
  }
  const copy = structuredClone(policy);
  if (addFinalizer(copy, finalizer)) await ctx.client.update(copy);
  for (const t of ctx.templates.templates()) if (concerns(ctx, policy, t)) ctx.enqueue(templateRequest(t));
}

function claimedBy(t: KubeObject, ref: { kind: string; namespace?: string; name: string }): boolean {
  const c = currentClaim(t);
  if (!c || c.kind !== ref.kind || c.name !== ref.name) return false;
  return c.kind === "ClusterPropagationPolicy" || c.namespace === ref.namespace;
}

/** Claimed by it, or selected by it and unclaimed, or selected by name under a preempting policy. */
function concerns(ctx: DetectorContext, policy: PropagationPolicy, t: KubeObject): boolean {
  if (claimedBy(t, { kind: policy.kind, namespace: policy.metadata.namespace, name: policy.metadata.name ?? "" })) return true;
  if (policy.kind === "PropagationPolicy" && t.metadata.namespace !== policy.metadata.namespace) return false;
  // Claimed by another policy and this one never preempts: no selector to evaluate (the common
  // case when every policy is reconciled over every template after a restart).
  const claimed = !!currentClaim(t);
  const preempting = ctx.preemption && policy.spec?.preemption === "Always";
  if (claimed && !preempting) return false;
  if (!matchesAnyResourceSelector(policy.spec?.resourceSelectors, t)) return false;
  return !claimed || namesTemplate(policy, t);
}

async function releaseAll(ctx: DetectorContext, ref: { kind: string; namespace?: string; name: string }): Promise<KubeObject[]> {
  const released: KubeObject[] = [];
  for (const t of [...ctx.templates.templates()]) {
    if (!claimedBy(t, ref)) continue;
    await releaseClaim(ctx, t);
    released.push(t);
  }
  return released;
}
