import { causes, errors } from "../kube/errors";
import { KubeconfigError, parseKubeconfig, type ParsedKubeconfig } from "../kube/kubeconfig";
import type { Taint } from "../kube/karmada";
import type { StatusCause } from "../kube/types";
import { isDNS1123Label } from "../kube/validation/names";
import type { MemberCredential } from "./credential-store";

/** The body of POST /api/v1/clusters. Either `kubeconfig` (+ `context`) or `apiEndpoint` + `token` (+ `caData`). */
export interface RegisterClusterRequest {
  name: string;
  kubeconfig?: string;
  context?: string;
  apiEndpoint?: string;
  token?: string;
  /** PEM of the member's CA. */
  caData?: string;
  insecureSkipTLSVerification?: boolean;
  labels?: Record<string, string>;
  region?: string;
  /** Deprecated single zone (moved into zones as Karmada does). */
  zone?: string;
  zones?: string[];
  provider?: string;
  taints?: Taint[];
  /** Only Push is registered here; Pull clusters register through their agent. */
  syncMode?: "Push";
  /** Marks the cluster as a Flotilla sandbox (label flotilla.io/sandbox=true). */
  sandbox?: boolean;
}

/** A request that passed validation: the credential to store and where the member answers. */
export interface ValidRegistration {
  input: RegisterClusterRequest;
  credential: MemberCredential;
  /** The server URL the member is reached at (spec.apiEndpoint). */
  server: string;
  insecure: boolean;
}

const STRING_FIELDS = ["name", "kubeconfig", "context", "apiEndpoint", "token", "caData", "region", "zone", "provider", "syncMode"] as const;

/**
 * Checks the shape of a registration body and resolves its credential, answering 422 Invalid
 * with one cause per bad field (kubeconfig problems under `kubeconfig` or `context`). What the
 * Cluster object itself must satisfy (labels, region, zones, taints) is left to the API
 * server's own validation in a dry-run create, so both paths agree.
 */
export function validateRegistration(body: unknown): ValidRegistration {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw errors.badRequest("the request body must be a JSON object");
  const b = body as Record<string, unknown>;
  const out: StatusCause[] = [];
  for (const f of STRING_FIELDS) if (b[f] !== undefined && typeof b[f] !== "string") out.push(causes.typeInvalid(f, b[f], "must be a string"));
  if (b.labels !== undefined && !isStringMap(b.labels)) out.push(causes.typeInvalid("labels", b.labels, "must be a map of strings"));
  if (b.zones !== undefined && !(Array.isArray(b.zones) && b.zones.every((z) => typeof z === "string"))) out.push(causes.typeInvalid("zones", b.zones, "must be a list of strings"));
  if (b.taints !== undefined && !Array.isArray(b.taints)) out.push(causes.typeInvalid("taints", b.taints, "must be a list of taints"));
  if (b.insecureSkipTLSVerification !== undefined && typeof b.insecureSkipTLSVerification !== "boolean") out.push(causes.typeInvalid("insecureSkipTLSVerification", b.insecureSkipTLSVerification, "must be a boolean"));
  if (b.sandbox !== undefined && typeof b.sandbox !== "boolean") out.push(causes.typeInvalid("sandbox", b.sandbox, "must be a boolean"));
  const input = b as unknown as RegisterClusterRequest;
  const name = typeof input.name === "string" ? input.name : "";
  if (!name) {
    if (b.name === undefined || b.name === "") out.push(causes.required("name"));
  }
  else if (name.length > 48) out.push(causes.invalid("name", name, "must be no more than 48 characters"));
  else for (const e of isDNS1123Label(name)) out.push(causes.invalid("name", name, e));
  if (input.syncMode !== undefined && input.syncMode !== "Push") out.push(causes.notSupported("syncMode", input.syncMode, ["Push"]));
  if (input.zone && input.zones?.length) out.push(causes.forbidden("zone", "zone and zones cannot both be set"));
  const resolved = out.length ? undefined : resolveCredential(input, out);
  if (out.length || !resolved) throw errors.invalid("Cluster", name, out, "cluster.karmada.io");
  return { input, ...resolved };
}

function resolveCredential(input: RegisterClusterRequest, out: StatusCause[]): Omit<ValidRegistration, "input"> | undefined {
  const viaKubeconfig = !!input.kubeconfig;
  const viaToken = !!input.apiEndpoint || !!input.token;
  if (viaKubeconfig && viaToken) {
    out.push(causes.forbidden("apiEndpoint", "give either kubeconfig or apiEndpoint and token, not both"));
    return undefined;
  }
  if (viaKubeconfig) {
    let parsed: ParsedKubeconfig;
    try {
      parsed = parseKubeconfig(input.kubeconfig!, input.context || undefined);
    } catch (err) {
      if (!(err instanceof KubeconfigError)) throw err;
      const field = /^context "/.test(err.message) ? "context" : "kubeconfig";
      out.push(causes.invalid(field, field === "context" ? input.context : "(kubeconfig)", err.message));
      return undefined;
    }
    if (!parsed.token && !parsed.clientCert) out.push(causes.invalid("kubeconfig", "(kubeconfig)", `user of context "${parsed.contextName}" has no token or client certificate`));
    if (out.length) return undefined;
    return { credential: { kind: "kubeconfig", kubeconfig: input.kubeconfig!, context: parsed.contextName }, server: parsed.server, insecure: !!parsed.insecureSkipTLSVerify };
  }
  if (!input.apiEndpoint) out.push(causes.required("apiEndpoint", "Required value: give kubeconfig, or apiEndpoint and token"));
  if (!input.token) out.push(causes.required("token", "Required value: give kubeconfig, or apiEndpoint and token"));
  if (out.length) return undefined;
  const credential: MemberCredential = { kind: "token", apiEndpoint: input.apiEndpoint!, token: input.token! };
  if (input.caData) credential.caData = input.caData;
  if (input.insecureSkipTLSVerification) credential.insecureSkipTLSVerification = true;
  return { credential, server: input.apiEndpoint!, insecure: !!input.insecureSkipTLSVerification };
}

function isStringMap(v: unknown): v is Record<string, string> {
  return !!v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
}
