import { ApiError } from "../../kube/errors";
import { CLUSTER_API_VERSION, CLUSTER_LEASE_NAMESPACE, clusterOfExecutionNamespace, executionNamespace, LABEL_SYSTEM, type Cluster } from "../../kube/karmada";
import type { KubeObject } from "../../kube/types";
import { getCondition, setCondition, toRfc3339 } from "../runtime/conditions";
import { defineController, type ControllerDefinition } from "../runtime/controller";
import { addFinalizer, isBeingDeleted, removeFinalizer } from "../runtime/finalizers";
import type { ControllerDeps, ControllerSetup } from "../runtime/manager";
import type { ReconcileContext, Result } from "../runtime/result";
import { drainClusterStep } from "./drain";
import { evaluatePullHealth, type PullHealth } from "./pull-health";
import { applyTaintChanges, taintChangesFor, taintsMessage } from "./taints";

export const CLUSTER_CONTROLLER_NAME = "cluster-controller";
export const CLUSTER_CONTROLLER_FINALIZER = "karmada.io/cluster-controller";

/** Karmada's event reasons for this controller (pkg/events). */
export const ClusterEventReason = {
  CreateExecutionSpaceSucceed: "CreateExecutionSpaceSucceed",
  CreateExecutionSpaceFailed: "CreateExecutionSpaceFailed",
  RemoveExecutionSpaceSucceed: "RemoveExecutionSpaceSucceed",
  RemoveExecutionSpaceFailed: "RemoveExecutionSpaceFailed",
  TaintClusterSucceed: "TaintClusterSucceed",
  TaintClusterFailed: "TaintClusterFailed",
} as const;

export interface ClusterControllerOptions {
  /** Karmada's --cluster-monitor-period: how often Pull clusters are re-checked. Default 5 s. */
  monitorPeriodMs?: number;
  /** --cluster-monitor-grace-period: silence after which a Pull cluster turns Unknown. Default 40 s. */
  monitorGracePeriodMs?: number;
  /** --cluster-startup-grace-period: the same before its first status. Default 60 s. */
  startupGracePeriodMs?: number;
  /** How often a drain looks again while something still holds the cluster. Default 2 s. */
  cleanupCheckIntervalMs?: number;
  /** Runs once the drain is complete, before the finalizer goes: delete credentials, close clients. */
  onClusterRemoved?: (clusterName: string) => Promise<void>;
}

const CLUSTERS = { apiVersion: CLUSTER_API_VERSION, kind: "Cluster" };
const EXECUTION_SPACES = { apiVersion: "v1", kind: "Namespace", labelSelector: `${LABEL_SYSTEM}=true` };
const LEASES = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: CLUSTER_LEASE_NAMESPACE };

/**
 * Karmada's cluster controller: for each Cluster, ensures the execution namespace
 * `karmada-es-<name>` (label karmada.io/system=true), the scheduling taints its Ready
 * condition asks for, and the finalizer; for Pull clusters it also watches the Lease in
 * karmada-cluster and turns Ready Unknown after the grace period. On deletion it drains
 * (Works, namespace, bindings) before letting the Cluster go.
 */
export function clusterControllerSetup(opts: ClusterControllerOptions = {}): ControllerSetup {
  return (deps) => buildClusterController(deps, opts);
}

