import type { Condition, KubeObject, OwnerReference } from "../../kube/types";
import { quantityMilliValue, quantityValue } from "../../kube/quantity";

type Dict = Record<string, unknown>;

/** The part of a Pod the simulator reads, typed loosely (objects come from the API as JSON). */
export interface PodView {
  phase: string;
  nodeName: string;
  ready: boolean;
  active: boolean;
}

export function dict(v: unknown): Dict {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Dict) : {};
}

export function podSpec(pod: KubeObject): Dict {
  return dict(pod.spec);
}

export function podStatusOf(pod: KubeObject): Dict {
  return dict(pod.status);
}

export function podPhase(pod: KubeObject): string {
  return String(podStatusOf(pod).phase ?? "Pending");
}

export function podNodeName(pod: KubeObject): string {
  return String(podSpec(pod).nodeName ?? "");
}

/** Not finished and not being deleted: what controllers count towards replicas (controller.FilterActivePods). */
export function isPodActive(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

export function isPodReady(pod: KubeObject): boolean {
  const conds = (podStatusOf(pod).conditions as Condition[] | undefined) ?? [];
  return podPhase(pod) === "Running" && conds.some((c) => c.type === "Ready" && c.status === "True");
}

/** The controller owner reference, if any. */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** An ownerReference making `owner` the controller of a dependent. */
export function controllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name ?? "", uid: owner.metadata.uid ?? "", controller: true, blockOwnerDeletion: true };
}

/**
 * Effective requests of a pod as the scheduler sees them: the sum over containers (a limit
 * stands in for a missing request, as API defaulting does), at least the largest init
 * container's. cpu in millicores, memory in bytes.
 */
/**
 * Requests per pod spec object: the scheduler sums every pod's on each bind, and parsing their
 * quantities each time made a bind cost grow with the pods already placed. Informer caches
 * replace objects on update rather than change them, so a spec object's requests never change.
 */
const requestsOfSpec = new WeakMap<object, { cpu: number; memory: number }>();

export function podRequests(pod: KubeObject): { cpu: number; memory: number } {
  const spec = podSpec(pod);
  let sum = requestsOfSpec.get(spec);
  if (!sum) requestsOfSpec.set(spec, (sum = sumRequests(spec)));
  return sum;
}

function sumRequests(spec: Dict): { cpu: number; memory: number } {
  const sum = { cpu: 0, memory: 0 };
  for (const c of (spec.containers as Dict[] | undefined) ?? []) {
    const r = containerRequests(c);
    sum.cpu += r.cpu;
    sum.memory += r.memory;
  }
  for (const c of (spec.initContainers as Dict[] | undefined) ?? []) {
    const r = containerRequests(c);
    sum.cpu = Math.max(sum.cpu, r.cpu);
    sum.memory = Math.max(sum.memory, r.memory);
  }
  return sum;
}

function containerRequests(c: Dict): { cpu: number; memory: number } {
  const res = dict(c.resources);
  const req = { ...dict(res.limits), ...dict(res.requests) } as Record<string, string | number>;
  return {
    cpu: req.cpu !== undefined ? safe(() => quantityMilliValue(req.cpu)) : 0,
    memory: req.memory !== undefined ? safe(() => quantityValue(req.memory)) : 0,
  };
}

function safe(f: () => number): number {
  try {
    return f();
  } catch {
    return 0;
  }
}

const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** Five characters from Kubernetes' name-suffix alphabet (no vowels, no look-alikes). */
export function randomSuffix(n = 5): string {
  let s = "";
  for (let i = 0; i < n; i++) s += SAFE_ALPHABET[Math.floor(Math.random() * SAFE_ALPHABET.length)];
  return s;
}

/**
 * A short stable hash of a pod template, encoded with the same alphabet as Kubernetes'
 * pod-template-hash (FNV-1a over the canonical JSON), e.g. "5d4f8b7c9".
 */
export function templateHash(template: unknown, collisionCount = 0): string {
  const text = canonicalJson(template) + (collisionCount ? String(collisionCount) : "");
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  let n = h >>> 0;
  let out = "";
  do {
    out += SAFE_ALPHABET[n % SAFE_ALPHABET.length];
    n = Math.floor(n / SAFE_ALPHABET.length);
  } while (n > 0);
  return out;
}

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const keys = Object.keys(v as Dict).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Dict)[k])}`).join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** Whether a label set matches a metav1.LabelSelector's matchLabels (the controllers' own selectors). */
export function matchesLabels(labels: Record<string, string> | undefined, selector: unknown): boolean {
  const match = dict(dict(selector).matchLabels) as Record<string, string>;
  for (const [k, v] of Object.entries(match)) if (labels?.[k] !== v) return false;
  return true;
}

/** A pod built from a template, owned by `owner`, with extra labels (pod-template-hash and the like). */
export function podFromTemplate(
  owner: KubeObject,
  template: unknown,
  opts: { name: string; labels?: Record<string, string>; annotations?: Record<string, string>; spec?: Dict },
): KubeObject {
  const t = structuredClone(dict(template));
  const meta = dict(t.metadata);
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: opts.name,
      namespace: owner.metadata.namespace,
      labels: { ...(meta.labels as Record<string, string> | undefined), ...opts.labels },
      annotations: { ...(meta.annotations as Record<string, string> | undefined), ...opts.annotations },
      ownerReferences: [controllerRef(owner)],
    },
    spec: { ...dict(t.spec), ...opts.spec },
  };
}

/** JSON equality for status comparisons (objects from the API are plain JSON). */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
