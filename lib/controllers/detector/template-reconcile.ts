import type { KubeObject } from "../../kube/types";
import type { OverridePolicy, PropagationPolicy, ResourceBinding } from "../../kube/karmada";
import { canPreempt, claimMetadata, currentClaim, isPropagatable, matchesAnyResourceSelector, selectBestPolicy, namesTemplate, withClaim, withoutClaim, bindingName, type Claim } from "../../policies";
import type { Result } from "../runtime/result";
import { readThroughCache } from "../runtime/cached-read";
import { BINDING_API_VERSION, bindingKindFor } from "../binding/binding-meta";
import { bindingChanged, buildBinding } from "./build-binding";
import { clusterPropagationPolicies, findPolicy, POLICY_API, propagationPolicies, type DetectorContext } from "./context";
import {
  REASON_APPLY_POLICY_FAILED,
  REASON_APPLY_POLICY_SUCCEED,
  REASON_GET_REPLICAS_SUCCEED,
  MESSAGE_GET_REPLICAS_SUCCEED,
  REASON_PREEMPT_POLICY_FAILED,
  REASON_PREEMPT_POLICY_SUCCEED,
  applyPolicyMessage,
  policyRefString,
  preemptionMessage,
} from "./reasons";
import { deepEqual } from "../../apiserver/object-utils";
import { interpretsReplicas } from "../../interpreter";

/**
 * One template (Karmada's propagateResource): keep a claimed template with its policy unless
 * the policy is gone, stopped selecting it or is preempted; otherwise pick the best policy;
 * then write the claim on the template and create or refresh its binding. No match leaves
 * the template waiting: any policy event re-queues the templates it selects.
 */
export async function reconcileTemplate(ctx: DetectorContext, ref: { apiVersion: string; kind: string; namespace?: string; name: string }): Promise<Result | void> {
  // Missing template: the garbage collector removes its binding through the ownerReference.
  // From the template informer (the event that queued us came through it); a stale copy only
  // makes the claim write fail with 409, which requeues at once.
  const template = await readThroughCache(ctx.informers, ctx.client, ref);
  if (!template || template.metadata.deletionTimestamp || !isPropagatable(template)) return;
  const claim = currentClaim(template);
  const held = claim ? findPolicy(ctx, claim.kind, claim.kind === "PropagationPolicy" ? claim.namespace : undefined, claim.name) : undefined;
  if (held?.metadata.deletionTimestamp) return { requeueAfterMs: 1000 };
  let policy: PropagationPolicy | undefined = held && matchesAnyResourceSelector(held.spec?.resourceSelectors, template) ? held : undefined;
  if (claim && !policy) {
    await releaseClaim(ctx, template);
    return { requeueAfterMs: 0 };
  }
  let preempted: PropagationPolicy | undefined;
  if (policy && claim) {
    const preemptor = ctx.preemption ? findPreemptor(ctx, template, policy, claim) : undefined;
    if (preemptor) {
      preempted = policy;
      policy = preemptor;
    }
  }
  policy ??= selectBestPolicy(template, propagationPolicies(ctx, template.metadata.namespace ?? ""), clusterPropagationPolicies(ctx)).winner ?? undefined;
  if (!policy) {
    // No binding to refresh: drop the change mark, or marks of unpropagated templates pile up.
    ctx.templates.handled(template);
    return;
  }
  return applyPolicy(ctx, template, policy, preempted);
}

async function applyPolicy(ctx: DetectorContext, template: KubeObject, policy: PropagationPolicy, preempted?: PropagationPolicy): Promise<Result | void> {
  const missing = await missingDependentOverrides(ctx, policy);
  // Karmada waits (returns an error, retried) without recording an Event.
  if (missing.length) throw new Error(`waiting for dependent overrides: ${missing.join(", ")} of ${policyRefString(policy)} not found`);
  let claimed = template;
  if (preempted) {
    // Karmada's preemption is the claim write, with its own Event either way.
    try {
      claimed = await ctx.client.update(withClaim(template, policy));
    } catch (err) {
      ctx.events.event(template, "Warning", REASON_PREEMPT_POLICY_FAILED, preemptionMessage(policy, preempted, err));
      throw err;
    }
    ctx.events.event(template, "Normal", REASON_PREEMPT_POLICY_SUCCEED, preemptionMessage(policy, preempted));
  }
  try {
    // Checked before copying: a claimed template (every one after a restart) needs no copy.
    if (!hasClaim(claimed, policy)) claimed = await ctx.client.update(withClaim(claimed, policy));
    const created = await ensureBinding(ctx, claimed, policy);
    if (created || claimed !== template) {
      // Karmada interprets replicas (with this Event) each time it builds the binding it then writes.
      if (interpretsReplicas(template)) ctx.events.event(template, "Normal", REASON_GET_REPLICAS_SUCCEED, MESSAGE_GET_REPLICAS_SUCCEED);
      ctx.events.event(template, "Normal", REASON_APPLY_POLICY_SUCCEED, applyPolicyMessage(policy));
    }
  } catch (err) {
    ctx.events.event(template, "Warning", REASON_APPLY_POLICY_FAILED, applyPolicyMessage(policy, err));
    throw err;
  }
}

