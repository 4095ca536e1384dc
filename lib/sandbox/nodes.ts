import type { Condition, KubeObject } from "../kube/types";
import { parseQuantityExact } from "../kube/quantity";
import type { SandboxFaults, SandboxSpec } from "./types";

/** Label on every node a sandbox simulates; nodes without it are left alone. */
export const SANDBOX_NODE_LABEL = "sandbox.flotilla.io/node";
export const TAINT_UNREACHABLE = "node.kubernetes.io/unreachable";
export const TAINT_NOT_READY = "node.kubernetes.io/not-ready";

/** One node the sandbox should have right now (spec with capacity faults applied). */
export interface DesiredNode {
  name: string;
  index: number;
  cpu: string;
  memory: string;
  pods: number;
  /** Injected node failure: the node stops reporting and turns NotReady. */
  failed: boolean;
}

/** `<sandbox>-node-<n>`, 1-based, so `kubectl get nodes` lists them in order. */
export function nodeName(sandbox: string, index: number): string {
  return `${sandbox}-node-${index + 1}`;
}

/**
 * The nodes a sandbox should have: the spec's count and sizes, overridden by a capacity fault;
 * the last `nodeFailure` of them (highest numbers) are failed.
 */
export function desiredNodes(spec: SandboxSpec, faults: SandboxFaults): DesiredNode[] {
  const cap = faults.capacity ?? {};
  const count = cap.nodes ?? spec.nodes;
  const failed = Math.min(count, Math.max(0, faults.nodeFailure ?? 0));
  return Array.from({ length: count }, (_, index) => ({
    name: nodeName(spec.name, index),
    index,
    cpu: cap.cpu ?? spec.cpu,
    memory: cap.memory ?? spec.memory,
    pods: cap.pods ?? spec.pods,
    failed: index >= count - failed,
  }));
}

/** A cloud-style instance type from the size, e.g. "sandbox-4c-16g". */
export function instanceType(cpu: string, memory: string): string {
  const cores = Number(parseQuantityExact(cpu).nanos) / 1e9;
  const gib = Number(parseQuantityExact(memory).nanos) / 1e9 / 1024 ** 3;
  return `sandbox-${trim(cores)}c-${trim(gib)}g`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** The labels a kubelet and cloud provider put on a node, plus the sandbox's own labels. */
export function nodeLabels(spec: SandboxSpec, n: DesiredNode): Record<string, string> {
  return {
    ...spec.labels,
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/os": "linux",
    "kubernetes.io/hostname": n.name,
    "node.kubernetes.io/instance-type": instanceType(n.cpu, n.memory),
    "topology.kubernetes.io/region": spec.region,
    "topology.kubernetes.io/zone": spec.zone,
    [SANDBOX_NODE_LABEL]: "true",
  };
}

function healthyConditions(at: string): Condition[] {
  return [
    cond("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", at),
    cond("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", at),
    cond("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", at),
    cond("Ready", "True", "KubeletReady", "kubelet is posting ready status", at),
  ];
}

/** What the node lifecycle controller writes when a kubelet stops posting status. */
function unknownConditions(at: string): Condition[] {
  const msg = "Kubelet stopped posting node status.";
  return ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"].map((t) => cond(t, "Unknown", "NodeStatusUnknown", msg, at));
}

function cond(type: string, status: Condition["status"], reason: string, message: string, at: string): Condition {
  return { type, status, reason, message, lastTransitionTime: at, lastHeartbeatTime: at } as Condition;
}

/** Node conditions for a healthy or failed node; `previous` keeps transition times that did not change. */
export function nodeConditions(failed: boolean, now: string, previous: Condition[] = []): Condition[] {
  const next = failed ? unknownConditions(now) : healthyConditions(now);
  return next.map((c) => {
    const old = previous.find((p) => p.type === c.type);
    // Unchanged conditions keep their times, so a resync writes nothing (idle sandboxes stay idle).
    return old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime, lastHeartbeatTime: (old as { lastHeartbeatTime?: string }).lastHeartbeatTime ?? now } : c;
  });
}

/** The taints of a node: unreachable (NoSchedule + NoExecute) while failed. */
export function nodeTaints(failed: boolean, now: string): { key: string; effect: string; timeAdded?: string }[] {
  if (!failed) return [];
  return [
    { key: TAINT_UNREACHABLE, effect: "NoSchedule", timeAdded: now },
    { key: TAINT_UNREACHABLE, effect: "NoExecute", timeAdded: now },
  ];
}

/** A complete core/v1 Node for one desired node (without status; see nodeStatus). */
export function buildNode(spec: SandboxSpec, n: DesiredNode, now: string): KubeObject {
  const taints = nodeTaints(n.failed, now);
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: n.name,
      labels: nodeLabels(spec, n),
      annotations: { "node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true" },
    },
    spec: {
      podCIDR: `10.244.${n.index}.0/24`,
      podCIDRs: [`10.244.${n.index}.0/24`],
      providerID: `${spec.provider}://${spec.name}/${n.name}`,
      ...(taints.length ? { taints } : {}),
    },
  };
}

/** The status a kubelet reports for a desired node. */
export function nodeStatus(spec: SandboxSpec, n: DesiredNode, now: string, previous: Condition[] = []): Record<string, unknown> {
  const resources = { cpu: n.cpu, memory: n.memory, pods: String(n.pods), "ephemeral-storage": "100Gi", "hugepages-1Gi": "0", "hugepages-2Mi": "0" };
  return {
    capacity: resources,
    allocatable: { ...resources },
    conditions: nodeConditions(n.failed, now, previous),
    addresses: [
      { type: "InternalIP", address: `172.18.0.${n.index + 2}` },
      { type: "Hostname", address: n.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: {
      machineID: hex(`${spec.name}/${n.name}/machine`),
      systemUUID: hex(`${spec.name}/${n.name}/system`),
      bootID: hex(`${spec.name}/${n.name}/boot`),
      kernelVersion: "6.1.0-flotilla",
      osImage: "Flotilla Sandbox Linux",
      containerRuntimeVersion: "containerd://1.7.24",
      kubeletVersion: spec.kubernetesVersion,
      kubeProxyVersion: spec.kubernetesVersion,
      operatingSystem: "linux",
      architecture: "amd64",
    },
  };
}

/** A stable 32-hex-digit id from a string (FNV-1a, repeated), so ids survive restarts. */
function hex(s: string): string {
  let out = "";
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, "0");
  }
  return out;
}

/** True when a node's Ready condition is True. */
export function isNodeReady(node: KubeObject): boolean {
  const conds = ((node.status as { conditions?: Condition[] } | undefined)?.conditions ?? []) as Condition[];
  return conds.some((c) => c.type === "Ready" && c.status === "True");
}
