import type { ResourceBinding, Work } from "../../kube/karmada";
import { WORK_V1ALPHA1 } from "../../kube/karmada";
import { aggregateStatus } from "../../interpreter";
import { defineController, type ControllerDefinition } from "../runtime/controller";
import type { ControllerDeps } from "../runtime/manager";
import { setCondition } from "../runtime/conditions";
import { readThroughCache } from "../runtime/cached-read";
import { BINDING_API_VERSION, bindingOfWork, worksOfBinding, type BindingKind } from "../binding/binding-meta";
import { aggregatedItems, aggregateProgressOnly, fullyAppliedCondition } from "./aggregate";
import { settlingMs } from "./settling";
import { deepEqual } from "../../apiserver/object-utils";
import { specOrMetaChanged, type WatchEventInfo } from "../runtime/watches";
import { WritePacer } from "../runtime/write-pacer";
import { requestKey } from "../runtime/keys";
import { ApiError } from "../../kube/errors";

export const BINDING_STATUS_CONTROLLER = "binding-status";
export const CLUSTER_BINDING_STATUS_CONTROLLER = "cluster-resource-binding-status";
export const REASON_AGGREGATE_STATUS_SUCCEED = "AggregateStatusSucceed";
export const REASON_AGGREGATE_STATUS_FAILED = "AggregateStatusFailed";

/**
 * Least time between two in-progress aggregated status writes of one binding (WritePacer):
 * Works of one binding turn Healthy one by one, seconds apart under load, and each step was a
 * binding write plus a template status write (and its Event).
 */
export const BINDING_PROGRESS_WRITE_INTERVAL_MS = 2000;

/**
 * Karmada's RB/CRB status controller (karmada-api.md §7.7): aggregatedStatus and FullyApplied
 * on the binding, then the template's own status through the status subresource for kinds with
 * an aggregation rule. Both writes happen only on change, not while the binding's Works are
 * settling (settling.ts), and rollout progress at most every BINDING_PROGRESS_WRITE_INTERVAL_MS
 * per binding (reaching Healthy, a failure or a regression go out at once). The template status
 * write is ignored by the detector (status-only), so it never re-triggers propagation.
 */
export function bindingStatusController(kind: BindingKind, progressIntervalMs = BINDING_PROGRESS_WRITE_INTERVAL_MS): (deps: ControllerDeps) => ControllerDefinition {
  return (deps) => {
    const pacer = new WritePacer(progressIntervalMs);
    const bindings = () => deps.informers.informerFor<ResourceBinding>({ apiVersion: BINDING_API_VERSION, kind });
    const works = () => deps.informers.informerFor<Work>({ apiVersion: WORK_V1ALPHA1, kind: "Work" });
    return defineController({
      name: kind === "ResourceBinding" ? BINDING_STATUS_CONTROLLER : CLUSTER_BINDING_STATUS_CONTROLLER,
      workers: 16,
      watches: [
        // Its own status writes (and the scheduler's) must not re-run it: spec/meta changes only.
        { apiVersion: BINDING_API_VERSION, kind, predicate: specOrMetaChanged },
        {
          apiVersion: WORK_V1ALPHA1,
          kind: "Work",
          predicate: workStatusChanged,
          // Works of one binding change in bursts: one aggregated write per burst, not per Work.
          delayMs: 100,
          map: (w) => {
            const b = bindingOfWork(w);
            return b && b.kind === kind ? [{ namespace: b.namespace, name: b.name }] : [];
          },
        },
      ],
      async reconcile(req) {
        const key = requestKey(req);
        const binding = bindings().get(req.namespace, req.name);
        if (!binding || binding.metadata.deletionTimestamp) return pacer.forget(key);
        const mine = worksOfBinding(works(), binding);
        // Works about to change on their own: one write once they settled, not one per step.
        const wait = settlingMs(binding, mine, deps.clock.now());
        if (wait > 0) return { requeueAfterMs: wait };
        const items = aggregatedItems(mine, binding.spec.resource);
        const now = deps.clock.now();
        const cond = setCondition(binding.status?.conditions, fullyAppliedCondition(binding, items), new Date(now));
        if (cond.changed || !deepEqual(items, binding.status?.aggregatedStatus ?? [])) {
          const progress = !cond.changed && aggregateProgressOnly(binding.status?.aggregatedStatus, items);
          const held = progress ? pacer.waitMs(key, now) : 0;
          // The template's status follows the binding's: both wait.
          if (held > 0) return { requeueAfterMs: held };
          // A status write reads nothing but status from its body: the cached binding is not copied.
          const next = { ...binding, status: { ...(binding.status ?? {}), conditions: cond.conditions, aggregatedStatus: items } };
          try {
            await deps.client.updateStatus(next);
          } catch (err) {
            // Karmada retries conflicts before it gives up and records the failure; a 409 here is requeued at once.
            if (!ApiError.is(err, "Conflict")) deps.events.event(binding, "Warning", REASON_AGGREGATE_STATUS_FAILED, errorMessage(err));
            throw err;
          }
          deps.events.event(binding, "Normal", REASON_AGGREGATE_STATUS_SUCCEED, bindingAggregatedMessage(binding));
          pacer.wrote(key, now, items.some((i) => i.applied && i.health !== "Healthy"));
        }
        await updateTemplateStatus(deps, binding, items);
      },
    });
  };
}

async function updateTemplateStatus(deps: ControllerDeps, binding: ResourceBinding, items: ReturnType<typeof aggregatedItems>): Promise<void> {
  const r = binding.spec.resource;
  // A stale cached template only costs a 409 on the status write (requeued at once).
  const template = await readThroughCache(deps.informers, deps.client, r);
  if (!template || template.metadata.deletionTimestamp || (r.uid && template.metadata.uid !== r.uid)) return;
  let status;
  try {
    status = aggregateStatus(template, items);
  } catch (err) {
    deps.events.event(template, "Warning", REASON_AGGREGATE_STATUS_FAILED, errorMessage(err));
    throw err;
  }
  if (status === undefined || deepEqual(status, template.status ?? {})) return;
  try {
    await deps.client.updateStatus({ ...template, status });
  } catch (err) {
    if (!ApiError.is(err, "Conflict")) deps.events.event(template, "Warning", REASON_AGGREGATE_STATUS_FAILED, errorMessage(err));
    throw err;
  }
  deps.events.event(template, "Normal", REASON_AGGREGATE_STATUS_SUCCEED, MESSAGE_TEMPLATE_AGGREGATED);
}

/** Karmada's AggregateStatusSucceed message on the template. */
export const MESSAGE_TEMPLATE_AGGREGATED = "Update Resource with AggregatedStatus successfully.";

/** Karmada's AggregateStatusSucceed message on a binding whose aggregated status was written. */
export function bindingAggregatedMessage(binding: ResourceBinding): string {
  return binding.kind === "ClusterResourceBinding"
    ? `Update ClusterResourceBinding(${binding.metadata.name}) with AggregatedStatus successfully.`
    : `Update ResourceBinding(${binding.metadata.namespace}/${binding.metadata.name}) with AggregatedStatus successfully.`;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Work events that can change a binding's aggregated status: adds, deletes, resyncs, a status
 * change or the start of deletion. Spec rewrites by the binding controller cannot.
 */
export function workStatusChanged(e: WatchEventInfo): boolean {
  if (e.type !== "update" || !e.old || e.old === e.obj) return true;
  return e.old.metadata.deletionTimestamp !== e.obj.metadata.deletionTimestamp || !deepEqual((e.old as Work).status, (e.obj as Work).status);
}
