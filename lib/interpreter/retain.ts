import type { KubeObject } from "../kube/types";
import { ANNOTATION_MANAGED_ANNOTATIONS, ANNOTATION_MANAGED_LABELS, LABEL_RETAIN_REPLICAS } from "../kube/karmada";
import { asArray, asObj, gvk, str, type Obj } from "./object-access";
import { cloneJson } from "../store/json-clone";

/**
 * What Karmada keeps from the live member object when it updates it (objectwatcher's
 * retainClusterFields + the native Retain interpreter, native/retain.go), so an update never
 * fights the member's own controllers:
 * - metadata.resourceVersion, finalizers, ownerReferences of the live object (absent there:
 *   removed from the desired object too);
 * - live labels/annotations the desired object does not set, except keys the live object's
 *   managed-labels/managed-annotations bookkeeping lists (Karmada owned them; now removed);
 * - per kind (`retainNative`).
 * Returns a new object; neither input is mutated.
 */
export function retainMemberFields<T extends KubeObject>(desired: T, live: KubeObject): T {
  const out = cloneJson(desired);
  const lm = live.metadata;
  // objectwatcher's retainClusterFields sets these to the live values, removing desired ones the live object lacks.
  if (lm.resourceVersion) out.metadata.resourceVersion = lm.resourceVersion;
  else delete out.metadata.resourceVersion;
  if (lm.finalizers?.length) out.metadata.finalizers = [...lm.finalizers];
  else delete out.metadata.finalizers;
  if (lm.ownerReferences?.length) out.metadata.ownerReferences = cloneJson(lm.ownerReferences);
  else delete out.metadata.ownerReferences;
  out.metadata.labels = mergeForeign(out.metadata.labels, lm.labels, lm.annotations?.[ANNOTATION_MANAGED_LABELS]);
  out.metadata.annotations = mergeForeign(out.metadata.annotations, lm.annotations, lm.annotations?.[ANNOTATION_MANAGED_ANNOTATIONS]);
  if (!Object.keys(out.metadata.labels ?? {}).length) delete out.metadata.labels;
  if (!Object.keys(out.metadata.annotations ?? {}).length) delete out.metadata.annotations;
  return retainNative(out, live);
}

/**
 * Karmada's native Retain interpreter (native/retain.go), in place on `desired`:
 * - apps/v1 Deployment: spec.replicas of the live object when the desired one is labelled
 *   retain-replicas=true (an error when the live object has none);
 * - Pod: nodeName, serviceAccountName and volumes of the live pod (absent there: removed), and the
 *   volumeMounts of each container and init container the live pod has by name;
 * - Service: live healthCheckNodePort (> 0) and clusterIP (non-empty) overwrite the desired ones;
 * - ServiceAccount: secrets/imagePullSecrets, desired ones first then the live ones not listed;
 * - PVC: live volumeName (non-empty); PV: live claimRef;
 * - Job: live spec.selector.matchLabels and pod-template labels replace the desired ones;
 * - Secret of type service-account-token: live data.
 */
/** Whether the built-in interpreter has a Retain rule for this kind (Karmada's HookEnabled for Retain). */
export function hasRetainRule(obj: Pick<KubeObject, "apiVersion" | "kind">): boolean {
  return gvk(obj) in RETAINERS;
}

export function retainNative<T extends KubeObject>(desired: T, live: KubeObject): T {
  const retain = RETAINERS[gvk(desired)];
  if (retain) retain(desired as KubeObject & Obj, live as KubeObject & Obj);
  return desired;
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
  for (const k of ["nodeName", "serviceAccountName"]) {
    if (str(ls[k])) ds[k] = ls[k];
    else delete ds[k];
  }
  if (asArray(ls.volumes).length) ds.volumes = cloneJson(ls.volumes);
  else delete ds.volumes;
  for (const list of ["initContainers", "containers"]) {
    const desiredByName = new Map(asArray(ds[list]).map((c) => [str(asObj(c).name), asObj(c)]));
    for (const lc of asArray(ls[list]).map(asObj)) {
      const c = desiredByName.get(str(lc.name));
      if (!c) continue;
      if (asArray(lc.volumeMounts).length) c.volumeMounts = cloneJson(lc.volumeMounts);
      else delete c.volumeMounts;
    }
  }
}

function retainService(d: Obj, l: Obj): void {
  const ls = asObj(l.spec);
  if (typeof ls.healthCheckNodePort === "number" && ls.healthCheckNodePort > 0) spec(d).healthCheckNodePort = ls.healthCheckNodePort;
  if (str(ls.clusterIP)) spec(d).clusterIP = ls.clusterIP;
}

/** lifted.retainSecretsField: every desired entry, then the live entries whose name the result lacks. */
function unionByName(desired: unknown, live: unknown): unknown[] | undefined {
  const out = asArray(desired).map((item) => cloneJson(item));
  const seen = new Set(out.map((item) => str(asObj(item).name)));
  for (const item of asArray(live)) {
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
  const matchLabels = asObj(ls.selector).matchLabels;
  if (matchLabels && typeof matchLabels === "object") {
    const sel = asObj((spec(d).selector ??= {}));
    sel.matchLabels = cloneJson(matchLabels);
  }
  const labels = asObj(asObj(ls.template).metadata).labels;
  if (labels && typeof labels === "object") {
    const tpl = asObj((spec(d).template ??= {}));
    const meta = asObj((tpl.metadata ??= {}));
    meta.labels = cloneJson(labels);
  }
}

function retainDeploymentReplicas(d: KubeObject & Obj, l: KubeObject & Obj): void {
  if (d.metadata?.labels?.[LABEL_RETAIN_REPLICAS] !== "true") return;
  const replicas = asObj(l.spec).replicas;
  if (typeof replicas !== "number") throw new Error(`failed to get spec.replicas from ${l.kind} ${l.metadata?.namespace ?? ""}/${l.metadata?.name ?? ""}`);
  spec(d).replicas = replicas;
}

const RETAINERS: Record<string, Retainer> = {
  "apps/v1/Deployment": retainDeploymentReplicas,
  "v1/Pod": retainPod,
  "v1/Service": retainService,
  "v1/ServiceAccount": retainServiceAccount,
  "v1/PersistentVolumeClaim": (d, l) => {
    const v = asObj(l.spec).volumeName;
    if (v) spec(d).volumeName = v;
  },
  "v1/PersistentVolume": (d, l) => {
    const c = asObj(l.spec).claimRef;
    if (c !== undefined) spec(d).claimRef = cloneJson(c);
  },
  "batch/v1/Job": retainJob,
  "v1/Secret": (d, l) => {
    if (d.type === "kubernetes.io/service-account-token" && l.data !== undefined) d.data = cloneJson(l.data);
  },
};
