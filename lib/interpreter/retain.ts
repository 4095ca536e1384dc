import type { KubeObject } from "../kube/types";
import { ANNOTATION_MANAGED_ANNOTATIONS, ANNOTATION_MANAGED_LABELS, LABEL_RETAIN_REPLICAS } from "../kube/karmada";
import { asArray, asObj, gvk, str, type Obj } from "./object-access";
import { cloneJson } from "../store/json-clone";

/**
 * What Karmada keeps from the live member object when it updates it (objectwatcher's
 * RetainClusterFields + the native Retain interpreter, karmada-api.md §7.5), so an update never
 * fights the member's own controllers:
 * - metadata.resourceVersion, finalizers, ownerReferences of the live object;
 * - live labels/annotations the desired object does not set, except keys the live object's
 *   managed-labels/managed-annotations bookkeeping lists (Karmada owned them; now removed);
 * - per kind: Pod nodeName, serviceAccountName, volumes and containers' volumeMounts; Service
 *   clusterIP(s) and healthCheckNodePort; ServiceAccount secrets/imagePullSecrets (union);
 *   PVC volumeName; PV claimRef; Job selector and pod-template labels; service-account-token
 *   Secret data; spec.replicas when the desired object has retain-replicas=true.
 * Returns a new object; neither input is mutated.
 */
export function retainMemberFields<T extends KubeObject>(desired: T, live: KubeObject): T {
  const out = cloneJson(desired);
  const lm = live.metadata;
  if (lm.resourceVersion) out.metadata.resourceVersion = lm.resourceVersion;
  if (lm.finalizers?.length) out.metadata.finalizers = [...lm.finalizers];
  if (lm.ownerReferences?.length) out.metadata.ownerReferences = cloneJson(lm.ownerReferences);
  out.metadata.labels = mergeForeign(out.metadata.labels, lm.labels, lm.annotations?.[ANNOTATION_MANAGED_LABELS]);
  out.metadata.annotations = mergeForeign(out.metadata.annotations, lm.annotations, lm.annotations?.[ANNOTATION_MANAGED_ANNOTATIONS]);
  if (!Object.keys(out.metadata.labels ?? {}).length) delete out.metadata.labels;
  if (!Object.keys(out.metadata.annotations ?? {}).length) delete out.metadata.annotations;
  const retain = RETAINERS[gvk(out)];
  if (retain) retain(out as KubeObject & Obj, live as KubeObject & Obj);
  if (out.metadata.labels?.[LABEL_RETAIN_REPLICAS] === "true" && typeof asObj(live.spec).replicas === "number") {
    (out as Obj).spec = { ...asObj(out.spec), replicas: asObj(live.spec).replicas };
  }
  return out;
}

function mergeForeign(desired: Record<string, string> | undefined, live: Record<string, string> | undefined, managedList: string | undefined): Record<string, string> {
  const managed = new Set((managedList ?? "").split(",").filter(Boolean));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(live ?? {})) if (!managed.has(k)) out[k] = v;
  return Object.assign(out, desired ?? {});
}

type Retainer = (desired: KubeObject & Obj, live: KubeObject & Obj) => void;

const spec = (o: Obj): Obj => {
  if (!o.spec || typeof o.spec !== "object") o.spec = {};
  return o.spec as Obj;
};

function retainPod(d: Obj, l: Obj): void {
  const ds = spec(d);
  const ls = asObj(l.spec);
  for (const k of ["nodeName", "serviceAccountName", "volumes"]) if (ls[k] !== undefined) ds[k] = cloneJson(ls[k]);
  for (const list of ["initContainers", "containers"]) {
    const liveByName = new Map(asArray(ls[list]).map((c) => [str(asObj(c).name), asObj(c)]));
    for (const c of asArray(ds[list]).map(asObj)) {
      const lc = liveByName.get(str(c.name));
      if (lc?.volumeMounts !== undefined) c.volumeMounts = cloneJson(lc.volumeMounts);
    }
  }
}

function retainService(d: Obj, l: Obj): void {
  const ds = spec(d);
  const ls = asObj(l.spec);
  if (!ds.clusterIP && ls.clusterIP) ds.clusterIP = ls.clusterIP;
  if (!ds.clusterIPs && ls.clusterIPs) ds.clusterIPs = cloneJson(ls.clusterIPs);
  if (ds.type === "LoadBalancer" && !ds.healthCheckNodePort && ls.healthCheckNodePort) ds.healthCheckNodePort = ls.healthCheckNodePort;
}

function unionByName(a: unknown, b: unknown): unknown[] | undefined {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const item of [...asArray(a), ...asArray(b)]) {
    const n = str(asObj(item).name);
    if (seen.has(n)) continue;
    seen.add(n);
    out.push(cloneJson(item));
  }
  return out.length ? out : undefined;
}

function retainServiceAccount(d: Obj, l: Obj): void {
  for (const k of ["secrets", "imagePullSecrets"]) {
    const merged = unionByName(d[k], l[k]);
    if (merged) d[k] = merged;
  }
}

function retainJob(d: Obj, l: Obj): void {
  const ls = asObj(l.spec);
  const ds = spec(d);
  if (ls.selector) ds.selector = cloneJson(ls.selector);
  const liveLabels = asObj(asObj(asObj(ls.template).metadata).labels);
  if (Object.keys(liveLabels).length) {
    const tpl = asObj((ds.template ??= {}));
    const meta = asObj((tpl.metadata ??= {}));
    meta.labels = { ...liveLabels, ...asObj(meta.labels) };
  }
}

const RETAINERS: Record<string, Retainer> = {
  "v1/Pod": retainPod,
  "v1/Service": retainService,
  "v1/ServiceAccount": retainServiceAccount,
  "v1/PersistentVolumeClaim": (d, l) => {
    const v = asObj(l.spec).volumeName;
    if (v) spec(d).volumeName = v;
  },
  "v1/PersistentVolume": (d, l) => {
    const c = asObj(l.spec).claimRef;
    if (c) spec(d).claimRef = cloneJson(c);
  },
  "batch/v1/Job": retainJob,
  "v1/Secret": (d, l) => {
    if (d.type === "kubernetes.io/service-account-token" && l.data !== undefined) d.data = cloneJson(l.data);
  },
};