function buildClusterController(deps: ControllerDeps, opts: ClusterControllerOptions): ControllerDefinition {
  const pullHealth = new Map<string, PullHealth>();
  const monitorPeriodMs = opts.monitorPeriodMs ?? 5000;

  async function reconcile(name: string, ctx: ReconcileContext): Promise<Result | void> {
    const cached = ctx.informers.informerFor<Cluster>(CLUSTERS).get(undefined, name);
    if (!cached) {
      pullHealth.delete(name);
      return;
    }
    let cluster = structuredClone(cached);
    if (isBeingDeleted(cluster)) return removeCluster(cluster);
    await ensureExecutionSpace(cluster, ctx);
    if (cluster.spec?.syncMode === "Pull") cluster = await monitorPullHealth(cluster, ctx);
    await syncTaintsAndFinalizer(cluster);
    return cluster.spec?.syncMode === "Pull" ? { requeueAfterMs: monitorPeriodMs } : undefined;
  }

  async function ensureExecutionSpace(cluster: Cluster, ctx: ReconcileContext): Promise<void> {
    const nsName = executionNamespace(cluster.metadata.name ?? "");
    if (ctx.informers.informerFor(EXECUTION_SPACES).get(undefined, nsName)) return;
    // The cache may lag, and a pre-existing namespace without the label is not in it.
    if (await deps.client.get("v1", "Namespace", undefined, nsName)) return;
    try {
      await deps.client.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: nsName, labels: { [LABEL_SYSTEM]: "true" } } });
    } catch (err) {
      if (ApiError.is(err, "AlreadyExists")) return;
      deps.events.event(cluster, "Warning", ClusterEventReason.CreateExecutionSpaceFailed, (err as Error).message);
      throw err;
    }
    deps.events.event(cluster, "Normal", ClusterEventReason.CreateExecutionSpaceSucceed, `Created execution space(${nsName}) for cluster(${cluster.metadata.name}).`);
  }

  async function monitorPullHealth(cluster: Cluster, ctx: ReconcileContext): Promise<Cluster> {
    const name = cluster.metadata.name ?? "";
    const lease = ctx.informers.informerFor(LEASES).get(CLUSTER_LEASE_NAMESPACE, name) as (KubeObject & { spec?: { renewTime?: string } }) | undefined;
    const { health, next } = evaluatePullHealth(pullHealth.get(name), {
      ready: getCondition(cluster.status?.conditions, "Ready"),
      creationTimestamp: cluster.metadata.creationTimestamp,
      leaseRenewTime: lease?.spec?.renewTime,
      now: deps.clock.now(),
      monitorGracePeriodMs: opts.monitorGracePeriodMs ?? 40_000,
      startupGracePeriodMs: opts.startupGracePeriodMs ?? 60_000,
    });
    pullHealth.set(name, health);
    if (!next) return cluster;
    const { conditions } = setCondition(cluster.status?.conditions, next, next.lastTransitionTime);
    const updated = await deps.client.updateStatus<Cluster>({ ...cluster, status: { ...cluster.status, conditions } });
    // Remember what we wrote so the next pass does not mistake it for a sign of life.
    pullHealth.set(name, { ...health, readySnapshot: JSON.stringify(getCondition(conditions, "Ready") ?? null) });
    return updated;
  }

  async function syncTaintsAndFinalizer(cluster: Cluster): Promise<void> {
    const now = toRfc3339(new Date(deps.clock.now()));
    const taints = applyTaintChanges(cluster.spec.taints, taintChangesFor(getCondition(cluster.status?.conditions, "Ready")), now);
    const finalizerAdded = addFinalizer(cluster, CLUSTER_CONTROLLER_FINALIZER);
    if (!taints && !finalizerAdded) return;
    if (taints?.length) cluster.spec.taints = taints;
    else if (taints) delete cluster.spec.taints;
    try {
      await deps.client.update(cluster);
    } catch (err) {
      if (taints) deps.events.event(cluster, "Warning", ClusterEventReason.TaintClusterFailed, (err as Error).message);
      throw err;
    }
    if (taints) deps.events.event(cluster, "Normal", ClusterEventReason.TaintClusterSucceed, `Taint cluster succeed: ${taintsMessage(taints)}.`);
  }

  async function removeCluster(cluster: Cluster): Promise<Result | void> {
    const name = cluster.metadata.name ?? "";
    const retry = { requeueAfterMs: opts.cleanupCheckIntervalMs ?? 2000 };
    let state;
    try {
      state = await drainClusterStep(deps.client, cluster);
    } catch (err) {
      deps.events.event(cluster, "Warning", ClusterEventReason.RemoveExecutionSpaceFailed, (err as Error).message);
      throw err;
    }
    if (state.phase === "works-and-namespace") {
      if (state.deletedNamespace) deps.events.event(cluster, "Normal", ClusterEventReason.RemoveExecutionSpaceSucceed, `Removed execution space for cluster(${name}).`);
      return retry;
    }
    if (state.phase === "bindings") {
      deps.log.info("cluster still targeted by bindings; waiting", { cluster: name, bindings: state.bindings.slice(0, 5) });
      return retry;
    }
    pullHealth.delete(name);
    // Credentials go before the finalizer: a crash in between just repeats this idempotent step.
    await opts.onClusterRemoved?.(name);
    if (removeFinalizer(cluster, CLUSTER_CONTROLLER_FINALIZER)) {
      try {
        await deps.client.update(cluster);
      } catch (err) {
        if (!ApiError.is(err, "NotFound")) throw err;
      }
    }
  }

  return defineController({
    name: CLUSTER_CONTROLLER_NAME,
    workers: 2,
    watches: [
      CLUSTERS,
      { ...EXECUTION_SPACES, map: (ns) => clusterKey(clusterOfExecutionNamespace(ns.metadata.name ?? "")) },
      { ...LEASES, map: (lease) => clusterKey(lease.metadata.name) },
    ],
    reconcile: (req, ctx) => reconcile(req.name, ctx),
  });
}

function clusterKey(name: string | undefined): { name: string }[] {
  return name ? [{ name }] : [];
}
