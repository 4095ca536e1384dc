import type { KubeObject, StatusCause, JsonObject } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, col, ensureObj, STANDARD_VERBS } from "../builtin";
import { arr, dig, rec, str } from "../format";
import { causes } from "../../errors";
import { isDNS1123Label, isLabelKey, isLabelValue } from "./content";
import { parseQuantityExact, type ParsedQuantity } from "../../quantity";
import { updateBaseline } from "../../validation/update-baseline";
import { validateStructural } from "../../validation/structural";
import { pruneUnknownFields } from "../../validation/unknown-fields";
import { clusterSchema } from "./cluster-schema";

const MAX_INT64 = "9223372036854775807";
const CLUSTER_NAME_MAX_LENGTH = 48;
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

/** Zones that mutateCluster moved from spec.zone, so validation still sees spec.zone as Karmada's does. */
const migratedZone = new WeakMap<KubeObject, string>();

/**
 * Karmada's Cluster strategy and mutation: resource models are defaulted (empty) or standardised
 * (sorted by grade, first grade's mins 0, last grade's maxes "infinite") in PrepareForCreate /
 * PrepareForUpdate, before validation; zone moves into zones and NoExecute taints get timeAdded in
 * Canonicalize (mutation.MutateCluster), after validation, so validateCluster checks the zone the
 * client sent (remembered in migratedZone).
 */
export function mutateCluster(obj: KubeObject, now: () => string = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z")): void {
  const spec = ensureObj(obj, "spec");
  if (str(spec.zone) && arr(spec.zones).length === 0) {
    migratedZone.set(obj, str(spec.zone));
    spec.zones = [spec.zone];
    delete spec.zone;
  }
  for (const t of arr(spec.taints)) if (t.effect === "NoExecute" && !t.timeAdded) t.timeAdded = now();
  const models = arr<{ grade: number; ranges: { min: unknown; max: unknown }[] }>(spec.resourceModels);
  if (models.length === 0) {
    // SetDefaultClusterResourceModels is PrepareForCreate's; PrepareForUpdate only standardises.
    if (updateBaseline() === undefined) spec.resourceModels = defaultResourceModels();
  } else {
    models.sort((a, b) => a.grade - b.grade);
    for (const r of models[0].ranges ?? []) r.min = "0";
    for (const r of models[models.length - 1].ranges ?? []) r.max = MAX_INT64;
  }
}

/** Karmada's ValidateClusterName (pkg/apis/cluster/validation). */
export function validateClusterName(name: string): string[] {
  if (name.length === 0) return ["must be not empty"];
  if (name.length > CLUSTER_NAME_MAX_LENGTH) return [`must be no more than ${CLUSTER_NAME_MAX_LENGTH} characters`];
  return isDNS1123Label(name);
}

/** Karmada's ValidateCluster: the name (an empty one is ValidateObjectMeta's Required) and ValidateClusterSpec. */
export function validateCluster(obj: KubeObject): StatusCause[] {
  const out: StatusCause[] = [];
  const name = obj.metadata?.name ?? "";
  if (name) for (const e of validateClusterName(name)) out.push(causes.invalid("metadata.name", name, e));
  const { metadata: _m, status: _s, ...rest } = obj;
  // Type errors (a decode error in Karmada's API server) are reported along with the spec's.
  out.push(...validateStructural(rest, { ...clusterSchema, properties: { ...clusterSchema.properties, metadata: {}, status: {} } }));
  const spec = rec(obj.spec);
  const zone = migratedZone.get(obj);
  const zones = arr<string>(spec.zones);
  const asSent = zone !== undefined && zones.length === 1 && zones[0] === zone ? { ...spec, zone, zones: undefined } : spec;
  return [...out, ...validateClusterSpec(asSent, "spec")];
}

/** Karmada's ValidateClusterSpec. */
export function validateClusterSpec(spec: Record<string, unknown>, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const syncMode = str(spec.syncMode);
  if (syncMode === "") out.push(causes.required(`${path}.syncMode`));
  if (syncMode !== "Pull" && syncMode !== "Push") out.push(causes.notSupported(`${path}.syncMode`, syncMode, ["Pull", "Push"]));
  if (str(spec.apiEndpoint) !== "") out.push(...validateClusterAPIEndpoint(`${path}.apiEndpoint`, str(spec.apiEndpoint)));
  for (const ref of ["secretRef", "impersonatorSecretRef"]) {
    if (spec[ref] == null) continue;
    const r = rec(spec[ref]);
    if (str(r.namespace) === "") out.push(causes.required(`${path}.${ref}.namespace`));
    if (str(r.name) === "") out.push(causes.required(`${path}.${ref}.name`));
  }
  if (str(spec.proxyURL) !== "") out.push(...validateClusterProxyURL(`${path}.proxyURL`, str(spec.proxyURL)));
  out.push(...validateFieldSelectorValues(spec, path));
  const taints = arr(spec.taints);
  if (taints.length > 0) out.push(...validateClusterTaints(taints, `${path}.taints`));
  const models = arr(spec.resourceModels);
  if (models.length > 0) {
    const err = validateClusterResourceModels(`${path}.resourceModels`, models);
    if (err) out.push(err);
  }
  return out;
}

