import { randomUUID } from "node:crypto";
import type { Cluster, OverridePolicy, ResourceBinding, Work } from "../../kube/karmada";
import { CLUSTER_API_VERSION, POLICY_API_VERSION, WORK_V1ALPHA1, clusterOfExecutionNamespace } from "../../kube/karmada";
import { defineController, type ControllerDefinition } from "../runtime/controller";
import type { ControllerDeps } from "../runtime/manager";
import { removeFinalizer } from "../runtime/finalizers";
import { setCondition } from "../runtime/conditions";
import { specOrMetaChanged } from "../runtime/watches";
import type { Result } from "../runtime/result";
import { readThroughCache } from "../runtime/cached-read";
import { BINDING_API_VERSION, bindingFinalizer, directlyEvictedClusters, mergeTargetClusters, targetClusters, worksOfBinding, type BindingKind } from "./binding-meta";
import { mergeWork, renderWork, workChanged } from "./render-work";
import { overridesFor } from "./override-selection";
import { aggregateMessage } from "../runtime/aggregate-error";

export const BINDING_CONTROLLER = "binding";
export const CLUSTER_BINDING_CONTROLLER = "cluster-resource-binding";

export const REASON_SYNC_WORK_SUCCEED = "SyncWorkSucceed";
export const REASON_SYNC_WORK_FAILED = "SyncWorkFailed";
export const REASON_APPLY_OVERRIDE_FAILED = "ApplyOverridePolicyFailed";
export const REASON_APPLY_OVERRIDE_SUCCEED = "ApplyOverridePolicySucceed";
export const REASON_CLEANUP_WORK_FAILED = "CleanupWorkFailed";
/** Karmada's requeueIntervalForDirectlyPurge: how soon a binding waiting for Directly-purged Works looks again. */
export const DIRECT_PURGE_REQUEUE_MS = 5000;
/** Condition reporting override rules that could not apply (Flotilla's addition; Karmada only logs and emits an Event). */
export const CONDITION_OVERRIDES_APPLIED = "OverridesApplied";

/**
 * Karmada's binding controller (karmada-api.md §7.4) for one binding kind: Works per target
 * cluster with overrides applied, orphan Works removed, Works deleted when the binding goes.
 * Reacts to binding spec/metadata changes and to every (Cluster)OverridePolicy change.
 */
