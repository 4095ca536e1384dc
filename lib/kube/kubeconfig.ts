/**
 * Kubeconfig files: build the ones Flotilla hands out (control plane, sandboxes) and read the
 * ones users paste when registering a member cluster. Isomorphic: no node: imports, so the
 * console's registration form can list contexts in the browser.
 */
import { parse, stringify } from "yaml";

/** A kubeconfig that cannot be used, with a message fit for a form field. */
export class KubeconfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KubeconfigError";
  }
}

export interface BuildKubeconfigOptions {
  /** Used for the cluster, user and context entries alike. */
  name: string;
  /** https URL of the API server. */
  server: string;
  /** PEM of the CA that signed the server's certificate. */
  caData: string;
  /** Bearer token. */
  token: string;
  /** Default namespace of the context. */
  namespace?: string;
}

/** Builds a single-context kubeconfig (YAML) with the CA embedded, as `kubectl config view --flatten` would print it. */
export function buildKubeconfig(opts: BuildKubeconfigOptions): string {
  const context: Record<string, string> = { cluster: opts.name, user: opts.name };
  if (opts.namespace) context.namespace = opts.namespace;
  const doc = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: opts.name, cluster: { server: opts.server, "certificate-authority-data": toBase64(opts.caData) } }],
    users: [{ name: opts.name, user: { token: opts.token } }],
    contexts: [{ name: opts.name, context }],
    "current-context": opts.name,
    preferences: {},
  };
  return stringify(doc);
}

/** What a member-cluster client needs from one context of a kubeconfig. PEM data is decoded. */
export interface ParsedKubeconfig {
  server: string;
  caData?: string;
  token?: string;
  clientCert?: string;
  clientKey?: string;
  insecureSkipTLSVerify?: boolean;
  /** Default namespace of the context, when it sets one. */
  namespace?: string;
  /** The context that was resolved (the requested one, or current-context). */
  contextName: string;
  /** Every context name in the file, in file order: the form offers them as choices. */
  contexts: string[];
}

type Dict = Record<string, unknown>;

/**
 * Reads one context of a kubeconfig: `context` when given, else `current-context`, else the
 * only context. Throws KubeconfigError for malformed YAML, a missing context, cluster or user,
 * and for credentials held in files or exec plugins (they cannot travel with a pasted file).
 */
export function parseKubeconfig(yaml: string, context?: string): ParsedKubeconfig {
  const doc = parseDocument(yaml);
  const contexts = namedEntries(doc, "contexts", "context");
  const contextNames = contexts.map((c) => c.name);
  const contextName = context || (typeof doc["current-context"] === "string" && doc["current-context"]) || soleName(contextNames);
  const ctx = contexts.find((c) => c.name === contextName);
  if (!ctx) {
    const known = contextNames.length ? `; available contexts: ${contextNames.join(", ")}` : "; the file defines no contexts";
    throw new KubeconfigError(`context "${contextName}" not found in kubeconfig${known}`);
  }
  const clusterName = str(ctx.body.cluster);
  const userName = str(ctx.body.user);
  const cluster = namedEntries(doc, "clusters", "cluster").find((c) => c.name === clusterName);
  if (!cluster) throw new KubeconfigError(`cluster "${clusterName ?? ""}" of context "${contextName}" not found in kubeconfig`);
  const server = str(cluster.body.server);
  if (!server) throw new KubeconfigError(`cluster "${clusterName}" has no server URL`);
  const out: ParsedKubeconfig = { server, contextName, contexts: contextNames };
  readCluster(cluster.body, clusterName!, out);
  if (userName) {
    const user = namedEntries(doc, "users", "user").find((u) => u.name === userName);
    if (!user) throw new KubeconfigError(`user "${userName}" of context "${contextName}" not found in kubeconfig`);
    readUser(user.body, userName, out);
  }
  const namespace = str(ctx.body.namespace);
  if (namespace) out.namespace = namespace;
  return out;
}

/** Context names of a kubeconfig, or a KubeconfigError when it is malformed. */
export function listKubeconfigContexts(yaml: string): string[] {
  return namedEntries(parseDocument(yaml), "contexts", "context").map((c) => c.name);
}

function readCluster(body: Dict, name: string, out: ParsedKubeconfig): void {
  const caData = str(body["certificate-authority-data"]);
  if (caData) out.caData = fromBase64(caData, `cluster "${name}" certificate-authority-data`);
  else if (str(body["certificate-authority"])) throw fileReference(`cluster "${name}"`, "certificate-authority");
  if (body["insecure-skip-tls-verify"] === true) out.insecureSkipTLSVerify = true;
}

function readUser(body: Dict, name: string, out: ParsedKubeconfig): void {
  const where = `user "${name}"`;
  if (body.exec || body["auth-provider"]) {
    throw new KubeconfigError(`${where} authenticates with an exec plugin or auth provider, which cannot be used here; use a token or client certificate`);
  }
  const token = str(body.token);
  if (token) out.token = token;
  else if (str(body.tokenFile)) throw fileReference(where, "tokenFile");
  const cert = str(body["client-certificate-data"]);
  if (cert) out.clientCert = fromBase64(cert, `${where} client-certificate-data`);
  else if (str(body["client-certificate"])) throw fileReference(where, "client-certificate");
  const key = str(body["client-key-data"]);
  if (key) out.clientKey = fromBase64(key, `${where} client-key-data`);
  else if (str(body["client-key"])) throw fileReference(where, "client-key");
}

function fileReference(where: string, field: string): KubeconfigError {
  return new KubeconfigError(`${where} refers to a file (${field}); embed it with \`kubectl config view --flatten --minify\``);
}

function parseDocument(yaml: string): Dict {
  let doc: unknown;
  try {
    doc = parse(yaml);
  } catch (err) {
    throw new KubeconfigError(`kubeconfig is not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  if (!isDict(doc)) throw new KubeconfigError("kubeconfig must be a YAML mapping");
  return doc;
}

/** Entries of `clusters`/`users`/`contexts`: `{name, <key>: {...}}`. */
function namedEntries(doc: Dict, list: string, key: string): { name: string; body: Dict }[] {
  const raw = doc[list];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new KubeconfigError(`kubeconfig "${list}" must be a list`);
  return raw.map((entry, i) => {
    if (!isDict(entry) || typeof entry.name !== "string" || !entry.name) {
      throw new KubeconfigError(`kubeconfig ${list}[${i}] must have a name`);
    }
    const body = entry[key] ?? {};
    if (!isDict(body)) throw new KubeconfigError(`kubeconfig ${list}[${i}].${key} must be a mapping`);
    return { name: entry.name, body };
  });
}

function soleName(names: string[]): string {
  if (names.length === 1) return names[0];
  if (names.length === 0) throw new KubeconfigError("kubeconfig defines no contexts");
  throw new KubeconfigError(`kubeconfig has no current-context; choose one of: ${names.join(", ")}`);
}

function isDict(v: unknown): v is Dict {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** UTF-8 text → base64 without Buffer (browser-safe). */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(data: string, what: string): string {
  try {
    const binary = atob(data.replace(/\s+/g, ""));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new KubeconfigError(`${what} is not valid base64`);
  }
}