/** Creates or refreshes the binding; returns true when it wrote something. */
async function ensureBinding(ctx: DetectorContext, template: KubeObject, policy: PropagationPolicy): Promise<boolean> {
  const kind = bindingKindFor(template);
  const name = bindingName(template.kind, template.metadata.name ?? "");
  const existing = await readThroughCache<ResourceBinding>(ctx.informers, ctx.client, { apiVersion: BINDING_API_VERSION, kind, namespace: template.metadata.namespace, name });
  if (!existing) {
    await ctx.client.create(buildBinding(template, policy));
    return true;
  }
  const owner = existing.metadata.ownerReferences?.find((r) => r.controller);
  // A binding still owned by a deleted incarnation of the template waits for garbage collection.
  if (owner && owner.uid !== template.metadata.uid) throw new Error(`${kind} ${name} is still owned by a previous object (uid ${owner.uid}); waiting for garbage collection`);
  const desired = buildBinding(template, policy, existing);
  const changed = ctx.templates.hasChanged(template);
  if (!bindingChanged(existing, desired)) {
    ctx.templates.handled(template);
    return false;
  }
  // Only the recorded resourceVersion is behind (status writes to the template moved it) and the
  // template did not change since start: the binding controller renders from the current
  // template anyway. Rewriting it re-ran the scheduler's status write and Events for every
  // binding of a restart (3,000 binding writes + 6,000 Events at 3,000 Deployments).
  if (!changed && !bindingChanged(existing, withResourceVersion(desired, existing.spec.resource.resourceVersion))) return false;
  await ctx.client.update(desired);
  ctx.templates.handled(template);
  return true;
}

function withResourceVersion(b: ResourceBinding, resourceVersion: string | undefined): ResourceBinding {
  return { ...b, spec: { ...b.spec, resource: { ...b.spec.resource, resourceVersion } } };
}

/** Removes the claim from the binding first, then from the template (Karmada's cleanup order). */
export async function releaseClaim(ctx: DetectorContext, template: KubeObject): Promise<void> {
  const kind = bindingKindFor(template);
  const binding = await ctx.client.get<ResourceBinding>(BINDING_API_VERSION, kind, template.metadata.namespace, bindingName(template.kind, template.metadata.name ?? ""));
  if (binding && currentClaim(binding)) await ctx.client.update(withoutClaim(binding));
  if (currentClaim(template)) await ctx.client.update(withoutClaim(template));
}

async function missingDependentOverrides(ctx: DetectorContext, policy: PropagationPolicy): Promise<string[]> {
  const names = policy.spec?.dependentOverrides ?? [];
  const out: string[] = [];
  for (const n of names) {
    const kind = policy.kind === "PropagationPolicy" ? "OverridePolicy" : "ClusterOverridePolicy";
    const found = await ctx.client.get<OverridePolicy>(POLICY_API, kind, policy.metadata.namespace, n);
    if (!found) out.push(n);
  }
  return out;
}

/** Whether the template already carries exactly `policy`'s claim (what withClaim would write). */
export function hasClaim(template: KubeObject, policy: PropagationPolicy): boolean {
  const m = claimMetadata(policy);
  const labels = template.metadata.labels ?? {};
  const annotations = template.metadata.annotations ?? {};
  for (const k in m.labels) if (labels[k] !== m.labels[k]) return false;
  for (const k in m.annotations) if (annotations[k] !== m.annotations[k]) return false;
  return !m.removeLabels.some((k) => k in labels) && !m.removeAnnotations.some((k) => k in annotations);
}

/** The best `preemption: Always` policy that names this template and may take it from its holder. */
function findPreemptor(ctx: DetectorContext, template: KubeObject, holder: PropagationPolicy, claim: Claim): PropagationPolicy | undefined {
  const current = { kind: claim.kind, namespace: claim.kind === "PropagationPolicy" ? claim.namespace : undefined, name: claim.name, priority: holder.spec?.priority ?? 0 };
  const pool = [...propagationPolicies(ctx, template.metadata.namespace ?? ""), ...clusterPropagationPolicies(ctx)];
  // canPreempt first: it reads one field, namesTemplate reads selectors (most policies never preempt).
  // namesTemplate: Karmada's preemption fetches each selector's object by its exact namespace and
  // name, so a selector that names the template without its namespace (a CPP's) preempts nothing.
  const able = pool.filter((p) => !p.metadata.deletionTimestamp && canPreempt(p, current) && namesTemplate(p, template));
  if (!able.length) return undefined;
  const pps = able.filter((p) => p.kind === "PropagationPolicy");
  return selectBestPolicy(template, pps, pps.length ? [] : able).winner ?? undefined;
}
