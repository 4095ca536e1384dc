import { defineController, type ControllerDefinition } from "../../controllers/runtime/controller";
import type { KubeObject } from "../../kube/types";
import { isNodeReady, TAINT_UNREACHABLE } from "../nodes";
import { nowIso, type SimContext } from "./context";
import { tolerates } from "./fit";
import { controllerOf, dict, podNodeName, podPhase } from "./pod-util";
import { completedStatus, creatingStatus, notReadyStatus, runningStatus } from "./pod-status";

export const KUBELET = "kubelet";

/**
 * The simulated kubelets and node lifecycle controller, per bound pod:
 * - on a Ready node: Pending (ContainerCreating) at once, Running and Ready after the
 *   sandbox's start-up delay; pods of Jobs (restartPolicy not Always) then complete after
 *   the same delay again;
 * - on a failed node: Ready=False at once, evicted (deleted, with a TaintManagerEviction
 *   event) after the eviction delay unless they tolerate the unreachable taint.
 */
export function kubeletController(sim: SimContext): ControllerDefinition {
  const events = sim.recorder(KUBELET);
  let ipCounter = 0;
  const nextIp = (nodeIndex: number) => `10.244.${nodeIndex}.${(ipCounter++ % 250) + 2}`;
  return defineController({
    name: KUBELET,
    watches: [
      { apiVersion: "v1", kind: "Pod", predicate: (e) => !!podNodeName(e.obj) },
      { apiVersion: "v1", kind: "Node", map: (node) => sim.pods.byIndex("node-name", node.metadata.name ?? "").map(keyOf) },
    ],
    async reconcile(req) {
      const pod = sim.pods.get(req.namespace, req.name);
      if (!pod || pod.metadata.deletionTimestamp || !podNodeName(pod)) return;
      const phase = podPhase(pod);
      if (phase === "Succeeded" || phase === "Failed") return;
      const node = sim.nodes.get(undefined, podNodeName(pod));
      if (!node || !isNodeReady(node)) return failedNode(sim, pod, node, events);
      const now = sim.clock.now();
      const status = dict(pod.status);
      const delay = sim.spec.startupDelayMs;
      if (!status.startTime) {
        await sim.client.updateStatus({ ...pod, status: creatingStatus(pod, node, nowIso(sim.clock)) });
        return { requeueAfterMs: Math.max(1, delay) };
      }
      const started = Date.parse(String(status.startTime));
      if (phase === "Pending" || status.reason === "NodeNotReady" || !isReadyNow(pod)) {
        const wait = started + delay - now;
        if (wait > 0) return { requeueAfterMs: wait };
        const index = Number(/-(\d+)$/.exec(node.metadata.name ?? "")?.[1] ?? 1) - 1;
        await sim.client.updateStatus({ ...pod, status: runningStatus(pod, String(status.podIP ?? nextIp(index)), nowIso(sim.clock)) });
        return runsToCompletion(pod) ? { requeueAfterMs: Math.max(1, delay) } : undefined;
      }
      if (runsToCompletion(pod)) {
        const runningSince = Date.parse(String(readyTime(pod) ?? status.startTime));
        const wait = runningSince + delay - now;
        if (wait > 0) return { requeueAfterMs: wait };
        await sim.client.updateStatus({ ...pod, status: completedStatus(pod, nowIso(sim.clock)) });
      }
    },
  });
}

function keyOf(p: KubeObject) {
  return { namespace: p.metadata.namespace, name: p.metadata.name ?? "" };
}

function isReadyNow(pod: KubeObject): boolean {
  return ((dict(pod.status).conditions as { type: string; status: string }[] | undefined) ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

function readyTime(pod: KubeObject): string | undefined {
  return ((dict(pod.status).conditions as { type: string; status: string; lastTransitionTime?: string }[] | undefined) ?? []).find((c) => c.type === "Ready")?.lastTransitionTime;
}

/** Job pods (and any pod that may not restart) finish; everything else runs forever. */
function runsToCompletion(pod: KubeObject): boolean {
  return dict(pod.spec).restartPolicy !== "Always" && controllerOf(pod)?.kind === "Job";
}

async function failedNode(sim: SimContext, pod: KubeObject, node: KubeObject | undefined, events: ReturnType<SimContext["recorder"]>) {
  if (isReadyNow(pod) || podPhase(pod) === "Running") {
    if (dict(pod.status).reason !== "NodeNotReady" || isReadyNow(pod)) await sim.client.updateStatus({ ...pod, status: notReadyStatus(pod, nowIso(sim.clock)) });
  }
  const tolerations = (dict(pod.spec).tolerations as Record<string, unknown>[] | undefined) ?? [];
  const forever = tolerations.some((t) => tolerates(t, { key: TAINT_UNREACHABLE, effect: "NoExecute" }) && t.tolerationSeconds === undefined);
  if (forever) return;
  const taint = ((dict(node?.spec).taints as { key: string; effect: string; timeAdded?: string }[] | undefined) ?? []).find((t) => t.effect === "NoExecute");
  const since = taint?.timeAdded ? Date.parse(taint.timeAdded) : sim.clock.now();
  const wait = since + sim.spec.evictionDelayMs - sim.clock.now();
  if (wait > 0) return { requeueAfterMs: wait };
  events.event(pod, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${pod.metadata.namespace}/${pod.metadata.name}`);
  await sim.client.delete({ apiVersion: "v1", kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name ?? "" });
}