export function bindingController(kind: BindingKind): (deps: ControllerDeps) => ControllerDefinition {
  return (deps) => {
    const bindings = () => deps.informers.informerFor<ResourceBinding>({ apiVersion: BINDING_API_VERSION, kind });
    const works = () => deps.informers.informerFor<Work>({ apiVersion: WORK_V1ALPHA1, kind: "Work" });
    const allBindings = (ns?: string) => () => bindings().list(ns).map((b) => ({ namespace: b.metadata.namespace, name: b.metadata.name ?? "" }));
    const policies = (k: string) => deps.informers.informerFor<OverridePolicy>({ apiVersion: POLICY_API_VERSION, kind: k }).list();
    const clusters = () => deps.informers.informerFor<Cluster>({ apiVersion: CLUSTER_API_VERSION, kind: "Cluster" });
    return defineController({
      name: kind === "ResourceBinding" ? BINDING_CONTROLLER : CLUSTER_BINDING_CONTROLLER,
      workers: 16,
      watches: [
        { apiVersion: BINDING_API_VERSION, kind, predicate: specOrMetaChanged },
        { apiVersion: POLICY_API_VERSION, kind: "OverridePolicy", map: (o) => allBindings(kind === "ResourceBinding" ? o.metadata.namespace : undefined)() },
        { apiVersion: POLICY_API_VERSION, kind: "ClusterOverridePolicy", map: () => allBindings()() },
        { apiVersion: CLUSTER_API_VERSION, kind: "Cluster", predicate: () => false },
        { apiVersion: WORK_V1ALPHA1, kind: "Work", predicate: () => false },
      ],
      async reconcile(req): Promise<Result | void> {
        const cached = bindings().get(req.namespace, req.name);
        if (!cached) return;
        // Read-only from here on; only the deletion path edits (a copy). No clone per reconcile.
        const binding = cached;
        const mine = worksOfBinding(works(), binding);
        if (binding.metadata.deletionTimestamp) return removeWorks(deps, structuredClone(cached), mine);
        // Works are kept in the clusters the binding still names (eviction tasks not purged
        // Directly included) and rendered only for scheduled and requiredBy clusters, as Karmada.
        const keep = new Set(targetClusters(binding).map((t) => t.name));
        const targets = mergeTargetClusters(binding);
        const orphans = mine.filter((w) => {
          const c = clusterOfExecutionNamespace(w.metadata.namespace ?? "");
          return c && !keep.has(c) && !w.metadata.deletionTimestamp;
        });
        try {
          await Promise.all(orphans.map((w) => deps.client.delete({ apiVersion: WORK_V1ALPHA1, kind: "Work", namespace: w.metadata.namespace, name: w.metadata.name ?? "" })));
        } catch (err) {
          deps.events.event(binding, "Warning", REASON_CLEANUP_WORK_FAILED, errorMessage(err));
          throw err;
        }
        // Karmada's checkDirectPurgeOrphanWorks: while a Work in a cluster evicted with purgeMode
        // Directly still exists (deleting included), no Work is synced; look again in 5 s.
        const directly = new Set(directlyEvictedClusters(binding));
        if (directly.size && mine.some((w) => directly.has(clusterOfExecutionNamespace(w.metadata.namespace ?? "") ?? ""))) {
          return { requeueAfterMs: DIRECT_PURGE_REQUEUE_MS };
        }
        const r = binding.spec.resource;
        // The cached template is used only when it is at least the version the binding records:
        // an older copy would render an old manifest.
        const template = await readThroughCache(deps.informers, deps.client, r, r.resourceVersion);
        if (!template || template.metadata.deletionTimestamp) return;
        const ops = overridesFor(template, policies("OverridePolicy"), policies("ClusterOverridePolicy"));
        const failures: string[] = [];
        /** Karmada's ensureWork errors: the failed override of each cluster, then failed Work writes. */
        const errors: string[] = [];
        const writes: Promise<unknown>[] = [];
        let blocked = false;
        for (const target of targets) {
          const cluster = clusters().get(undefined, target.name);
          if (!cluster) {
            // Karmada's ApplyOverridePolicies reads the Cluster first: no Cluster, no Work for it.
            errors.push(`clusters.cluster.karmada.io "${target.name}" not found`);
            blocked = true;
            continue;
          }
          const existing = mine.find((w) => clusterOfExecutionNamespace(w.metadata.namespace ?? "") === target.name);
          const out = renderWork({ binding, template, target, cluster, ...ops, existing, newWorkId: randomUUID() });
          if (!out.work) {
            failures.push(`Failed to apply overrides for cluster ${target.name}: ${out.errors.map((e) => `${e.policy} rule ${e.rule}: ${e.message}`).join("; ")}`);
            // Karmada stops at the first failing policy and records it on the template.
            const first = out.errors[0];
            if (first) {
              deps.events.event(template, "Warning", REASON_APPLY_OVERRIDE_FAILED, overrideMessage(first.policy, target.name, "failed"));
              errors.push(first.message);
            }
            continue;
          }
          if (existing?.metadata.deletionTimestamp) {
            // CreateOrUpdateWork refuses to update a Work that is going away.
            errors.push(`work ${existing.metadata.namespace}/${existing.metadata.name} is being deleted`);
            blocked = true;
            continue;
          }
          if (existing && !workChanged(existing, out.work)) continue;
          for (const p of out.appliedPolicies ?? []) deps.events.event(template, "Normal", REASON_APPLY_OVERRIDE_SUCCEED, overrideMessage(p, target.name, "succeed"));
          // One binding's Works are independent: written together, not one round trip after another.
          writes.push(existing ? deps.client.update(mergeWork(existing, out.work)) : deps.client.create(out.work));
        }
        const settled = await Promise.allSettled(writes);
        const rejected = settled.filter((r): r is PromiseRejectedResult => r.status === "rejected");
        for (const f of rejected) errors.push(errorMessage(f.reason));
        if (errors.length) {
          const msg = aggregateMessage(errors);
          deps.events.event(binding, "Warning", REASON_SYNC_WORK_FAILED, msg);
          deps.events.event(template, "Warning", REASON_SYNC_WORK_FAILED, msg);
        }
        if (rejected.length) throw rejected[0].reason;
        const wrote = writes.length;
        await setOverridesCondition(deps, binding, failures);
        if (wrote && !errors.length) {
          const msg = `Sync work of ${kind}(${req.namespace ? `${req.namespace}/` : ""}${req.name}) successful.`;
          deps.events.event(binding, "Normal", REASON_SYNC_WORK_SUCCEED, msg);
          deps.events.event(template, "Normal", REASON_SYNC_WORK_SUCCEED, msg);
        }
        if (failures.length) throw new Error(failures.join("; "));
        if (blocked) throw new Error(aggregateMessage(errors));
      },
    });
  };
}

async function removeWorks(deps: ControllerDeps, binding: ResourceBinding, works: Work[]): Promise<void> {
  for (const w of works) {
    if (!w.metadata.deletionTimestamp) await deps.client.delete({ apiVersion: WORK_V1ALPHA1, kind: "Work", namespace: w.metadata.namespace, name: w.metadata.name ?? "" });
  }
  // Karmada drops the finalizer without waiting for the Works to vanish (their own finalizer guards the members).
  if (removeFinalizer(binding, bindingFinalizer(binding.kind))) await deps.client.update(binding);
}

/** Karmada's ApplyOverridePolicySucceed/Failed message for a policy reference from `policyRef`. */
export function overrideMessage(policy: string, cluster: string, outcome: "succeed" | "failed"): string {
  const [kind, ...rest] = policy.split("/");
  return `Apply ${kind === "ClusterOverridePolicy" ? "cluster override" : "override"} policy(${rest.join("/")}) for cluster(${cluster}) ${outcome}.`;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function setOverridesCondition(deps: ControllerDeps, binding: ResourceBinding, failures: string[]): Promise<void> {
  const had = binding.status?.conditions?.some((c) => c.type === CONDITION_OVERRIDES_APPLIED);
  if (!failures.length && !had) return;
  const cond = failures.length
    ? { type: CONDITION_OVERRIDES_APPLIED, status: "False" as const, reason: REASON_APPLY_OVERRIDE_FAILED, message: failures.join("; "), observedGeneration: binding.metadata.generation }
    : { type: CONDITION_OVERRIDES_APPLIED, status: "True" as const, reason: "OverridesApplied", message: "All override rules applied", observedGeneration: binding.metadata.generation };
  if (!setCondition(binding.status?.conditions, cond, new Date(deps.clock.now())).changed) return;
  const fresh = await deps.client.get<ResourceBinding>(binding.apiVersion, binding.kind, binding.metadata.namespace, binding.metadata.name ?? "");
  if (!fresh) return;
  fresh.status = { ...(fresh.status ?? {}), conditions: setCondition(fresh.status?.conditions, cond, new Date(deps.clock.now())).conditions };
  await deps.client.updateStatus(fresh);
}
