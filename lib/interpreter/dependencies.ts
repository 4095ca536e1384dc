import type { KubeObject } from "../kube/types";
import { asArray, asObj, at, gvk, str, type Obj } from "./object-access";

/** One object a workload needs in the same member cluster (Karmada's DependentObjectReference). */
export interface DependentObjectReference {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

const POD_TEMPLATE_KINDS = ["apps/v1/Deployment", "apps/v1/ReplicaSet", "batch/v1/Job", "batch/v1/CronJob", "v1/Pod", "apps/v1/DaemonSet", "apps/v1/StatefulSet"];

/**
 * Karmada's default dependencies interpreter (native/dependencies.go), used by propagateDeps:
 * for pod-template workloads the ConfigMaps, Secrets, ServiceAccount (not "default") and PVCs
 * the pod spec references (a StatefulSet's PVCs named by its volumeClaimTemplates excepted); for
 * an Ingress the TLS Secrets. Karmada's ServiceImport rule (derived Service and EndpointSlices by
 * label selector) is left out: Flotilla has no multi-cluster services. Each kind's names are
 * de-duplicated and sorted (Karmada ranges over sets, so only membership is specified);
 * order of kinds: ConfigMap, Secret, ServiceAccount, PersistentVolumeClaim. Other kinds: none.
 */
export function getDependencies(obj: KubeObject): DependentObjectReference[] {
  const namespace = obj.metadata.namespace ?? "";
  const key = gvk(obj);
  if (key === "networking.k8s.io/v1/Ingress") {
    return asArray(at(obj, "spec", "tls")).map((t) => ref("Secret", namespace, str(asObj(t).secretName)));
  }
  if (!POD_TEMPLATE_KINDS.includes(key)) return [];
  const pod = key === "v1/Pod" ? asObj(obj.spec) : key === "batch/v1/CronJob" ? asObj(at(obj, "spec", "jobTemplate", "spec", "template", "spec")) : asObj(at(obj, "spec", "template", "spec"));
  const sa = str(pod.serviceAccountName);
  const claimTemplates = new Set(key === "apps/v1/StatefulSet" ? asArray(at(obj, "spec", "volumeClaimTemplates")).map((t) => str(at(t, "metadata", "name"))) : []);
  return [
    ...sorted(configMapNames(pod)).map((n) => ref("ConfigMap", namespace, n)),
    ...sorted(secretNames(pod)).map((n) => ref("Secret", namespace, n)),
    ...(sa && sa !== "default" ? [ref("ServiceAccount", namespace, sa)] : []),
    ...sorted(pvcNames(pod))
      .filter((n) => !claimTemplates.has(n))
      .map((n) => ref("PersistentVolumeClaim", namespace, n)),
  ];
}

/** Whether the built-in interpreter has a dependency rule for this kind (Karmada's HookEnabled for InterpretDependency). */
export function interpretsDependencies(obj: KubeObject): boolean {
  const key = gvk(obj);
  return key === "networking.k8s.io/v1/Ingress" || POD_TEMPLATE_KINDS.includes(key);
}

function ref(kind: string, namespace: string, name: string): DependentObjectReference {
  return { apiVersion: "v1", kind, namespace, name };
}

function sorted(set: Set<string>): string[] {
  set.delete("");
  return [...set].sort();
}

function containersOf(pod: Obj): Obj[] {
  return [...asArray(pod.containers), ...asArray(pod.initContainers), ...asArray(pod.ephemeralContainers)].map(asObj);
}

function volumesOf(pod: Obj): Obj[] {
  return asArray(pod.volumes).map(asObj);
}

const isSet = (v: Obj, k: string) => v[k] !== undefined && v[k] !== null;

/** Karmada's VisitPodConfigmapNames: a volume is read as its first source of projected, configMap. */
function configMapNames(pod: Obj): Set<string> {
  const out = new Set<string>();
  for (const v of volumesOf(pod)) {
    if (isSet(v, "projected")) for (const s of asArray(at(v, "projected", "sources")).map(asObj)) out.add(str(at(s, "configMap", "name")));
    else if (isSet(v, "configMap")) out.add(str(at(v, "configMap", "name")));
  }
  for (const c of containersOf(pod)) {
    for (const e of asArray(c.envFrom)) out.add(str(at(e, "configMapRef", "name")));
    for (const e of asArray(c.env)) out.add(str(at(e, "valueFrom", "configMapKeyRef", "name")));
  }
  return out;
}

/**
 * Karmada's VisitPodSecretNames: a volume is read as its first source in this order; each names
 * its secret at the given path.
 */
const SECRET_VOLUME_SOURCES: [string, string[]][] = [
  ["azureFile", ["secretName"]],
  ["cephfs", ["secretRef", "name"]],
  ["cinder", ["secretRef", "name"]],
  ["flexVolume", ["secretRef", "name"]],
  ["projected", []],
  ["rbd", ["secretRef", "name"]],
  ["secret", ["secretName"]],
  ["scaleIO", ["secretRef", "name"]],
  ["iscsi", ["secretRef", "name"]],
  ["storageos", ["secretRef", "name"]],
  ["csi", ["nodePublishSecretRef", "name"]],
];

function secretNames(pod: Obj): Set<string> {
  const out = new Set<string>();
  for (const s of asArray(pod.imagePullSecrets)) out.add(str(asObj(s).name));
  for (const v of volumesOf(pod)) {
    const source = SECRET_VOLUME_SOURCES.find(([k]) => isSet(v, k));
    if (!source) continue;
    const [k, path] = source;
    if (k === "projected") for (const s of asArray(at(v, "projected", "sources")).map(asObj)) out.add(str(at(s, "secret", "name")));
    else out.add(str(at(v, k, ...path)));
  }
  for (const c of containersOf(pod)) {
    for (const e of asArray(c.envFrom)) out.add(str(at(e, "secretRef", "name")));
    for (const e of asArray(c.env)) out.add(str(at(e, "valueFrom", "secretKeyRef", "name")));
  }
  return out;
}

function pvcNames(pod: Obj): Set<string> {
  const out = new Set<string>();
  for (const v of volumesOf(pod)) out.add(str(at(v, "persistentVolumeClaim", "claimName")));
  return out;
}
