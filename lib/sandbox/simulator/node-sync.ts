import { defineController, type ControllerDefinition } from "../../controllers/runtime/controller";
import type { Condition, KubeObject } from "../../kube/types";
import { buildNode, desiredNodes, nodeStatus, SANDBOX_NODE_LABEL } from "../nodes";
import { nowIso, type SimContext } from "./context";
import { sameJson, dict } from "./pod-util";

export const NODE_SYNC = "node-sync";

/**
 * The simulated kubelets: keeps one Node per desired node (spec with capacity faults),
 * creating, resizing, failing (NotReady + unreachable taints) and removing them. Nodes the
 * sandbox did not create (no sandbox label) are left alone.
 */
export function nodeSyncController(sim: SimContext): ControllerDefinition {
  return defineController({
    name: NODE_SYNC,
    watches: [{ apiVersion: "v1", kind: "Node" }],
    async reconcile(req) {
      const desired = desiredNodes(sim.spec, sim.faults()).find((n) => n.name === req.name);
      const existing = sim.nodes.get(undefined, req.name);
      const now = nowIso(sim.clock);
      if (!desired) {
        if (existing?.metadata.labels?.[SANDBOX_NODE_LABEL]) await sim.client.delete({ apiVersion: "v1", kind: "Node", name: req.name });
        return;
      }
      const wanted = buildNode(sim.spec, desired, now);
      let node: KubeObject | undefined = existing;
      if (!node) node = await sim.client.create(wanted);
      else if (!sameJson(dict(node.spec).taints ?? [], dict(wanted.spec).taints ?? []) || !sameJson(node.metadata.labels, wanted.metadata.labels)) {
        const keepTaintTimes = sameJson(stripTimes(dict(node.spec).taints), stripTimes(dict(wanted.spec).taints));
        const spec = { ...dict(node.spec), taints: keepTaintTimes ? dict(node.spec).taints : dict(wanted.spec).taints };
        if (!dict(wanted.spec).taints) delete spec.taints;
        node = await sim.client.update({ ...node, metadata: { ...node.metadata, labels: wanted.metadata.labels }, spec });
      }
      const previous = (dict(node.status).conditions as Condition[] | undefined) ?? [];
      const status = nodeStatus(sim.spec, desired, now, previous);
      if (!sameJson(status, node.status)) await sim.client.updateStatus({ ...node, status });
    },
  });
}

function stripTimes(taints: unknown): unknown {
  return ((taints as Record<string, unknown>[] | undefined) ?? []).map(({ timeAdded: _t, ...rest }) => rest);
}

/** Every node name the node-sync controller must look at after a spec or fault change. */
export function nodeNamesToSync(sim: SimContext): string[] {
  const names = new Set(desiredNodes(sim.spec, sim.faults()).map((n) => n.name));
  for (const n of sim.nodes.list()) if (n.metadata.labels?.[SANDBOX_NODE_LABEL]) names.add(n.metadata.name ?? "");
  return [...names];
}
