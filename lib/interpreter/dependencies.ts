import type { KubeObject } from "../kube/types";
import { asArray, asObj, at, gvk, str, type Obj } from "./object-access";

/** One object a workload needs in the same member cluster (Karmada's DependentObjectReference). */
export interface DependentObjectReference {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

const POD_TEMPLATE_KINDS = ["apps/v1/Deployment", "batch/v1/Job", "batch/v1/CronJob", "v1/Pod", "apps/v1/DaemonSet", "apps/v1/StatefulSet"];

/**
 * Karmada's default dependencies interpreter (native/dependencies.go), used by propagateDeps:
 * for pod-template workloads the ConfigMaps, Secrets, ServiceAccount (not "default") and PVCs
 * the pod spec references; for an Ingress the TLS Secrets. Each kind's names are
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
  return [
    ...sorted(configMapNames(pod)).map((n) => ref("ConfigMap", namespace, n)),
    ...sorted(secretNames(pod)).map((n) => ref("Secret", namespace, n)),
    ...(sa && sa !== "default" ? [ref("ServiceAccount", namespace, sa)] : []),
    ...sorted(pvcNames(pod)).map((n) => ref("PersistentVolumeClaim", namespace, n)),
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

function projectedSources(pod: Obj): Obj[] {
  return volumesOf(pod).flatMap((v) => asArray(at(v, "projected", "sources")).map(asObj));
}

function configMapNames(pod: Obj): Set<string> {
  const out = new Set<string>();
  for (const v of volumesOf(pod)) out.add(str(at(v, "configMap", "name")));
  for (const s of projectedSources(pod)) out.add(str(at(s, "configMap", "name")));
  for (const c of containersOf(pod)) {
    for (const e of asArray(c.envFrom)) out.add(str(at(e, "configMapRef", "name")));
    for (const e of asArray(c.env)) out.add(str(at(e, "valueFrom", "configMapKeyRef", "name")));
  }
  return out;
}

/** Volume sources whose secret reference is `secretRef.name` (the Kubernetes VisitPodSecretNames list). */
const SECRET_REF_VOLUMES = ["cephfs", "cinder", "flexVolume", "iscsi", "rbd", "scaleIO", "storageos"];

function secretNames(pod: Obj): Set<string> {
  const out = new Set<string>();
  for (const s of asArray(pod.imagePullSecrets)) out.add(str(asObj(s).name));
  for (const v of volumesOf(pod)) {
    out.add(str(at(v, "secret", "secretName")));
    out.add(str(at(v, "azureFile", "secretName")));
    out.add(str(at(v, "csi", "nodePublishSecretRef", "name")));
    for (const k of SECRET_REF_VOLUMES) out.add(str(at(v, k, "secretRef", "name")));
  }
  for (const s of projectedSources(pod)) out.add(str(at(s, "secret", "name")));
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
