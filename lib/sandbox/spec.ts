import { causes, errors } from "../kube/errors";
import { parseQuantityExact } from "../kube/quantity";
import type { StatusCause } from "../kube/types";
import type { SandboxSpec } from "./types";

/** The kind named in Invalid errors about sandboxes. */
export const SANDBOX_KIND = "Sandbox";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const LABEL_KEY_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const VERSION = /^v?1\.(\d+)(?:\.(\d+))?$/;

/** Values a spec falls back to when the request leaves a field out. */
export const SPEC_DEFAULTS: Omit<SandboxSpec, "name"> = {
  mode: "Push",
  nodes: 3,
  cpu: "4",
  memory: "16Gi",
  pods: 110,
  region: "local",
  zone: "local-a",
  provider: "sandbox",
  labels: {},
  kubernetesVersion: "v1.32.4",
  startupDelayMs: 1000,
  evictionDelayMs: 5000,
  port: 0,
};

const FIELDS = new Set(["name", ...Object.keys(SPEC_DEFAULTS)]);

type Input = Record<string, unknown>;

/**
 * Validates a create request and fills defaults. Every problem is reported at once as a
 * 422 Invalid Status (metav1.Status with causes), as kube-apiserver reports field errors.
 * `base` overrides SPEC_DEFAULTS (e.g. a faster start-up delay for tests).
 */
export function parseSandboxSpec(input: unknown, base: Partial<Omit<SandboxSpec, "name">> = {}): SandboxSpec {
  if (!input || typeof input !== "object" || Array.isArray(input)) throw errors.badRequest("the request body must be a JSON object");
  const body = input as Input;
  const d = { ...SPEC_DEFAULTS, ...base };
  const out: StatusCause[] = [];
  for (const key of Object.keys(body)) if (!FIELDS.has(key)) out.push({ reason: "FieldValueNotSupported", field: key, message: `unknown field "${key}"` });
  const name = typeof body.name === "string" ? body.name : "";
  if (!name) out.push(causes.required("name"));
  else out.push(...nameErrors(name));
  const spec: SandboxSpec = {
    name,
    mode: pickMode(body.mode, d.mode, out),
    nodes: pickInt(body, "nodes", d.nodes, 0, 1000, out),
    cpu: pickQuantity(body, "cpu", d.cpu, out),
    memory: pickQuantity(body, "memory", d.memory, out),
    pods: pickInt(body, "pods", d.pods, 0, 10_000, out),
    region: pickString(body, "region", d.region, out),
    zone: pickString(body, "zone", d.zone, out),
    provider: pickString(body, "provider", d.provider, out),
    labels: pickLabels(body.labels, d.labels, out),
    kubernetesVersion: pickVersion(body.kubernetesVersion, d.kubernetesVersion, out),
    startupDelayMs: pickInt(body, "startupDelayMs", d.startupDelayMs, 0, 600_000, out),
    evictionDelayMs: pickInt(body, "evictionDelayMs", d.evictionDelayMs, 0, 3_600_000, out),
    port: pickInt(body, "port", d.port, 0, 65_535, out),
  };
  if (out.length) throw errors.invalid(SANDBOX_KIND, name, out);
  return spec;
}

/** DNS-1123 label rules (a sandbox name becomes a Cluster name and part of namespace names). */
export function nameErrors(name: string): StatusCause[] {
  const out: StatusCause[] = [];
  if (name.length > 63) out.push(causes.invalid("name", name, "must be no more than 63 characters"));
  if (!DNS1123_LABEL.test(name))
    out.push(
      causes.invalid(
        "name",
        name,
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ),
    );
  return out;
}

function pickMode(v: unknown, def: SandboxSpec["mode"], out: StatusCause[]): SandboxSpec["mode"] {
  if (v === undefined) return def;
  if (v === "Push" || v === "Pull") return v;
  out.push(causes.notSupported("mode", v, ["Push", "Pull"]));
  return def;
}

function pickInt(body: Input, key: string, def: number, min: number, max: number, out: StatusCause[]): number {
  const v = body[key];
  if (v === undefined) return def;
  if (typeof v !== "number" || !Number.isInteger(v)) {
    out.push(causes.typeInvalid(key, v, "must be an integer"));
    return def;
  }
  if (v < min) out.push(causes.invalid(key, v, `must be greater than or equal to ${min}`));
  else if (v > max) out.push(causes.invalid(key, v, `must be less than or equal to ${max}`));
  return v;
}

function pickQuantity(body: Input, key: string, def: string, out: StatusCause[]): string {
  const v = body[key];
  if (v === undefined) return def;
  const s = typeof v === "number" ? String(v) : v;
  if (typeof s !== "string") {
    out.push(causes.typeInvalid(key, v, "must be a quantity string such as \"4\" or \"16Gi\""));
    return def;
  }
  try {
    if (parseQuantityExact(s).nanos < 0n) out.push(causes.invalid(key, v, "must be greater than or equal to 0"));
  } catch {
    out.push(causes.invalid(key, v, "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"));
  }
  return s;
}

function pickString(body: Input, key: string, def: string, out: StatusCause[]): string {
  const v = body[key];
  if (v === undefined) return def;
  if (typeof v !== "string" || !LABEL_VALUE.test(v) || v.length > 63) {
    out.push(causes.invalid(key, v, "must be a valid label value (at most 63 alphanumeric characters, '-', '_' or '.')"));
    return def;
  }
  return v;
}

function pickLabels(v: unknown, def: Record<string, string>, out: StatusCause[]): Record<string, string> {
  if (v === undefined) return { ...def };
  if (!v || typeof v !== "object" || Array.isArray(v)) {
    out.push(causes.typeInvalid("labels", v, "must be an object of string values"));
    return { ...def };
  }
  const labels: Record<string, string> = {};
  for (const [k, value] of Object.entries(v as Input)) {
    const field = `labels[${k}]`;
    const slash = k.lastIndexOf("/");
    const keyName = slash < 0 ? k : k.slice(slash + 1);
    if (!LABEL_KEY_NAME.test(keyName) || keyName.length > 63) out.push(causes.invalid(field, k, "must be a valid label key"));
    else if (typeof value !== "string" || !LABEL_VALUE.test(value) || value.length > 63) out.push(causes.invalid(field, value, "must be a valid label value"));
    else labels[k] = value;
  }
  return labels;
}

function pickVersion(v: unknown, def: string, out: StatusCause[]): string {
  if (v === undefined) return def;
  const m = typeof v === "string" ? VERSION.exec(v) : null;
  if (!m) {
    out.push(causes.invalid("kubernetesVersion", v, "must be a Kubernetes version such as \"1.32\" or \"v1.31.2\""));
    return def;
  }
  const minor = Number(m[1]);
  if (minor < 20 || minor > 40) out.push(causes.invalid("kubernetesVersion", v, "minor version must be between 20 and 40"));
  return `v1.${minor}.${m[2] ?? "0"}`;
}

/** major/minor/gitVersion as `/version` reports them for a spec's kubernetesVersion. */
export function versionInfo(kubernetesVersion: string): { major: string; minor: string; gitVersion: string } {
  const m = VERSION.exec(kubernetesVersion);
  return { major: "1", minor: m ? m[1] : "32", gitVersion: kubernetesVersion };
}
