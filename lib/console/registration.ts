import type { Taint, TaintEffect } from "../kube/karmada";
import { KubeconfigError, parseKubeconfig } from "../kube/kubeconfig";
import type { StatusCause } from "../kube/types";

/**
 * The cluster registration form's model, its validation and the request it sends to
 * POST /api/v1/clusters. Pure and isomorphic: the form validates as the user types with the
 * same rules, and the server's field causes (Status.details.causes) map back onto the same
 * field names.
 */
export interface RegistrationForm {
  name: string;
  syncMode: "Push" | "Pull";
  /** How a Push cluster is reached. */
  credentials: "kubeconfig" | "token";
  kubeconfig: string;
  context: string;
  apiEndpoint: string;
  token: string;
  caData: string;
  insecureSkipTLSVerification: boolean;
  /** "key=value" per line or comma-separated. */
  labels: string;
  provider: string;
  region: string;
  /** Comma-separated. */
  zones: string;
  /** "key=value:Effect" or "key:Effect" per line or comma-separated. */
  taints: string;
}

export const EMPTY_REGISTRATION: RegistrationForm = {
  name: "",
  syncMode: "Push",
  credentials: "kubeconfig",
  kubeconfig: "",
  context: "",
  apiEndpoint: "",
  token: "",
  caData: "",
  insecureSkipTLSVerification: false,
  labels: "",
  provider: "",
  region: "",
  zones: "",
  taints: "",
};

/** The JSON body of POST /api/v1/clusters (lib/clusters RegisterClusterRequest; Push only, Pull goes through pull-tokens). */
export interface RegistrationRequest {
  name: string;
  syncMode: "Push" | "Pull";
  kubeconfig?: string;
  context?: string;
  apiEndpoint?: string;
  token?: string;
  caData?: string;
  insecureSkipTLSVerification?: boolean;
  labels?: Record<string, string>;
  provider?: string;
  region?: string;
  zones?: string[];
  taints?: Taint[];
}

export type FieldErrors = Partial<Record<keyof RegistrationForm, string>>;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_KEY = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
/** The effects a Cluster taint may have (Karmada's ValidateClusterTaints: no PreferNoSchedule). */
const EFFECTS: TaintEffect[] = ["NoSchedule", "NoExecute"];

function items(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Parses "a=b, c=d"; throws a message naming the bad entry. */
export function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items(text)) {
    const i = item.indexOf("=");
    const key = i < 0 ? item : item.slice(0, i);
    const value = i < 0 ? "" : item.slice(i + 1);
    if (i < 0) throw new Error(`"${item}" must be key=value`);
    if (!LABEL_KEY.test(key) || key.split("/").pop()!.length > 63) throw new Error(`"${key}" is not a valid label key`);
    if (value.length > 63 || !LABEL_VALUE.test(value)) throw new Error(`"${value}" is not a valid label value`);
    out[key] = value;
  }
  return out;
}

/** Parses "key=value:Effect" / "key:Effect" entries; throws a message naming the bad entry. */
export function parseTaints(text: string): Taint[] {
  return items(text).map((item) => {
    const colon = item.lastIndexOf(":");
    if (colon < 0) throw new Error(`"${item}" must be key[=value]:Effect`);
    const effect = item.slice(colon + 1) as TaintEffect;
    if (!EFFECTS.includes(effect)) throw new Error(`"${effect}" is not one of ${EFFECTS.join(", ")}`);
    const kv = item.slice(0, colon);
    const eq = kv.indexOf("=");
    const key = eq < 0 ? kv : kv.slice(0, eq);
    if (!LABEL_KEY.test(key)) throw new Error(`"${key}" is not a valid taint key`);
    return eq < 0 ? { key, effect } : { key, value: kv.slice(eq + 1), effect };
  });
}

