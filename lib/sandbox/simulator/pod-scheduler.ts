import { defineController, type ControllerDefinition } from "../../controllers/runtime/controller";
import { setCondition } from "../../controllers/runtime/conditions";
import type { Condition, KubeObject } from "../../kube/types";
import { nowIso, UNBOUND, type SimContext } from "./context";
import { addUsage, findNode } from "./fit";
import { NodeUsageTracker } from "./node-usage";
import { dict, podNodeName } from "./pod-util";

export const POD_SCHEDULER = "default-scheduler";
/** How often an unschedulable pod is tried again without any cluster event. */
const RETRY_MS = 5_000;

/**
 * The sandbox's kube-scheduler: binds each unscheduled pod (schedulerName default-scheduler)
 * to a node via findNode, or marks it PodScheduled=False/Unschedulable with a FailedScheduling
 * Warning event and tries again on node or pod changes. Binds not yet visible in the cache are
 * "assumed" so two pods never take the same room.
 */
export function podSchedulerController(sim: SimContext): ControllerDefinition {
  const assumed = new Map<string, { node: string; pod: KubeObject }>();
  const events = sim.recorder(POD_SCHEDULER);
  const nodeUsage = new NodeUsageTracker(sim.pods);
  // By index: listing every pod on each bound pod's phase change grew with the pods placed.
  const pending = () =>
    sim.pods
      .byIndex(UNBOUND, UNBOUND)
      .filter((p) => !p.metadata.deletionTimestamp)
      .map((p) => ({ namespace: p.metadata.namespace, name: p.metadata.name ?? "" }));
  return defineController({
    name: POD_SCHEDULER,
    watches: [
      { apiVersion: "v1", kind: "Pod", predicate: (e) => !podNodeName(e.obj) },
      // Room freed by a finished or deleted pod, or a node change, may let pending pods in.
      { apiVersion: "v1", kind: "Pod", map: pending, predicate: (e) => !!podNodeName(e.obj) && (e.type === "delete" || dict(e.obj.status).phase !== dict(e.old?.status).phase) },
      { apiVersion: "v1", kind: "Node", map: pending },
    ],
    async reconcile(req) {
      const key = `${req.namespace}/${req.name}`;
      const pod = sim.pods.get(req.namespace, req.name);
      for (const [k, a] of assumed) {
        const seen = sim.pods.get(a.pod.metadata.namespace, a.pod.metadata.name ?? "");
        if (!seen || podNodeName(seen)) assumed.delete(k);
      }
      if (!pod || podNodeName(pod) || pod.metadata.deletionTimestamp || assumed.has(key)) return;
      if ((dict(pod.spec).schedulerName ?? POD_SCHEDULER) !== POD_SCHEDULER) return;
      const usage = nodeUsage.usage();
      for (const a of assumed.values()) addUsage(usage, a.node, a.pod);
      const fit = findNode(pod, sim.nodes.list(), usage);
      if ("node" in fit) {
        assumed.set(key, { node: fit.node, pod });
        await sim.client.patch({ apiVersion: "v1", kind: "Pod", namespace: req.namespace, name: req.name }, "application/merge-patch+json", { spec: { nodeName: fit.node } }, { fieldManager: POD_SCHEDULER });
        events.event(pod, "Normal", "Scheduled", `Successfully assigned ${req.namespace}/${req.name} to ${fit.node}`);
        return;
      }
      events.event(pod, "Warning", "FailedScheduling", fit.message);
      const { conditions, changed } = setCondition(
        (dict(pod.status).conditions as Condition[] | undefined) ?? [],
        { type: "PodScheduled", status: "False", reason: "Unschedulable", message: fit.message },
        nowIso(sim.clock),
      );
      if (changed) {
        const status = { ...dict(pod.status), phase: "Pending", conditions: conditions.map(({ observedGeneration: _g, ...c }) => ({ ...c, lastProbeTime: null })) };
        await sim.client.updateStatus({ ...pod, status });
      }
      return { requeueAfterMs: RETRY_MS };
    },
  });
}
