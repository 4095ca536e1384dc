import { causes as cause, errors } from "../kube/errors";
import type { Cluster, OverridePolicy, PropagationPolicy, TargetCluster } from "../kube/karmada";
import type { ResourceDescriptor } from "../kube/resource-descriptor";
import { clusterDescriptor } from "../kube/resources/karmada/cluster";
import { clusterOverridePolicyDescriptor, overridePolicyDescriptor } from "../kube/resources/karmada/override-policy";
import { clusterPropagationPolicyDescriptor, propagationPolicyDescriptor } from "../kube/resources/karmada/propagation-policy";
import type { KubeObject, StatusCause } from "../kube/types";

/**
 * Checks and normalises the bodies of the dry-run endpoints. Objects are copied and defaulted
 * exactly as the API server would store them (the descriptors' applyDefaults: CRD schema
 * defaults plus Karmada's mutating webhooks), so a preview of a policy that was never stored
 * gives the answer the stored policy would. Bad shapes become 422 Invalid with one cause per
 * problem.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** Collects causes; `fail()` throws them as one 422 when any were found. */
export class InputChecker {
  readonly causes: StatusCause[] = [];

  constructor(private readonly request: string) {}

  add(c: StatusCause): void {
    this.causes.push(c);
  }

  fail(): void {
    if (this.causes.length) throw errors.invalid(this.request, "", this.causes);
  }
}

/** The request body must be a JSON object. */
export function requireBody(body: unknown, request: string): Obj {
  if (!isObj(body)) throw errors.badRequest(`the ${request} body must be a JSON object`);
  return body;
}

/** A Kubernetes manifest: apiVersion, kind and metadata.name are required. */
export function checkManifest(v: unknown, field: string, c: InputChecker): KubeObject | undefined {
  if (v === undefined) {
    c.add(cause.required(field));
    return undefined;
  }
  if (!isObj(v)) {
    c.add(cause.invalid(field, typeof v, "must be an object (a Kubernetes manifest)"));
    return undefined;
  }
  let ok = true;
  for (const k of ["apiVersion", "kind"]) {
    if (typeof v[k] !== "string" || !v[k]) {
      c.add(cause.required(`${field}.${k}`));
      ok = false;
    }
  }
  const meta = v.metadata;
  if (!isObj(meta) || typeof meta.name !== "string" || !meta.name) {
    c.add(cause.required(`${field}.metadata.name`));
    ok = false;
  }
  return ok ? (structuredClone(v) as unknown as KubeObject) : undefined;
}

function defaulted<T extends KubeObject>(obj: T, d: ResourceDescriptor, field: string, c: InputChecker): T | undefined {
  if (obj.spec !== undefined && !isObj(obj.spec)) {
    c.add(cause.invalid(`${field}.spec`, typeof obj.spec, "must be an object"));
    return undefined;
  }
  (obj as KubeObject & { spec?: unknown }).spec ??= {};
  try {
    d.applyDefaults?.(obj);
  } catch (err) {
    c.add(cause.invalid(field, obj.kind, `cannot be defaulted: ${err instanceof Error ? err.message : String(err)}`));
    return undefined;
  }
  return obj;
}

const POLICY_KINDS = ["PropagationPolicy", "ClusterPropagationPolicy"];
const OVERRIDE_KINDS = ["OverridePolicy", "ClusterOverridePolicy"];

function checkKind(v: Obj, field: string, kinds: string[], c: InputChecker): boolean {
  if (kinds.includes(String(v.kind))) return true;
  c.add({ reason: "FieldValueNotSupported", field: `${field}.kind`, message: `Unsupported value: ${JSON.stringify(v.kind ?? "")}: supported values: ${kinds.map((k) => `"${k}"`).join(", ")}` });
  return false;
}

/** A PropagationPolicy or ClusterPropagationPolicy, defaulted as stored. */
export function checkPolicy(v: unknown, field: string, c: InputChecker): PropagationPolicy | undefined {
  const obj = checkManifest(v, field, c);
  if (!obj || !checkKind(obj, field, POLICY_KINDS, c)) return undefined;
  const namespaced = obj.kind === "PropagationPolicy";
  if (namespaced) obj.metadata.namespace ||= "default";
  else delete obj.metadata.namespace;
  return defaulted(obj as PropagationPolicy, namespaced ? propagationPolicyDescriptor() : clusterPropagationPolicyDescriptor(), field, c);
}

/** An OverridePolicy or ClusterOverridePolicy, defaulted as stored. */
export function checkOverridePolicy(v: unknown, field: string, c: InputChecker): OverridePolicy | undefined {
  const obj = checkManifest(v, field, c);
  if (!obj || !checkKind(obj, field, OVERRIDE_KINDS, c)) return undefined;
  const namespaced = obj.kind === "OverridePolicy";
  if (namespaced) obj.metadata.namespace ||= "default";
  else delete obj.metadata.namespace;
  return defaulted(obj as OverridePolicy, namespaced ? overridePolicyDescriptor() : clusterOverridePolicyDescriptor(), field, c);
}

/** A hypothetical Cluster, defaulted as stored (zone moved into zones, NoExecute taints stamped). */
export function checkCluster(v: unknown, field: string, c: InputChecker): Cluster | undefined {
  if (isObj(v) && v.apiVersion === undefined && v.kind === undefined) v = { apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", ...v };
  const obj = checkManifest(v, field, c);
  if (!obj) return undefined;
  if (obj.kind !== "Cluster") {
    c.add({ reason: "FieldValueNotSupported", field: `${field}.kind`, message: `Unsupported value: ${JSON.stringify(obj.kind)}: supported values: "Cluster"` });
    return undefined;
  }
  delete obj.metadata.namespace;
  return defaulted(obj as Cluster, clusterDescriptor(), field, c);
}

/** An optional array, each item checked by `each`; undefined when absent. */
export function checkList<T>(v: unknown, field: string, c: InputChecker, each: (item: unknown, field: string, c: InputChecker) => T | undefined): T[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    c.add(cause.invalid(field, typeof v, "must be an array"));
    return undefined;
  }
  const out: T[] = [];
  v.forEach((item, i) => {
    const got = each(item, `${field}[${i}]`, c);
    if (got !== undefined) out.push(got);
  });
  return out;
}

/** `[{name, replicas?}]`: a current assignment. */
export function checkTarget(v: unknown, field: string, c: InputChecker): TargetCluster | undefined {
  if (!isObj(v) || typeof v.name !== "string" || !v.name) {
    c.add(cause.required(`${field}.name`));
    return undefined;
  }
  const r = v.replicas;
  if (r !== undefined && (typeof r !== "number" || !Number.isInteger(r) || r < 0)) {
    c.add(cause.invalid(`${field}.replicas`, r, "must be a non-negative integer"));
    return undefined;
  }
  return r === undefined ? { name: v.name } : { name: v.name, replicas: r };
}
