import type { Cluster, Work } from "../../kube/karmada";
import { ANNOTATION_TEMPLATE_UID, CLUSTER_API_VERSION, WORK_V1ALPHA1, clusterOfExecutionNamespace } from "../../kube/karmada";
import type { KubeObject } from "../../kube/types";
import type { EventRecorder } from "../runtime/events";
import { aggregateMessage } from "../runtime/aggregate-error";
import { defineController, type ControllerDefinition } from "../runtime/controller";
import type { ControllerDeps } from "../runtime/manager";
import { isConditionTrue, setCondition, type ConditionInput } from "../runtime/conditions";
import { addFinalizer, removeFinalizer } from "../runtime/finalizers";
import type { Result } from "../runtime/result";
import { FINALIZER_EXECUTION } from "../binding/binding-meta";
import { applyWork, deleteWorkManifests, type ApplyWorkResult } from "./apply-work";
import type { MemberClients } from "./member-clients";
import type { MemberWatcher } from "./member-watcher";
import type { AppliedVersions } from "./applied-versions";

export const EXECUTION_CONTROLLER = "execution";

export const CONDITION_APPLIED = "Applied";
export const CONDITION_DISPATCHING = "Dispatching";
export const REASON_APPLIED_SUCCESSFUL = "AppliedSuccessful";
export const REASON_APPLIED_FAILED = "AppliedFailed";
export const REASON_DISPATCHING = "Dispatching";
export const REASON_SUSPEND_DISPATCHING = "SuspendDispatching";
export const EVENT_SYNC_SUCCEED = "SyncSucceed";
export const EVENT_SYNC_FAILED = "SyncFailed";
/** Not a Karmada reason (its execution controller records nothing for it); no longer recorded here. */
export const EVENT_CLUSTER_NOT_READY = "ClusterNotReady";
/** Not a Karmada reason (its execution controller records nothing on cleanup); only lib/agent still records it. */
export const EVENT_CLEANUP_SUCCEED = "CleanupWorkloadSucceed";
export const EVENT_WORK_DISPATCHING = "WorkDispatching";

export const MESSAGE_APPLIED = "Manifest has been successfully applied";

/**
 * Periodic re-apply of an applied Work. Member changes arrive through the member watch (which
 * relists after a gap), so this is only a safety net; at 60 s a restarted plane still catching
 * up on 3,000 Works re-applied all of them a second time.
 */
export const EXECUTION_RESYNC_MS = 5 * 60_000;

/** `ms` give or take 10%, so periodic requeues of Works done together do not come back together. */
export function jittered(ms: number): number {
  return Math.round(ms * (0.9 + Math.random() * 0.2));
}

/** How long an apply waits for the member watch of its kind to sync before reading the member instead. */
export const SYNC_WAIT_MS = 2000;

const DISPATCHING: ConditionInput = { type: CONDITION_DISPATCHING, status: "True", reason: REASON_DISPATCHING, message: "Work is being dispatched to member clusters." };

export interface ExecutionOptions {
  members: MemberClients;
  watcher: MemberWatcher;
  /** Records the versions our applies produced, so the member watch can drop their echo. */
  versions?: AppliedVersions;
  /** Periodic re-apply (drift correction beyond the member watch). Default 5 min. */
  resyncMs?: number;
}

/**
 * Karmada's execution controller for Push clusters (karmada-api.md §7.5): Dispatching condition,
 * suspended Works stop there, not-Ready clusters retry with backoff, every manifest applied with
 * applyWork, Applied condition and Events; Work deletion removes (or preserves) member objects
 * before the finalizer goes. Member changes come back through the MemberWatcher.
 */
