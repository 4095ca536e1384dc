import { defineController, type ControllerDefinition } from "../../controllers/runtime/controller";
import { ownerKey } from "../../controllers/runtime/watches";
import { ApiError } from "../../kube/errors";
import type { KubeObject } from "../../kube/types";
import { ownedPods, type SimContext } from "./context";
import { availability } from "./replicaset";
import { dict, isPodActive, isPodReady, podFromTemplate, sameJson, templateHash } from "./pod-util";

export const STATEFULSET_CONTROLLER = "statefulset-controller";
const REVISION_LABEL = "controller-revision-hash";

function ordinal(sts: KubeObject, pod: KubeObject): number {
  const m = new RegExp(`^${sts.metadata.name}-(\\d+)$`).exec(pod.metadata.name ?? "");
  return m ? Number(m[1]) : -1;
}

/**
 * StatefulSets: pods `<name>-0..N-1` with stable identities. OrderedReady (the default)
 * creates the next ordinal only once all lower ones are Running and Ready, removes from the
 * highest ordinal down, and rolls updates from the highest ordinal one pod at a time;
 * Parallel acts on all at once. Status carries current/updated revisions and counts.
 */
export function statefulSetController(sim: SimContext): ControllerDefinition {
  const events = sim.recorder(STATEFULSET_CONTROLLER);
  return defineController({
    name: STATEFULSET_CONTROLLER,
    watches: [
      { apiVersion: "apps/v1", kind: "StatefulSet" },
      { apiVersion: "v1", kind: "Pod", map: ownerKey({ apiVersion: "apps/v1", kind: "StatefulSet", controllerOnly: true }) },
    ],
    async reconcile(req) {
      const sts = sim.informersGet("apps/v1", "StatefulSet", req.namespace, req.name);
      if (!sts || sts.metadata.deletionTimestamp) return;
      const spec = dict(sts.spec);
      const replicas = Number(spec.replicas ?? 1);
      const ordered = spec.podManagementPolicy !== "Parallel";
      const revision = `${sts.metadata.name}-${templateHash(spec.template)}`;
      const pods = ownedPods(sim, sts).filter(isPodActive);
      const byOrdinal = new Map(pods.map((p) => [ordinal(sts, p), p]));
      const allReady = (below: number) => [...Array(below).keys()].every((i) => byOrdinal.get(i) && isPodReady(byOrdinal.get(i)!));
      for (let i = 0; i < replicas; i++) {
        if (byOrdinal.has(i)) continue;
        if (ordered && !allReady(i)) break;
        await createPod(sim, sts, i, revision, events);
        if (ordered) break;
      }
      const extras = pods.filter((p) => ordinal(sts, p) >= replicas).sort((a, b) => ordinal(sts, b) - ordinal(sts, a));
      for (const p of ordered ? extras.slice(0, 1) : extras) await deletePod(sim, sts, p, events);
      if (!extras.length && dict(spec.updateStrategy).type !== "OnDelete" && allReady(replicas)) {
        const stale = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] !== revision && ordinal(sts, p) < replicas).sort((a, b) => ordinal(sts, b) - ordinal(sts, a));
        if (stale.length) await deletePod(sim, sts, stale[0], events);
      }
      const updated = pods.filter((p) => p.metadata.labels?.[REVISION_LABEL] === revision).length;
      const prev = dict(sts.status);
      const complete = updated === replicas && pods.length === replicas;
      const status: Record<string, unknown> = {
        observedGeneration: sts.metadata.generation ?? 1,
        replicas: pods.length,
        readyReplicas: pods.filter(isPodReady).length,
        currentReplicas: complete ? updated : pods.length - updated,
        updatedReplicas: updated,
        availableReplicas: pods.filter((p) => availability(p, Number(spec.minReadySeconds ?? 0), sim.clock.now()).available).length,
        currentRevision: complete ? revision : String(prev.currentRevision ?? revision),
        updateRevision: revision,
        collisionCount: 0,
      };
      if (!status.readyReplicas) delete status.readyReplicas;
      if (!sameJson(status, prev)) await sim.client.updateStatus({ ...sts, status });
    },
  });
}

async function createPod(sim: SimContext, sts: KubeObject, i: number, revision: string, events: ReturnType<SimContext["recorder"]>) {
  const name = `${sts.metadata.name}-${i}`;
  const pod = podFromTemplate(sts, dict(sts.spec).template, {
    name,
    labels: { [REVISION_LABEL]: revision, "statefulset.kubernetes.io/pod-name": name, "apps.kubernetes.io/pod-index": String(i) },
    spec: { hostname: name, ...(dict(sts.spec).serviceName ? { subdomain: dict(sts.spec).serviceName } : {}) },
  });
  try {
    await sim.client.create(pod, { fieldManager: STATEFULSET_CONTROLLER });
    events.event(sts, "Normal", "SuccessfulCreate", `create Pod ${name} in StatefulSet ${sts.metadata.name} successful`);
  } catch (e) {
    if (!ApiError.is(e, "AlreadyExists")) throw e;
  }
}

async function deletePod(sim: SimContext, sts: KubeObject, pod: KubeObject, events: ReturnType<SimContext["recorder"]>) {
  await sim.client.delete({ apiVersion: "v1", kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name ?? "" });
  events.event(sts, "Normal", "SuccessfulDelete", `delete Pod ${pod.metadata.name} in StatefulSet ${sts.metadata.name} successful`);
}
