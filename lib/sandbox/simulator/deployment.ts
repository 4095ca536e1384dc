import { defineController, type ControllerDefinition } from "../../controllers/runtime/controller";
import { ownerKey } from "../../controllers/runtime/watches";
import { ApiError } from "../../kube/errors";
import type { KubeObject } from "../../kube/types";
import { nowIso, ownedReplicaSets, type SimContext } from "./context";
import { deploymentStatus, REVISION, rolloutComplete, rsReplicas } from "./deployment-status";
import { controllerRef, dict, sameJson, templateHash } from "./pod-util";
import { rollingStep, surgeAndUnavailable } from "./rollout";

export const DEPLOYMENT_CONTROLLER = "deployment-controller";
const HASH_LABEL = "pod-template-hash";

type Dict = Record<string, unknown>;

/**
 * Deployments: one ReplicaSet per pod template (`<name>-<pod-template-hash>`, revision
 * annotations), rolled forward with RollingUpdate (maxSurge/maxUnavailable) or Recreate, old
 * sets scaled to zero and pruned past revisionHistoryLimit; status and the Available and
 * Progressing conditions as kube's deployment controller writes them.
 */
export function deploymentController(sim: SimContext): ControllerDefinition {
  const events = sim.recorder(DEPLOYMENT_CONTROLLER);
  return defineController({
    name: DEPLOYMENT_CONTROLLER,
    watches: [
      { apiVersion: "apps/v1", kind: "Deployment" },
      { apiVersion: "apps/v1", kind: "ReplicaSet", map: ownerKey({ apiVersion: "apps/v1", kind: "Deployment", controllerOnly: true }) },
    ],
    async reconcile(req) {
      const deploy = sim.informersGet("apps/v1", "Deployment", req.namespace, req.name);
      if (!deploy || deploy.metadata.deletionTimestamp) return;
      const owned = ownedReplicaSets(sim, deploy);
      const spec = dict(deploy.spec);
      const hash = templateHash(spec.template, Number(dict(deploy.status).collisionCount ?? 0));
      let newRs = owned.find((rs) => rs.metadata.labels?.[HASH_LABEL] === hash);
      const old = owned.filter((rs) => rs !== newRs);
      const maxRevision = Math.max(0, ...old.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)));
      const { maxSurge, maxUnavailable } = surgeAndUnavailable(deploy);
      let progressing: { reason: string; message: string } | undefined;
      if (!newRs) {
        newRs = await createReplicaSet(sim, deploy, hash, maxRevision + 1, initialReplicas(deploy, old, maxSurge));
        if (!newRs) return { requeueAfterMs: 100 };
        progressing = { reason: "NewReplicaSetCreated", message: `Created new replica set "${newRs.metadata.name}"` };
        if (rsReplicas(newRs, "replicas", false)) events.event(deploy, "Normal", "ScalingReplicaSet", `Scaled up replica set ${newRs.metadata.name} from 0 to ${rsReplicas(newRs, "replicas", false)}`);
      } else if (!spec.paused) {
        const changed = await scale(sim, deploy, newRs, old, maxSurge, maxUnavailable, maxRevision, events);
        if (changed) progressing = { reason: "ReplicaSetUpdated", message: `ReplicaSet "${newRs.metadata.name}" is progressing.` };
      }
      await ensureRevisionAnnotation(sim, deploy, newRs);
      await pruneHistory(sim, deploy, old);
      const now = nowIso(sim.clock);
      let status = deploymentStatus(deploy, newRs, [newRs, ...old], maxUnavailable, progressing, now);
      if (!progressing) {
        const name = newRs.metadata.name;
        const reason = rolloutComplete(deploy, status) && old.every((r) => !rsReplicas(r, "replicas"))
          ? { reason: "NewReplicaSetAvailable", message: `ReplicaSet "${name}" has successfully progressed.` }
          : currentProgressing(deploy) ?? { reason: "FoundNewReplicaSet", message: `Found new replica set "${name}"` };
        status = deploymentStatus(deploy, newRs, [newRs, ...old], maxUnavailable, reason, now);
      }
      if (!sameJson(status, deploy.status)) await sim.client.updateStatus({ ...deploy, status });
    },
  });
}

function currentProgressing(deploy: KubeObject): { reason: string; message: string } | undefined {
  const c = ((dict(deploy.status).conditions as Dict[] | undefined) ?? []).find((x) => x.type === "Progressing");
  // A finished rollout that is no longer complete (scale-up, pods lost) is progressing again.
  if (!c || c.reason === "NewReplicaSetAvailable") return undefined;
  return { reason: String(c.reason), message: String(c.message) };
}

function initialReplicas(deploy: KubeObject, old: KubeObject[], maxSurge: number): number {
  const spec = dict(deploy.spec);
  const replicas = Number(spec.replicas ?? 1);
  const oldTotal = old.reduce((s, r) => s + rsReplicas(r, "replicas", false), 0);
  if (dict(spec.strategy).type === "Recreate") return oldTotal > 0 ? 0 : replicas;
  return Math.max(0, Math.min(replicas, replicas + maxSurge - oldTotal));
}

