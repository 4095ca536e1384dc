import type { KubeObject } from "../../kube/types";
import { dict } from "./pod-util";

type Dict = Record<string, unknown>;

function containers(pod: KubeObject): Dict[] {
  return (dict(pod.spec).containers as Dict[] | undefined) ?? [];
}

function qosClass(pod: KubeObject): string {
  const cs = containers(pod).map((c) => dict(c.resources));
  if (cs.every((r) => !Object.keys(dict(r.requests)).length && !Object.keys(dict(r.limits)).length)) return "BestEffort";
  const guaranteed = cs.every((r) => {
    const lim = dict(r.limits);
    const reqs = { ...lim, ...dict(r.requests) };
    return lim.cpu !== undefined && lim.memory !== undefined && String(reqs.cpu) === String(lim.cpu) && String(reqs.memory) === String(lim.memory);
  });
  return guaranteed ? "Guaranteed" : "Burstable";
}

function cond(type: string, status: string, at: string, extra: Dict = {}): Dict {
  return { type, status, lastProbeTime: null, lastTransitionTime: at, ...extra };
}

/** Keeps lastTransitionTime of conditions whose status did not change. */
function keepTimes(pod: KubeObject, next: Dict[]): Dict[] {
  const prev = (dict(pod.status).conditions as Dict[] | undefined) ?? [];
  return next.map((c) => {
    const old = prev.find((p) => p.type === c.type);
    return old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
  });
}

function imageId(image: string): string {
  return `docker.io/library/${image.includes(":") ? image : `${image}:latest`}@sha256:${"0".repeat(64)}`;
}

function containerId(pod: KubeObject, name: string): string {
  let h = 0x811c9dc5;
  const s = `${pod.metadata.uid}/${name}`;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return `containerd://${(h >>> 0).toString(16).padStart(8, "0").repeat(8)}`;
}

/** Just bound: containers being created. */
export function creatingStatus(pod: KubeObject, node: KubeObject, at: string): Dict {
  const names = containers(pod).map((c) => String(c.name));
  const hostIP = ((dict(node.status).addresses as Dict[] | undefined) ?? []).find((a) => a.type === "InternalIP")?.address;
  const unready = `containers with unready status: [${names.join(" ")}]`;
  return {
    phase: "Pending",
    conditions: keepTimes(pod, [
      cond("PodReadyToStartContainers", "False", at),
      cond("Initialized", "True", at),
      cond("Ready", "False", at, { reason: "ContainersNotReady", message: unready }),
      cond("ContainersReady", "False", at, { reason: "ContainersNotReady", message: unready }),
      cond("PodScheduled", "True", at),
    ]),
    hostIP,
    hostIPs: hostIP ? [{ ip: hostIP }] : undefined,
    startTime: at,
    containerStatuses: containers(pod).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: "",
      ready: false,
      restartCount: 0,
      started: false,
      state: { waiting: { reason: "ContainerCreating" } },
      lastState: {},
    })),
    qosClass: qosClass(pod),
  };
}

/** Containers started and ready. */
export function runningStatus(pod: KubeObject, podIP: string, at: string): Dict {
  const prev = dict(pod.status);
  return {
    ...prev,
    phase: "Running",
    reason: undefined,
    message: undefined,
    podIP,
    podIPs: [{ ip: podIP }],
    conditions: keepTimes(pod, [
      cond("PodReadyToStartContainers", "True", at),
      cond("Initialized", "True", at),
      cond("Ready", "True", at),
      cond("ContainersReady", "True", at),
      cond("PodScheduled", "True", at),
    ]),
    containerStatuses: containers(pod).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: imageId(String(c.image ?? "")),
      containerID: containerId(pod, String(c.name)),
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: at } },
      lastState: {},
    })),
  };
}

/** Every container exited 0 (a Job's pod finished its work). */
export function completedStatus(pod: KubeObject, at: string): Dict {
  const prev = dict(pod.status);
  const started = String(prev.startTime ?? at);
  return {
    ...prev,
    phase: "Succeeded",
    conditions: keepTimes(pod, [
      cond("PodReadyToStartContainers", "False", at),
      cond("Initialized", "True", at, { reason: "PodCompleted" }),
      cond("Ready", "False", at, { reason: "PodCompleted" }),
      cond("ContainersReady", "False", at, { reason: "PodCompleted" }),
      cond("PodScheduled", "True", at),
    ]),
    containerStatuses: containers(pod).map((c) => ({
      name: c.name,
      image: c.image,
      imageID: imageId(String(c.image ?? "")),
      containerID: containerId(pod, String(c.name)),
      ready: false,
      restartCount: 0,
      started: false,
      state: { terminated: { exitCode: 0, reason: "Completed", startedAt: started, finishedAt: at, containerID: containerId(pod, String(c.name)) } },
      lastState: {},
    })),
  };
}

/** The node stopped reporting: the node lifecycle controller marks the pod not ready. */
export function notReadyStatus(pod: KubeObject, at: string): Dict {
  const prev = dict(pod.status);
  const conditions = ((prev.conditions as Dict[] | undefined) ?? []).map((c) =>
    c.type === "Ready" || c.type === "ContainersReady" ? { ...c, status: "False", lastTransitionTime: c.status === "False" ? c.lastTransitionTime : at } : c,
  );
  return { ...prev, conditions, reason: "NodeNotReady", message: "Node is not ready" };
}