export function executionController(opts: ExecutionOptions): (deps: ControllerDeps) => ControllerDefinition {
  return (deps) => {
    const clusters = () => deps.informers.informerFor<Cluster>({ apiVersion: CLUSTER_API_VERSION, kind: "Cluster" });
    const works = () => deps.informers.informerFor<Work>({ apiVersion: WORK_V1ALPHA1, kind: "Work" });
    return defineController({
      name: EXECUTION_CONTROLLER,
      // Member applies are I/O bound (HTTPS round trips): many in flight keep the members busy.
      workers: 32,
      watches: [
        { apiVersion: WORK_V1ALPHA1, kind: "Work", predicate: (e) => e.type !== "update" || e.old?.metadata.generation !== e.obj.metadata.generation || e.old?.metadata.deletionTimestamp !== e.obj.metadata.deletionTimestamp || e.old === e.obj },
        {
          apiVersion: CLUSTER_API_VERSION,
          kind: "Cluster",
          map: (c) => works().list(`karmada-es-${c.metadata.name}`).map((w) => ({ namespace: w.metadata.namespace, name: w.metadata.name ?? "" })),
          predicate: (e) => e.type !== "update" || isConditionTrue((e.old as Cluster).status?.conditions, "Ready") !== isConditionTrue((e.obj as Cluster).status?.conditions, "Ready"),
        },
      ],
      async reconcile(req): Promise<Result | void> {
        const cached = works().get(req.namespace, req.name);
        if (!cached) return;
        // Only metadata (finalizers, resourceVersion) and status are edited below, by replacing
        // them: a copy of the root and metadata keeps the cached Work intact without copying the manifests.
        const work: Work = { ...cached, metadata: { ...cached.metadata } };
        const clusterName = clusterOfExecutionNamespace(work.metadata.namespace ?? "");
        if (!clusterName) return;
        const cluster = clusters().get(undefined, clusterName);
        // Pull clusters are served by their agent.
        if (cluster?.spec?.syncMode === "Pull") return;
        if (work.metadata.deletionTimestamp) return finalizeWork(deps, opts, work, cluster);
        if (addFinalizer(work, FINALIZER_EXECUTION)) work.metadata.resourceVersion = (await deps.client.update(work)).metadata.resourceVersion;
        if (work.spec.suspendDispatching) {
          await setConditions(deps, work, [{ type: CONDITION_DISPATCHING, status: "False", reason: REASON_SUSPEND_DISPATCHING, message: "Work dispatching is in a suspended state." }]);
          return;
        }
        // Karmada fails on util.GetCluster before touching any condition when the Cluster is gone.
        if (!cluster) throw new Error(`clusters.cluster.karmada.io "${clusterName}" not found`);
        if (!isConditionTrue(cluster.status?.conditions, "Ready")) {
          await setConditions(deps, work, [DISPATCHING]);
          // Karmada returns this error (retried with backoff) and records no Event.
          throw new Error(`cluster(${clusterName}) not ready`);
        }
        return syncWork(deps, opts, work, clusterName);
      },
    });
  };
}

async function syncWork(deps: ControllerDeps, opts: ExecutionOptions, work: Work, clusterName: string): Promise<Result> {
  const member = await opts.members.get(clusterName);
  if (!member) throw new Error(`no client for cluster ${clusterName} yet`);
  for (const m of work.spec.workload?.manifests ?? []) {
    await opts.watcher.ensure(clusterName, m.apiVersion, m.kind);
    // A moment's wait for a new watch beats a GET per manifest (after a restart, every Work).
    await opts.watcher.synced(clusterName, m, SYNC_WAIT_MS);
  }
  const res = await applyWork(member, work, clusterName, { cached: (m) => opts.watcher.cachedLive(clusterName, m), writing: opts.versions && ((m) => opts.versions!.begin(clusterName, m)) });
  const total = work.spec.workload?.manifests?.length ?? 0;
  // Dispatching and Applied go out in one status write: two writes per Work doubled the
  // status traffic (and the watch events every status consumer reacts to) for nothing.
  if (res.errors.length) {
    const msg = appliedFailedMessage(res, total);
    await setConditions(deps, work, [DISPATCHING, { type: CONDITION_APPLIED, status: "False", reason: REASON_APPLIED_FAILED, message: msg }]);
    recordSyncEvents(deps.events, work, clusterName, res);
    throw new Error(msg);
  }
  const changed = await setConditions(deps, work, [DISPATCHING, { type: CONDITION_APPLIED, status: "True", reason: REASON_APPLIED_SUCCESSFUL, message: MESSAGE_APPLIED }]);
  if (res.written || changed) recordSyncEvents(deps.events, work, clusterName, res);
  return { requeueAfterMs: jittered(opts.resyncMs ?? EXECUTION_RESYNC_MS) };
}

async function finalizeWork(deps: ControllerDeps, opts: ExecutionOptions, work: Work, cluster: Cluster | undefined): Promise<void> {
  if (!work.metadata.finalizers?.includes(FINALIZER_EXECUTION)) return;
  const clusterName = clusterOfExecutionNamespace(work.metadata.namespace ?? "") ?? "";
  // A cluster that is gone or leaving cannot be cleaned; Karmada just lets the Work go.
  if (cluster && !cluster.metadata.deletionTimestamp) {
    // handleWorkDelete's error for an unready cluster that is not leaving.
    if (!isConditionTrue(cluster.status?.conditions, "Ready")) throw new Error(`cluster(${clusterName}) not ready`);
    const member = await opts.members.get(clusterName);
    if (!member) throw new Error(`no client for cluster ${clusterName} yet`);
    // Karmada records no Event for the cleanup.
    await deleteWorkManifests(member, work);
  }
  if (removeFinalizer(work, FINALIZER_EXECUTION)) await deps.client.update(work);
}

