import type { KubeObject, StatusCause, JsonObject } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, col, ensureObj, STANDARD_VERBS } from "../builtin";
import { arr, dig, rec, str } from "../format";
import { causes } from "../../errors";
import { isDNS1123Label, isValidLabelValue } from "../../validation/names";
import { validateStructural } from "../../validation/structural";
import { pruneUnknownFields } from "../../validation/unknown-fields";
import { clusterSchema } from "./cluster-schema";

const MAX_INT64 = "9223372036854775807";
const CPU_STEPS = ["0", "1", "2", "4", "8", "16", "32", "64", "128"];
const MEM_STEPS = ["0", "4Gi", "16Gi", "32Gi", "64Gi", "128Gi", "256Gi", "512Gi", "1Ti"];

/** The 9-grade default resource models Karmada sets on create (gate CustomizedClusterResourceModeling, on by default). */
export function defaultResourceModels(): { grade: number; ranges: { name: string; min: string; max: string }[] }[] {
  return CPU_STEPS.map((cpu, i) => ({
    grade: i,
    ranges: [
      { name: "cpu", min: cpu, max: CPU_STEPS[i + 1] ?? MAX_INT64 },
      { name: "memory", min: MEM_STEPS[i], max: MEM_STEPS[i + 1] ?? MAX_INT64 },
    ],
  }));
}

/**
 * Karmada's Cluster strategy and mutation: zone moves into zones, NoExecute taints get
 * timeAdded, resource models are defaulted (empty) or standardised (sorted by grade, first
 * grade's mins 0, last grade's maxes "infinite").
 */
export function mutateCluster(obj: KubeObject, now: () => string = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z")): void {
  const spec = ensureObj(obj, "spec");
  if (str(spec.zone) && arr(spec.zones).length === 0) {
    spec.zones = [spec.zone];
    delete spec.zone;
  }
  for (const t of arr(spec.taints)) if (t.effect === "NoExecute" && !t.timeAdded) t.timeAdded = now();
  const models = arr<{ grade: number; ranges: { min: unknown; max: unknown }[] }>(spec.resourceModels);
  if (models.length === 0) spec.resourceModels = defaultResourceModels();
  else {
    models.sort((a, b) => a.grade - b.grade);
    for (const r of models[0].ranges ?? []) r.min = "0";
    for (const r of models[models.length - 1].ranges ?? []) r.max = MAX_INT64;
  }
}

function validateCluster(obj: KubeObject): StatusCause[] {
  const out: StatusCause[] = [];
  const name = obj.metadata.name ?? "";
  if (name.length > 48) out.push(causes.invalid("metadata.name", name, "must be no more than 48 characters"));
  else if (name) for (const e of isDNS1123Label(name)) out.push(causes.invalid("metadata.name", name, e));
  const { metadata: _m, status: _s, ...rest } = obj;
  out.push(...validateStructural(rest, { ...clusterSchema, properties: { ...clusterSchema.properties, metadata: {}, status: {} } }));
  const spec = rec(obj.spec);
  if (spec.syncMode === "") out.push(causes.required("spec.syncMode"));
  out.push(...validateEndpoint(str(spec.apiEndpoint), "spec.apiEndpoint"));
  const proxy = str(spec.proxyURL);
  if (proxy) {
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(proxy)?.[1] ?? "";
    if (!["http", "https", "socks5"].includes(scheme)) out.push(causes.invalid("spec.proxyURL", proxy, `unsupported scheme "${scheme}", must be http, https, or socks5`));
  }
  for (const f of ["provider", "region"]) {
    const v = str(spec[f]);
    const errs = isValidLabelValue(v);
    if (errs.length) out.push(causes.invalid(`spec.${f}`, v, errs.join("; ")));
  }
  if (str(spec.zone) && arr(spec.zones).length) out.push(causes.typeInvalid("spec.spec", spec, "Zone and Zones cannot co-exist"));
  for (const z of arr<string>(spec.zones)) {
    const errs = isValidLabelValue(z);
    if (errs.length) out.push(causes.invalid("spec.Zones", z, errs.join("; ")));
  }
  return out;
}

function validateEndpoint(ep: string, path: string): StatusCause[] {
  if (!ep) return [];
  const form = "; desired format: hostname, hostname:port, IP or IP:port";
  let url: URL;
  try {
    url = new URL(ep);
  } catch {
    return [causes.invalid(path, ep, "host must be provided" + form)];
  }
  if (!url.host) return [causes.invalid(path, "", "host must be provided" + form)];
  if (url.username || url.password) return [causes.invalid(path, url.username, "user information is not permitted in the URL")];
  if (url.hash) return [causes.invalid(path, url.hash.slice(1), "fragments are not permitted in the URL")];
  if (url.search) return [causes.invalid(path, url.search.slice(1), "query parameters are not permitted in the URL")];
  return [];
}

function ready(o: KubeObject): string {
  const c = arr(dig(o, "status", "conditions")).find((x) => x.type === "Ready");
  return c ? str(c.status) : "Unknown";
}

const orNone = (v: unknown) => (str(v) ? str(v) : "<none>");

/** cluster.karmada.io/v1alpha1 Cluster, columns as Karmada's aggregated API server prints them. */
export function clusterDescriptor(): ResourceDescriptor {
  return {
    group: "cluster.karmada.io",
    version: "v1alpha1",
    kind: "Cluster",
    listKind: "ClusterList",
    plural: "clusters",
    singular: "cluster",
    namespaced: false,
    shortNames: [],
    categories: [],
    verbs: STANDARD_VERBS,
    subresources: { status: true },
    nameValidation: "dns1123-label",
    columns: [
      col("Version", "string", (o) => str(dig(o, "status", "kubernetesVersion")), { description: "KubernetesVersion represents version of the member cluster." }),
      col("Mode", "string", (o) => str(dig(o, "spec", "syncMode")), { description: "SyncMode describes how a cluster sync resources from karmada control plane." }),
      col("Ready", "string", ready, { description: "The aggregate readiness state of this cluster for accepting workloads." }),
      AGE,
      col("Zones", "string", (o) => arr<string>(dig(o, "spec", "zones")).join(",") || "<none>", { priority: 1 }),
      col("Region", "string", (o) => orNone(dig(o, "spec", "region")), { priority: 1 }),
      col("Provider", "string", (o) => orNone(dig(o, "spec", "provider")), { priority: 1 }),
      col("API-Endpoint", "string", (o) => str(dig(o, "spec", "apiEndpoint")), { priority: 1 }),
      col("Proxy-URL", "string", (o) => orNone(dig(o, "spec", "proxyURL")), { priority: 1 }),
    ],
    applyDefaults: (obj) => {
      pruneUnknownFields(obj, clusterSchema);
      mutateCluster(obj);
    },
    validate: validateCluster,
    openAPISchema: clusterSchema as JsonObject,
  };
}