/** Field errors of the form as it stands; empty when it can be submitted. */
export function validateRegistration(f: RegistrationForm): FieldErrors {
  const e: FieldErrors = {};
  if (!f.name) e.name = "Name is required";
  else if (f.name.length > 48) e.name = "Name must be no more than 48 characters";
  else if (!DNS1123_LABEL.test(f.name)) e.name = "Name must consist of lower case alphanumeric characters or '-', and start and end with an alphanumeric character";
  if (f.syncMode === "Push") {
    if (f.credentials === "kubeconfig") {
      if (!f.kubeconfig.trim()) e.kubeconfig = "Paste or upload a kubeconfig";
      else {
        try {
          parseKubeconfig(f.kubeconfig, f.context || undefined);
        } catch (err) {
          const msg = err instanceof KubeconfigError ? err.message : String(err);
          if (/context/.test(msg) && f.context) e.context = msg;
          else e.kubeconfig = msg;
        }
      }
    } else {
      if (!f.apiEndpoint) e.apiEndpoint = "API endpoint is required";
      else if (!/^https?:\/\/[^\s/]+/.test(f.apiEndpoint)) e.apiEndpoint = "API endpoint must be an http(s) URL";
      if (!f.token) e.token = "Token is required";
      if (f.caData && !f.caData.includes("BEGIN CERTIFICATE")) e.caData = "CA must be a PEM certificate";
      if (!f.caData && !f.insecureSkipTLSVerification) e.caData = "Give the CA certificate, or skip TLS verification";
    }
  }
  for (const [field, parse] of [
    ["labels", parseLabels],
    ["taints", parseTaints],
  ] as const) {
    try {
      parse(f[field]);
    } catch (err) {
      e[field] = (err as Error).message;
    }
  }
  return e;
}

/** The request body for a valid form (call validateRegistration first). */
export function toRegistrationRequest(f: RegistrationForm): RegistrationRequest {
  const req: RegistrationRequest = { name: f.name, syncMode: f.syncMode };
  if (f.syncMode === "Push" && f.credentials === "kubeconfig") {
    req.kubeconfig = f.kubeconfig;
    if (f.context) req.context = f.context;
  } else if (f.syncMode === "Push") {
    req.apiEndpoint = f.apiEndpoint;
    req.token = f.token;
    if (f.caData) req.caData = f.caData;
    if (f.insecureSkipTLSVerification) req.insecureSkipTLSVerification = true;
  }
  const labels = parseLabels(f.labels);
  if (Object.keys(labels).length) req.labels = labels;
  if (f.provider) req.provider = f.provider;
  if (f.region) req.region = f.region;
  const zones = items(f.zones);
  if (zones.length) req.zones = zones;
  const taints = parseTaints(f.taints);
  if (taints.length) req.taints = taints;
  return req;
}

const FIELD_ALIASES: Record<string, keyof RegistrationForm> = {
  "metadata.name": "name",
  "spec.syncMode": "syncMode",
  "spec.apiEndpoint": "apiEndpoint",
  "spec.provider": "provider",
  "spec.region": "region",
  "spec.zones": "zones",
  "spec.taints": "taints",
  "metadata.labels": "labels",
};

/**
 * Maps a failed registration's Status causes onto form fields (by field name, its spec./metadata.
 * alias, or its first segment); causes that fit no field are returned as `general`.
 */
export function causesToFieldErrors(causes: readonly StatusCause[] | undefined): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const c of causes ?? []) {
    const msg = c.message ?? c.reason ?? "invalid";
    const f = c.field ?? "";
    const key = (FIELD_ALIASES[f] ?? Object.entries(FIELD_ALIASES).find(([k]) => f.startsWith(`${k}[`) || f.startsWith(`${k}.`))?.[1] ?? f.split(/[.[]/)[0]) as keyof RegistrationForm;
    if (key && key in EMPTY_REGISTRATION) fields[key] = fields[key] ? `${fields[key]}; ${msg}` : msg;
    else general.push(f ? `${f}: ${msg}` : msg);
  }
  return { fields, general };
}