const ENDPOINT_FORM = "; desired format: hostname, hostname:port, IP or IP:port";

/** Karmada's ValidateClusterAPIEndpoint (forceHTTPS false): every problem, not the first. */
export function validateClusterAPIEndpoint(path: string, ep: string): StatusCause[] {
  const u = goParseURL(ep);
  if (typeof u === "string") return [causes.invalid(path, ep, `apiEndpoint must be a valid URL: ${u}${ENDPOINT_FORM}`)];
  const out: StatusCause[] = [];
  if (!u.host) out.push(causes.invalid(path, u.host, "host must be provided" + ENDPOINT_FORM));
  if (u.user !== undefined) out.push(causes.invalid(path, u.user, "user information is not permitted in the URL"));
  if (u.fragment) out.push(causes.invalid(path, u.fragment, "fragments are not permitted in the URL"));
  if (u.rawQuery) out.push(causes.invalid(path, u.rawQuery, "query parameters are not permitted in the URL"));
  return out;
}

/** Karmada's ValidateClusterProxyURL. */
export function validateClusterProxyURL(path: string, proxyURL: string): StatusCause[] {
  const u = goParseURL(proxyURL);
  if (typeof u === "string") return [causes.invalid(path, proxyURL, `apiEndpoint must be a valid URL: ${u}`)];
  if (!["http", "https", "socks5"].includes(u.scheme)) return [causes.invalid(path, proxyURL, `unsupported scheme "${u.scheme}", must be http, https, or socks5`)];
  return [];
}

interface GoURL {
  scheme: string;
  host: string;
  user?: string;
  rawQuery: string;
  fragment: string;
}

/**
 * The parts of Go's net/url Parse the Cluster checks read (scheme, authority, query, fragment),
 * with its errors as `parse "<url>": <reason>`. Opaque URLs ("host:6443") have no host, and a
 * scheme-less first segment with a colon ("10.0.0.1:6443") is an error, as in Go.
 */
