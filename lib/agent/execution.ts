import type { ObjectClient } from "../kube/client";
import { ApiError } from "../kube/errors";
import { WORK_V1ALPHA1, executionNamespace, type Work } from "../kube/karmada";
import { applyWork, deleteWorkManifests } from "../controllers/execution/apply-work";
import {
  SYNC_WAIT_MS,
  EXECUTION_RESYNC_MS,
  jittered,
  CONDITION_APPLIED,
  CONDITION_DISPATCHING,
  MESSAGE_APPLIED,
  REASON_APPLIED_FAILED,
  REASON_APPLIED_SUCCESSFUL,
  REASON_DISPATCHING,
  REASON_SUSPEND_DISPATCHING,
  setConditions,
  appliedFailedMessage,
  recordSyncEvents,
} from "../controllers/execution/execution-controller";
import type { MemberWatcher } from "../controllers/execution/member-watcher";
import { FINALIZER_EXECUTION } from "../controllers/binding/binding-meta";
import { defineController, type ControllerDefinition } from "../controllers/runtime/controller";
import { setCondition, type ConditionInput } from "../controllers/runtime/conditions";
import { addFinalizer, removeFinalizer } from "../controllers/runtime/finalizers";
import type { ControllerDeps } from "../controllers/runtime/manager";
import type { Result } from "../controllers/runtime/result";

export const AGENT_EXECUTION_CONTROLLER = "agent-execution";

const DISPATCHING: ConditionInput = { type: CONDITION_DISPATCHING, status: "True", reason: REASON_DISPATCHING, message: "Work is being dispatched to member clusters." };

export interface AgentExecutionOptions {
  clusterName: string;
  member: ObjectClient;
  watcher: MemberWatcher;
  /** Periodic re-apply. Default 60 s. */
  resyncMs?: number;
  /** Called with the version of every Work applied (Applied=True written or already true); for benches and tests. */
  onApplied?: (work: Work) => void;
}

/**
 * Karmada's execution controller as karmada-agent runs it: the Works of this cluster's
 * execution namespace only, applied to the local member with the very functions Push uses
 * (applyWork / deleteWorkManifests: same labels, conflict rules, retained fields, deletion
 * rules), with the same Dispatching/Applied conditions, finalizer and Events. Drift in the
 * member comes back through the MemberWatcher and re-applies.
 */
export function agentExecutionController(opts: AgentExecutionOptions): (deps: ControllerDeps) => ControllerDefinition {
  const namespace = executionNamespace(opts.clusterName);
  return (deps) => {
    // No namespace in the spec: the agent's client narrows Work watches to its namespace
    // (scoped-client.ts), so this informer is the one work-status shares.
    const works = () => deps.informers.informerFor<Work>({ apiVersion: WORK_V1ALPHA1, kind: "Work" });
    return defineController({
      name: AGENT_EXECUTION_CONTROLLER,
      workers: 8,
      watches: [
        {
          apiVersion: WORK_V1ALPHA1,
          kind: "Work",
          // Status writes (ours and work-status') must not loop back into a re-apply.
          predicate: (e) => e.type !== "update" || e.old === e.obj || e.old?.metadata.generation !== e.obj.metadata.generation || e.old?.metadata.deletionTimestamp !== e.obj.metadata.deletionTimestamp,
        },
      ],
      async reconcile(req): Promise<Result | void> {
        const cached = works().get(req.namespace, req.name);
        if (!cached || cached.metadata.namespace !== namespace) return;
        try {
          return await reconcileWork(deps, opts, structuredClone(cached));
        } catch (err) {
          // Deleted on the control plane meanwhile (e.g. the last finalizer went): the informer's
          // DELETED event follows; nothing is left to do.
          if (ApiError.is(err, "NotFound") && err.status.details?.kind === "works" && err.status.details.name === req.name) return;
          throw err;
        }
      },
    });
  };
}

async function reconcileWork(deps: ControllerDeps, opts: AgentExecutionOptions, work: Work): Promise<Result | void> {
  if (work.metadata.deletionTimestamp) return finalize(deps, opts, work);
  if (addFinalizer(work, FINALIZER_EXECUTION)) work.metadata.resourceVersion = (await deps.client.update(work)).metadata.resourceVersion;
  if (work.spec.suspendDispatching) {
    await setConditions(deps, work, [{ type: CONDITION_DISPATCHING, status: "False", reason: REASON_SUSPEND_DISPATCHING, message: "Work dispatching is in a suspended state." }]);
    return;
  }
  // No Dispatching write before the apply: it goes out with Applied in one status write after it
  // (as Push does), which keeps a control-plane round trip off the path to the member.
  return sync(deps, opts, work);
}

async function sync(deps: ControllerDeps, opts: AgentExecutionOptions, work: Work): Promise<Result> {
  for (const m of work.spec.workload?.manifests ?? []) {
    await opts.watcher.ensure(opts.clusterName, m.apiVersion, m.kind);
    await opts.watcher.synced(opts.clusterName, m, SYNC_WAIT_MS);
  }
  // The member watch cache spares a GET per apply (it knows absent and unmanaged objects too).
  const res = await applyWork(opts.member, work, opts.clusterName, { cached: (m) => opts.watcher.cachedLive(opts.clusterName, m) });
  const total = work.spec.workload?.manifests?.length ?? 0;
  // The same conditions and Events as Push execution: Karmada's agent runs that controller.
  if (res.errors.length) {
    const msg = appliedFailedMessage(res, total);
    await setConditions(deps, work, [DISPATCHING, { type: CONDITION_APPLIED, status: "False", reason: REASON_APPLIED_FAILED, message: msg }]);
    recordSyncEvents(deps.events, work, opts.clusterName, res);
    throw new Error(msg);
  }
  const changed = await setConditions(deps, work, [DISPATCHING, { type: CONDITION_APPLIED, status: "True", reason: REASON_APPLIED_SUCCESSFUL, message: MESSAGE_APPLIED }]);
  if (res.written || changed) recordSyncEvents(deps.events, work, opts.clusterName, res);
  opts.onApplied?.(work);
  return { requeueAfterMs: jittered(opts.resyncMs ?? EXECUTION_RESYNC_MS) };
}

async function finalize(deps: ControllerDeps, opts: AgentExecutionOptions, work: Work): Promise<void> {
  if (!work.metadata.finalizers?.includes(FINALIZER_EXECUTION)) return;
  // Karmada records no Event for the cleanup.
  await deleteWorkManifests(opts.member, work);
  if (removeFinalizer(work, FINALIZER_EXECUTION)) await deps.client.update(work);
}

