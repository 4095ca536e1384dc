import { defineController, type ControllerDefinition } from "../../controllers/runtime/controller";
import { ownerKey } from "../../controllers/runtime/watches";
import type { KubeObject } from "../../kube/types";
import { TAINT_NOT_READY, TAINT_UNREACHABLE } from "../nodes";
import { ownedPods, type SimContext } from "./context";
import { tolerates } from "./fit";
import { dict, isPodActive, isPodReady, podFromTemplate, podNodeName, randomSuffix, sameJson, templateHash } from "./pod-util";

export const DAEMONSET_CONTROLLER = "daemonset-controller";

/** The tolerations the DaemonSet controller adds to every daemon pod. */
const DAEMON_TOLERATIONS = [
  { key: TAINT_NOT_READY, operator: "Exists", effect: "NoExecute" },
  { key: TAINT_UNREACHABLE, operator: "Exists", effect: "NoExecute" },
  { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
  { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" },
];

function wantsDaemon(ds: KubeObject, node: KubeObject): boolean {
  const tpl = dict(dict(ds.spec).template);
  const podSpec = dict(tpl.spec);
  for (const [k, v] of Object.entries(dict(podSpec.nodeSelector))) if (node.metadata.labels?.[k] !== v) return false;
  const tolerations = [...((podSpec.tolerations as Record<string, unknown>[] | undefined) ?? []), ...DAEMON_TOLERATIONS];
  return ((dict(node.spec).taints as Record<string, unknown>[] | undefined) ?? [])
    .filter((t) => t.effect === "NoSchedule" || t.effect === "NoExecute")
    .every((t) => tolerations.some((tol) => tolerates(tol, t)));
}

/**
 * DaemonSets: one pod per eligible node (nodeSelector and taints), pinned with required node
 * affinity on metadata.name as kube does; pods on nodes that stopped being eligible are
 * removed, outdated ones replaced (RollingUpdate). Status: desired/current/ready/available/
 * updated/misscheduled counts.
 */
export function daemonSetController(sim: SimContext): ControllerDefinition {
  const events = sim.recorder(DAEMONSET_CONTROLLER);
  return defineController({
    name: DAEMONSET_CONTROLLER,
    watches: [
      { apiVersion: "apps/v1", kind: "DaemonSet" },
      { apiVersion: "v1", kind: "Pod", map: ownerKey({ apiVersion: "apps/v1", kind: "DaemonSet", controllerOnly: true }) },
      { apiVersion: "v1", kind: "Node", map: () => sim.informersList("apps/v1", "DaemonSet").map((d) => ({ namespace: d.metadata.namespace, name: d.metadata.name ?? "" })) },
    ],
    async reconcile(req) {
      const ds = sim.informersGet("apps/v1", "DaemonSet", req.namespace, req.name);
      if (!ds || ds.metadata.deletionTimestamp) return;
      const hash = templateHash(dict(ds.spec).template);
      const nodes = sim.nodes.list();
      const eligible = new Set(nodes.filter((n) => wantsDaemon(ds, n)).map((n) => n.metadata.name ?? ""));
      const pods = ownedPods(sim, ds).filter(isPodActive);
      const byNode = new Map<string, KubeObject>();
      for (const p of pods) {
        const node = nodeOf(p);
        const stale = p.metadata.labels?.["controller-revision-hash"] !== hash;
        if (!eligible.has(node) || byNode.has(node) || (stale && isPodReady(p))) await remove(sim, ds, p, events);
        else byNode.set(node, p);
      }
      for (const node of eligible) if (!byNode.has(node)) await create(sim, ds, node, hash, events);
      const placed = [...byNode.values()];
      const ready = placed.filter(isPodReady).length;
      const status: Record<string, unknown> = {
        currentNumberScheduled: placed.length,
        desiredNumberScheduled: eligible.size,
        numberMisscheduled: pods.filter((p) => !eligible.has(nodeOf(p))).length,
        numberReady: ready,
        observedGeneration: ds.metadata.generation ?? 1,
        updatedNumberScheduled: placed.filter((p) => p.metadata.labels?.["controller-revision-hash"] === hash).length,
        numberAvailable: ready,
        numberUnavailable: Math.max(0, eligible.size - ready),
      };
      if (!status.numberAvailable) delete status.numberAvailable;
      if (!status.numberUnavailable) delete status.numberUnavailable;
      if (!sameJson(status, ds.status)) await sim.client.updateStatus({ ...ds, status });
    },
  });
}

function nodeOf(pod: KubeObject): string {
  if (podNodeName(pod)) return podNodeName(pod);
  const terms = dict(dict(dict(dict(pod.spec).affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms as Record<string, unknown>[] | undefined;
  const field = ((terms?.[0]?.matchFields as Record<string, unknown>[] | undefined) ?? [])[0];
  return String((field?.values as string[] | undefined)?.[0] ?? "");
}

async function create(sim: SimContext, ds: KubeObject, node: string, hash: string, events: ReturnType<SimContext["recorder"]>) {
  const name = `${ds.metadata.name}-${randomSuffix()}`;
  const tplSpec = dict(dict(dict(ds.spec).template).spec);
  const pod = podFromTemplate(ds, dict(ds.spec).template, {
    name,
    labels: { "controller-revision-hash": hash, "pod-template-generation": String(ds.metadata.generation ?? 1) },
    spec: {
      affinity: { ...dict(tplSpec.affinity), nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [node] }] }] } } },
      tolerations: [...((tplSpec.tolerations as unknown[] | undefined) ?? []), ...DAEMON_TOLERATIONS],
    },
  });
  await sim.client.create(pod, { fieldManager: DAEMONSET_CONTROLLER });
  events.event(ds, "Normal", "SuccessfulCreate", `Created pod: ${name}`);
}

async function remove(sim: SimContext, ds: KubeObject, pod: KubeObject, events: ReturnType<SimContext["recorder"]>) {
  await sim.client.delete({ apiVersion: "v1", kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name ?? "" });
  events.event(ds, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`);
}