async function createReplicaSet(sim: SimContext, deploy: KubeObject, hash: string, revision: number, replicas: number): Promise<KubeObject | undefined> {
  const spec = dict(deploy.spec);
  const template = structuredClone(dict(spec.template));
  const tmeta = dict(template.metadata);
  template.metadata = { ...tmeta, labels: { ...(tmeta.labels as Record<string, string>), [HASH_LABEL]: hash } };
  const selector = dict(spec.selector);
  const { maxSurge } = surgeAndUnavailable(deploy);
  const rs: KubeObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${deploy.metadata.name}-${hash}`,
      namespace: deploy.metadata.namespace,
      labels: { ...(tmeta.labels as Record<string, string>), [HASH_LABEL]: hash },
      annotations: {
        "deployment.kubernetes.io/desired-replicas": String(spec.replicas ?? 1),
        "deployment.kubernetes.io/max-replicas": String(Number(spec.replicas ?? 1) + maxSurge),
        [REVISION]: String(revision),
      },
      ownerReferences: [controllerRef(deploy)],
    },
    spec: {
      replicas,
      minReadySeconds: spec.minReadySeconds ?? 0,
      selector: { ...selector, matchLabels: { ...(dict(selector.matchLabels) as Record<string, string>), [HASH_LABEL]: hash } },
      template,
    },
  };
  try {
    return await sim.client.create(rs, { fieldManager: DEPLOYMENT_CONTROLLER });
  } catch (e) {
    // Already there: the cache has not caught up yet; look again shortly.
    if (ApiError.is(e, "AlreadyExists")) return undefined;
    throw e;
  }
}

async function scale(
  sim: SimContext,
  deploy: KubeObject,
  newRs: KubeObject,
  old: KubeObject[],
  maxSurge: number,
  maxUnavailable: number,
  maxRevision: number,
  events: ReturnType<SimContext["recorder"]>,
): Promise<boolean> {
  const spec = dict(deploy.spec);
  const replicas = Number(spec.replicas ?? 1);
  const counts = (rs: KubeObject) => ({ name: rs.metadata.name ?? "", replicas: rsReplicas(rs, "replicas", false), available: rsReplicas(rs, "availableReplicas") });
  let plan: Map<string, number>;
  if (dict(spec.strategy).type === "Recreate") {
    const oldRunning = old.some((r) => rsReplicas(r, "replicas", false) > 0 || rsReplicas(r, "replicas") > 0);
    plan = new Map(old.map((r) => [r.metadata.name ?? "", 0]));
    plan.set(newRs.metadata.name ?? "", oldRunning ? rsReplicas(newRs, "replicas", false) : replicas);
  } else plan = rollingStep(replicas, maxSurge, maxUnavailable, counts(newRs), old.map(counts));
  let changed = false;
  for (const rs of [newRs, ...old]) {
    const want = plan.get(rs.metadata.name ?? "") ?? rsReplicas(rs, "replicas", false);
    const have = rsReplicas(rs, "replicas", false);
    const annotations: Record<string, string> = { ...rs.metadata.annotations, "deployment.kubernetes.io/desired-replicas": String(replicas), "deployment.kubernetes.io/max-replicas": String(replicas + maxSurge) };
    if (rs === newRs && Number(annotations[REVISION] ?? 0) <= maxRevision) annotations[REVISION] = String(maxRevision + 1);
    const annotationsChanged = rs === newRs && !sameJson(annotations, rs.metadata.annotations);
    if (want === have && !annotationsChanged) continue;
    await sim.client.update({ ...rs, metadata: { ...rs.metadata, annotations: rs === newRs ? annotations : rs.metadata.annotations }, spec: { ...dict(rs.spec), replicas: want } }, { fieldManager: DEPLOYMENT_CONTROLLER });
    if (want !== have) {
      changed = true;
      events.event(deploy, "Normal", "ScalingReplicaSet", `Scaled ${want > have ? "up" : "down"} replica set ${rs.metadata.name} from ${have} to ${want}`);
    }
  }
  return changed;
}

async function ensureRevisionAnnotation(sim: SimContext, deploy: KubeObject, newRs: KubeObject): Promise<void> {
  const revision = newRs.metadata.annotations?.[REVISION];
  if (!revision || deploy.metadata.annotations?.[REVISION] === revision) return;
  const patch = { metadata: { annotations: { [REVISION]: revision } } };
  await sim.client.patch({ apiVersion: "apps/v1", kind: "Deployment", namespace: deploy.metadata.namespace, name: deploy.metadata.name ?? "" }, "application/merge-patch+json", patch, { fieldManager: DEPLOYMENT_CONTROLLER });
}

async function pruneHistory(sim: SimContext, deploy: KubeObject, old: KubeObject[]): Promise<void> {
  const limit = Number(dict(deploy.spec).revisionHistoryLimit ?? 10);
  const idle = old
    .filter((r) => !rsReplicas(r, "replicas", false) && !rsReplicas(r, "replicas") && !r.metadata.deletionTimestamp)
    .sort((a, b) => Number(a.metadata.annotations?.[REVISION] ?? 0) - Number(b.metadata.annotations?.[REVISION] ?? 0));
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
    await sim.client.delete({ apiVersion: "apps/v1", kind: "ReplicaSet", namespace: rs.metadata.namespace, name: rs.metadata.name ?? "" });
  }
}
