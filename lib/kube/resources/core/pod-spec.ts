import type { StatusCause } from "../../types";
import { causes } from "../../errors";
import { isDNS1123Label, isValidPortName, isValidPortNum } from "../../validation/names";
import { arr, rec, str } from "../format";
import { setDefault, ensureObj } from "../builtin";

/**
 * Pod spec defaulting and the validation users commonly hit, shared by Pods and every pod
 * template (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob). Mirrors
 * k8s.io/kubernetes pkg/apis/core/v1 defaults, because typed readers (kubectl describe) and
 * `get -o yaml` users see these values.
 */
export function defaultPodSpec(spec: Record<string, unknown>): void {
  setDefault(spec, "restartPolicy", "Always");
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  setDefault(spec, "dnsPolicy", "ClusterFirst");
  setDefault(spec, "securityContext", {});
  setDefault(spec, "schedulerName", "default-scheduler");
  for (const c of arr(spec.containers)) defaultContainer(c);
  for (const c of arr(spec.initContainers)) defaultContainer(c);
  for (const v of arr(spec.volumes)) defaultVolume(v);
}

/** Pod template: labels/annotations stay as given; only the spec is defaulted. */
export function defaultPodTemplate(template: Record<string, unknown> | undefined): void {
  if (!template) return;
  ensureObj(template, "metadata");
  defaultPodSpec(ensureObj(template, "spec"));
}

function defaultContainer(c: Record<string, unknown>): void {
  setDefault(c, "terminationMessagePath", "/dev/termination-log");
  setDefault(c, "terminationMessagePolicy", "File");
  setDefault(c, "imagePullPolicy", pullPolicyFor(str(c.image)));
  setDefault(c, "resources", {});
  for (const p of arr(c.ports)) setDefault(p, "protocol", "TCP");
  for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
    const p = c[probe];
    if (!p || typeof p !== "object") continue;
    const pr = p as Record<string, unknown>;
    setDefault(pr, "timeoutSeconds", 1);
    setDefault(pr, "periodSeconds", 10);
    setDefault(pr, "successThreshold", 1);
    setDefault(pr, "failureThreshold", 3);
    const http = pr.httpGet as Record<string, unknown> | undefined;
    if (http && typeof http === "object") {
      setDefault(http, "path", "/");
      setDefault(http, "scheme", "HTTP");
    }
  }
}

function defaultVolume(v: Record<string, unknown>): void {
  for (const k of ["configMap", "secret", "projected", "downwardAPI"]) {
    const src = v[k];
    if (src && typeof src === "object") setDefault(src as Record<string, unknown>, "defaultMode", 420);
  }
}

/** `Always` for `:latest` or untagged images (digests count as tagged), else `IfNotPresent`. */
export function pullPolicyFor(image: string): "Always" | "IfNotPresent" {
  if (image.includes("@")) return "IfNotPresent";
  const lastSlash = image.lastIndexOf("/");
  const colon = image.indexOf(":", lastSlash + 1);
  if (colon < 0) return "Always";
  return image.slice(colon + 1) === "latest" ? "Always" : "IfNotPresent";
}

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];

/** Validation of a pod spec at `path` (e.g. "spec.template.spec"). */
export function validatePodSpec(specValue: unknown, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const spec = rec(specValue);
  const containers = arr(spec.containers);
  if (containers.length === 0) out.push(causes.required(`${path}.containers`));
  const names = new Set<string>();
  containers.forEach((c, i) => out.push(...validateContainer(c, `${path}.containers[${i}]`, names)));
  arr(spec.initContainers).forEach((c, i) => out.push(...validateContainer(c, `${path}.initContainers[${i}]`, names)));
  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(str(spec.restartPolicy)))
    out.push(causes.notSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(str(spec.dnsPolicy)))
    out.push(causes.notSupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  const grace = spec.terminationGracePeriodSeconds;
  if (typeof grace === "number" && grace < 0)
    out.push(causes.invalid(`${path}.terminationGracePeriodSeconds`, grace, "must be greater than or equal to 0"));
  const volNames = new Set<string>();
  arr(spec.volumes).forEach((v, i) => {
    const n = str(v.name);
    if (!n) out.push(causes.required(`${path}.volumes[${i}].name`));
    else {
      for (const e of isDNS1123Label(n)) out.push(causes.invalid(`${path}.volumes[${i}].name`, n, e));
      if (volNames.has(n)) out.push(causes.duplicate(`${path}.volumes[${i}].name`, n));
    }
    volNames.add(n);
  });
  return out;
}

function validateContainer(c: Record<string, unknown>, path: string, names: Set<string>): StatusCause[] {
  const out: StatusCause[] = [];
  const name = str(c.name);
  if (!name) out.push(causes.required(`${path}.name`));
  else {
    for (const e of isDNS1123Label(name)) out.push(causes.invalid(`${path}.name`, name, e));
    if (names.has(name)) out.push(causes.duplicate(`${path}.name`, name));
    names.add(name);
  }
  if (!str(c.image).trim()) out.push(causes.required(`${path}.image`));
  if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(str(c.imagePullPolicy)))
    out.push(causes.notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  const portNames = new Set<string>();
  arr(c.ports).forEach((p, i) => {
    const pp = `${path}.ports[${i}]`;
    if (p.containerPort === undefined) out.push(causes.required(`${pp}.containerPort`));
    else for (const e of isValidPortNum(Number(p.containerPort))) out.push(causes.invalid(`${pp}.containerPort`, p.containerPort, e));
    if (p.hostPort !== undefined && p.hostPort !== 0)
      for (const e of isValidPortNum(Number(p.hostPort))) out.push(causes.invalid(`${pp}.hostPort`, p.hostPort, e));
    if (p.protocol !== undefined && !PROTOCOLS.includes(str(p.protocol))) out.push(causes.notSupported(`${pp}.protocol`, p.protocol, PROTOCOLS));
    if (p.name !== undefined && p.name !== "") {
      const pn = str(p.name);
      for (const e of isValidPortName(pn)) out.push(causes.invalid(`${pp}.name`, pn, e));
      if (portNames.has(pn)) out.push(causes.duplicate(`${pp}.name`, pn));
      portNames.add(pn);
    }
  });
  return out;
}

/** Container names joined by "," (the CONTAINERS column). */
export function containerNames(podSpec: unknown): string {
  return arr(rec(podSpec).containers).map((c) => str(c.name)).join(",");
}

/** Container images joined by "," (the IMAGES column). */
export function containerImages(podSpec: unknown): string {
  return arr(rec(podSpec).containers).map((c) => str(c.image)).join(",");
}