/**
 * Sets conditions and writes status only when one changed; a Dispatching transition is also an
 * Event. No observedGeneration, as Karmada's execution controller sets none. Shared by Push
 * execution and the Pull agent.
 */
export async function setConditions(deps: ControllerDeps, work: Work, conds: ConditionInput[]): Promise<boolean> {
  let conditions = work.status?.conditions;
  let changed = false;
  for (const c of conds) {
    const r = setCondition(conditions, c, new Date(deps.clock.now()));
    conditions = r.conditions;
    changed ||= r.changed;
  }
  if (!changed) return false;
  const d = conds.find((c) => c.type === CONDITION_DISPATCHING);
  const dispatching = d && work.status?.conditions?.find((c) => c.type === CONDITION_DISPATCHING)?.status !== d.status;
  work.status = { ...(work.status ?? {}), conditions };
  const updated = await deps.client.updateStatus(work);
  work.metadata.resourceVersion = updated.metadata.resourceVersion;
  // After the write, as Karmada does: a write that failed (a 409 from a stale cached Work) is
  // retried, and recording first counted the same transition once per attempt.
  if (dispatching) deps.events.event(work, "Normal", EVENT_WORK_DISPATCHING, d.message);
  return true;
}

/** Karmada's Applied=False message: "Failed to apply all manifests (<applied>/<total>): <aggregated errors>". */
export function appliedFailedMessage(res: ApplyWorkResult, total: number): string {
  return `Failed to apply all manifests (${total - res.errors.length}/${total}): ${aggregateMessage(res.errors)}`;
}

/**
 * The Events of one sync of a Work, as Karmada's execution controller records them: per
 * manifest a SyncSucceed/SyncFailed on the resource template (the manifest's kind, namespace
 * and name, with the template's UID from its annotation), then one on the Work.
 */
export function recordSyncEvents(events: EventRecorder, work: Work, clusterName: string, res: ApplyWorkResult): void {
  for (const o of res.manifests ?? []) {
    const ref = manifestEventRef(o.manifest);
    if (!ref) continue;
    const m = o.manifest.metadata;
    if (o.error !== undefined) {
      events.event(ref, "Warning", EVENT_SYNC_FAILED, `Failed to create or update resource(${m.namespace ? `${m.namespace}/` : ""}${m.name}) in member cluster(${clusterName}): ${o.error}`);
    } else {
      events.event(ref, "Normal", EVENT_SYNC_SUCCEED, `Successfully applied resource(${m.namespace ?? ""}/${m.name}) to cluster ${clusterName}`);
    }
  }
  const key = `${work.metadata.namespace}/${work.metadata.name}`;
  if (res.errors.length) events.event(work, "Warning", EVENT_SYNC_FAILED, `Failed to sync work(${key}) to cluster(${clusterName}), err: ${aggregateMessage(res.errors)}`);
  else events.event(work, "Normal", EVENT_SYNC_SUCCEED, `Sync work(${key}) to cluster(${clusterName}) successful.`);
}

/**
 * Karmada's GenEventRef for a manifest: its kind, namespace and name, with its own UID or else
 * the template's from the resourcetemplate.karmada.io/uid annotation; no UID, no Event.
 */
export function manifestEventRef(manifest: KubeObject): KubeObject | undefined {
  const m = manifest.metadata;
  const uid = m.uid || m.annotations?.[ANNOTATION_TEMPLATE_UID];
  if (!uid || !m.name || !manifest.kind) return undefined;
  return { apiVersion: manifest.apiVersion, kind: manifest.kind, metadata: { namespace: m.namespace, name: m.name, uid } };
}

/** "kind=Deployment, default/nginx": how Karmada names a Work's workload in messages. */
export function describe(work: Work): string {
  const m = work.spec.workload?.manifests?.[0];
  if (!m) return work.metadata.name ?? "";
  return `kind=${m.kind}, ${m.metadata.namespace ? `${m.metadata.namespace}/` : ""}${m.metadata.name}`;
}