export function goParseURL(raw: string): GoURL | string {
  const hash = raw.indexOf("#");
  const u = hash >= 0 ? raw.slice(0, hash) : raw;
  const fragment = hash >= 0 ? raw.slice(hash + 1) : "";
  const fail = (msg: string) => `parse ${JSON.stringify(u)}: ${msg}`;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(u)) return fail("net/url: invalid control character in URL");
  let scheme = "";
  let rest = u;
  for (let i = 0; i < u.length; i++) {
    const c = u[i];
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) break;
      continue;
    }
    if (c === ":") {
      if (i === 0) return fail("missing protocol scheme");
      scheme = u.slice(0, i).toLowerCase();
      rest = u.slice(i + 1);
    }
    break;
  }
  let rawQuery = "";
  if (rest.endsWith("?") && rest.split("?").length === 2) rest = rest.slice(0, -1);
  else {
    const q = rest.indexOf("?");
    if (q >= 0) {
      rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  const out: GoURL = { scheme, host: "", rawQuery, fragment: safeUnescape(fragment) };
  if (!rest.startsWith("/")) {
    if (scheme) return out;
    if (rest.split("/")[0].includes(":")) return fail("first path segment in URL cannot contain colon");
  }
  if ((scheme || !rest.startsWith("///")) && rest.startsWith("//")) {
    let authority = rest.slice(2);
    const slash = authority.indexOf("/");
    if (slash >= 0) authority = authority.slice(0, slash);
    const at = authority.lastIndexOf("@");
    let host = authority;
    if (at >= 0) {
      out.user = authority.slice(0, at);
      host = authority.slice(at + 1);
    }
    if (host.startsWith("[")) {
      const close = host.lastIndexOf("]");
      if (close < 0) return fail("missing ']' in host");
      const port = host.slice(close + 1);
      if (port && !/^:\d*$/.test(port)) return fail(`invalid port ${JSON.stringify(port)} after host`);
    } else {
      const colon = host.lastIndexOf(":");
      if (colon >= 0 && !/^:\d*$/.test(host.slice(colon))) return fail(`invalid port ${JSON.stringify(host.slice(colon))} after host`);
    }
    out.host = host;
  }
  return out;
}

function safeUnescape(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Karmada's validateClusterSpecForFieldSelector: provider, region, and zone or zones as label values. */
function validateFieldSelectorValues(spec: Record<string, unknown>, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  for (const f of ["provider", "region"]) {
    const errs = isLabelValue(str(spec[f]));
    if (errs.length) out.push(causes.invalid(`${path}.${f}`, str(spec[f]), errs.join("; ")));
  }
  const zone = str(spec.zone);
  const zones = arr<string>(spec.zones);
  if (zone !== "" && zones.length !== 0) return [...out, causes.typeInvalid(`${path}.spec`, spec, "Zone and Zones cannot co-exist")];
  if (zone !== "") {
    const errs = isLabelValue(zone);
    if (errs.length) out.push(causes.invalid(`${path}.Zone`, zone, errs.join("; ")));
    return out;
  }
  for (const z of zones) {
    const errs = isLabelValue(String(z));
    if (errs.length) out.push(causes.invalid(`${path}.Zones`, z, errs.join("; ")));
  }
  return out;
}

/** Karmada's lifted ValidateClusterTaints: key, value, effect NoSchedule/NoExecute, unique key+effect. */
export function validateClusterTaints(taints: Record<string, unknown>[], path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const seen = new Map<string, Set<string>>();
  taints.forEach((t, i) => {
    const p = `${path}[${i}]`;
    const key = str(t.key);
    const effect = str(t.effect);
    for (const e of isLabelKey(key)) out.push(causes.invalid(`${p}.key`, key, e));
    const valueErrs = isLabelValue(str(t.value));
    if (valueErrs.length) out.push(causes.invalid(`${p}.value`, str(t.value), valueErrs.join(";")));
    if (effect === "") out.push(causes.required(`${p}.effect`));
    else if (effect !== "NoSchedule" && effect !== "NoExecute") out.push(causes.notSupported(`${p}.effect`, effect, ["NoSchedule", "NoExecute"]));
    const keys = seen.get(effect) ?? new Set<string>();
    if (keys.has(key)) {
      out.push({ reason: "FieldValueDuplicate", field: p, message: `Duplicate value: ${JSON.stringify(t)}: taints must be unique by key and effect pair` });
      return;
    }
    keys.add(key);
    seen.set(effect, keys);
  });
  return out;
}

interface ModelRange {
  name?: unknown;
  min?: unknown;
  max?: unknown;
}

function quantityOf(v: unknown): ParsedQuantity {
  try {
    return parseQuantityExact(typeof v === "number" ? v : str(v) || "0");
  } catch {
    return { nanos: 0n, format: "DecimalSI" };
  }
}

const MAX_INT64_NANOS = 9223372036854775807n * 1_000_000_000n;

/** Karmada's ValidateClusterResourceModels: the first problem only, reported on the whole list. */
export function validateClusterResourceModels(path: string, models: Record<string, unknown>[]): StatusCause | undefined {
  const bad = (msg: string) => causes.invalid(path, models, msg);
  for (let i = 0; i < models.length; i++) {
    const ranges = arr<ModelRange>(models[i].ranges);
    const prev = i > 0 ? arr<ModelRange>(models[i - 1].ranges) : [];
    if (i !== 0 && models[i].grade === models[i - 1].grade) return bad("The grade of each models should not be the same");
    if (i !== 0 && prev.length !== ranges.length) return bad("The number of resource types should be the same");
    for (let j = 0; j < ranges.length; j++) {
      const min = quantityOf(ranges[j].min);
      const max = quantityOf(ranges[j].max);
      if (max.nanos <= min.nanos) return bad("The max value of each resource must be greater than the min value");
      if (i === 0) {
        if (min.nanos !== 0n) return bad("The min value of each resource in the first model should be 0");
      } else if (prev[j].name !== ranges[j].name) return bad("The resource types of each models should be the same");
      else {
        // Go compares the Quantity structs (!=): the same value written in the same format.
        const prevMax = quantityOf(prev[j].max);
        if (prevMax.nanos !== min.nanos || prevMax.format !== min.format) return bad("Model intervals for resources must be contiguous and non-overlapping");
      }
      // Quantity.Value() rounds up to whole units and saturates at MaxInt64.
      if (i === models.length - 1 && max.nanos <= MAX_INT64_NANOS - 1_000_000_000n) return bad("The max value of each resource in the last model should be MaxInt64");
    }
  }
  return undefined;
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
    // validateClusterName reports name problems with Karmada's messages; the generic check only
    // keeps names out of URL paths.
    nameValidation: "path-segment",
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
