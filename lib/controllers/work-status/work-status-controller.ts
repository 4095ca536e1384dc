import type { KubeObject } from "../../kube/types";
import { splitApiVersion } from "../../kube/types";
import type { ManifestStatus, Work } from "../../kube/karmada";
import { LABEL_MANAGED, WORK_V1ALPHA1, clusterOfExecutionNamespace } from "../../kube/karmada";
import { interpretHealth, reflectStatus } from "../../interpreter";
import { defineController, type ControllerDefinition } from "../runtime/controller";
import type { ControllerDeps } from "../runtime/manager";
import { isConditionTrue } from "../runtime/conditions";
import type { Result } from "../runtime/result";
import type { WatchEventInfo } from "../runtime/watches";
import type { MemberClients } from "../execution/member-clients";
import type { MemberWatcher } from "../execution/member-watcher";
import { SYNC_WAIT_MS, jittered } from "../execution/execution-controller";
import { deepEqual } from "../../apiserver/object-utils";
import { FirstObserved, firstStatusWaitMs, progressOnly, PROGRESS_WRITE_INTERVAL_MS, unobserved } from "./first-status";
import { WritePacer } from "../runtime/write-pacer";
import { requestKey } from "../runtime/keys";

export const WORK_STATUS_CONTROLLER = "work-status";

/** Periodic status refresh: a safety net, member events drive the status (30 s re-read 3,000 Works 100 times a minute). */
export const STATUS_RESYNC_MS = 2 * 60_000;

export interface WorkStatusOptions {
  members: MemberClients;
  watcher: MemberWatcher;
  /** Periodic status refresh. Default 2 min. */
  resyncMs?: number;
  /** Least time between in-progress status writes of one Work. Default PROGRESS_WRITE_INTERVAL_MS. */
  progressIntervalMs?: number;
}

/**
 * Karmada's work status controller (karmada-api.md §7.6): for Works applied (Applied=True), the
 * member object's reflected status and health go to status.manifestStatuses, written only
 * when they change (the first write waits for a fresh rollout to settle, and a rollout's
 * further progress is written at most every few seconds per Work, first-status.ts).
 * Member events reach it through the MemberWatcher (which relists on 410).
 */
export function workStatusController(opts: WorkStatusOptions): (deps: ControllerDeps) => ControllerDefinition {
  return (deps) => {
    const works = () => deps.informers.informerFor<Work>({ apiVersion: WORK_V1ALPHA1, kind: "Work" });
    const pacer = new WritePacer(opts.progressIntervalMs ?? PROGRESS_WRITE_INTERVAL_MS);
    const observed = new FirstObserved();
    return defineController({
      name: WORK_STATUS_CONTROLLER,
      workers: 16,
      watches: [{ apiVersion: WORK_V1ALPHA1, kind: "Work", predicate: appliedOrSpecChanged }],
      async reconcile(req): Promise<Result | void> {
        const key = requestKey(req);
        const work = works().get(req.namespace, req.name);
        if (!work || work.metadata.deletionTimestamp || !isConditionTrue(work.status?.conditions, "Applied")) {
          pacer.forget(key);
          observed.forget(key);
          return;
        }
        const cluster = clusterOfExecutionNamespace(work.metadata.namespace ?? "");
        if (!cluster) return;
        const statuses: ManifestStatus[] = [];
        const manifests = work.spec.workload?.manifests ?? [];
        for (let i = 0; i < manifests.length; i++) {
          const live = await observe(opts, cluster, manifests[i]);
          if (live) statuses.push(manifestStatus(live, i));
        }
        if (deepEqual(statuses, work.status?.manifestStatuses ?? [])) return { requeueAfterMs: jittered(opts.resyncMs ?? STATUS_RESYNC_MS) };
        // A fresh rollout is reported once it settled (member events re-run us meanwhile).
        const now = deps.clock.now();
        const progress = progressOnly(work.status?.manifestStatuses, statuses);
        const first = !work.status?.manifestStatuses?.length;
        const observedSince = first && statuses.length && !statuses.some(unobserved) ? observed.since(key, now) : undefined;
        const wait = progress ? pacer.waitMs(key, now) : firstStatusWaitMs(work, statuses, now, undefined, undefined, observedSince);
        if (wait > 0) return { requeueAfterMs: wait };
        // A status write reads nothing but status from its body: no copy of the manifests.
        const next: Work = { ...work, status: { ...(work.status ?? {}), manifestStatuses: statuses } };
        if (!statuses.length) delete next.status!.manifestStatuses;
        await deps.client.updateStatus(next);
        pacer.wrote(key, now, statuses.some((s) => s.health === "Unhealthy"));
        observed.forget(key);
        return { requeueAfterMs: jittered(opts.resyncMs ?? STATUS_RESYNC_MS) };
      },
    });
  };
}

/**
 * Work events worth a status refresh: adds, resyncs, Applied turning on or off, a new spec.
 * Its own manifestStatuses writes (status-only) do not re-run it.
 */
export function appliedOrSpecChanged(e: WatchEventInfo): boolean {
  if (e.type === "delete") return false;
  if (e.type === "add" || !e.old || e.old === e.obj) return true;
  const applied = (o: KubeObject) => isConditionTrue((o as Work).status?.conditions, "Applied");
  return applied(e.old) !== applied(e.obj) || e.old.metadata.generation !== e.obj.metadata.generation || e.old.metadata.deletionTimestamp !== e.obj.metadata.deletionTimestamp;
}

async function observe(opts: WorkStatusOptions, cluster: string, m: KubeObject): Promise<KubeObject | undefined> {
  await opts.watcher.ensure(cluster, m.apiVersion, m.kind);
  // A moment's wait for a new watch beats a GET per Work (after a restart, every Work).
  await opts.watcher.synced(cluster, m, SYNC_WAIT_MS);
  const c = opts.watcher.cached(cluster, m.apiVersion, m.kind, m.metadata.namespace, m.metadata.name ?? "");
  // The watch also holds unmanaged objects: only Flotilla's own are this Work's status.
  if (c.synced) return c.obj?.metadata.labels?.[LABEL_MANAGED] === "true" ? c.obj : undefined;
  const member = await opts.members.get(cluster);
  return member?.get(m.apiVersion, m.kind, m.metadata.namespace, m.metadata.name ?? "");
}

/**
 * One manifestStatuses entry, as Karmada's reflectStatus builds it: identifier (ordinal of the
 * manifest, group, version, kind, namespace, name; `resource` left empty as buildStatusIdentifier
 * leaves it), reflected status and health of the member object.
 */
export function manifestStatus(live: KubeObject, ordinal: number): ManifestStatus {
  const { group, version } = splitApiVersion(live.apiVersion);
  const status = reflectStatus(live);
  return {
    // The core group is left out, as Karmada's `group,omitempty` leaves it out of the JSON.
    identifier: {
      ordinal,
      ...(group ? { group } : {}),
      version,
      kind: live.kind,
      resource: "",
      ...(live.metadata.namespace ? { namespace: live.metadata.namespace } : {}),
      name: live.metadata.name ?? "",
    } as ManifestStatus["identifier"],
    ...(status ? { status } : {}),
    health: interpretHealth(live),
  };
}
