import path from "node:path";

/** Everything `flotilla agent` is told, from flags or their environment variables. */
export interface AgentOptions {
  /** The console's base URL (the kube API is its /k8s mount; the exchange is under /api/v1). */
  controlPlane: string;
  /**
   * The control plane's kube API when it is not the console's /k8s mount, e.g. its HTTPS port
   * (https://127.0.0.1:6443, served at the root paths); the exchange still goes to controlPlane.
   */
  kubeApi?: string;
  /** Bootstrap token; unneeded once a credential is kept in the state file. */
  token?: string;
  clusterName: string;
  /** Member cluster kubeconfig path. */
  kubeconfig: string;
  /** Where the agent credential is kept; default the kubeconfig's directory. */
  stateDir: string;
  /** PEM CA bundle that signs the control plane's serving certificate (HTTPS). */
  caFile?: string;
  insecureSkipTLSVerify: boolean;
  /** Lease duration (Karmada's --cluster-lease-duration, 40 s); renewed every quarter of it. */
  leaseDurationSeconds: number;
  leaseRenewMs: number;
  /** Cluster status reports (--cluster-status-update-frequency, 10 s). */
  statusIntervalMs: number;
  /** Periodic re-apply of every Work (drift beyond the member watch). */
  resyncMs: number;
}

const FLAGS: Record<string, { env: string; key: keyof AgentOptions; bool?: boolean; int?: boolean }> = {
  "control-plane": { env: "FLOTILLA_CONTROL_PLANE", key: "controlPlane" },
  "kube-api": { env: "FLOTILLA_KUBE_API", key: "kubeApi" },
  token: { env: "FLOTILLA_TOKEN", key: "token" },
  "cluster-name": { env: "FLOTILLA_CLUSTER_NAME", key: "clusterName" },
  kubeconfig: { env: "FLOTILLA_KUBECONFIG", key: "kubeconfig" },
  "state-dir": { env: "FLOTILLA_AGENT_STATE_DIR", key: "stateDir" },
  "ca-file": { env: "FLOTILLA_CA_FILE", key: "caFile" },
  "insecure-skip-tls-verify": { env: "FLOTILLA_INSECURE_SKIP_TLS_VERIFY", key: "insecureSkipTLSVerify", bool: true },
  "cluster-lease-duration-seconds": { env: "FLOTILLA_AGENT_LEASE_DURATION_SECONDS", key: "leaseDurationSeconds", int: true },
  "lease-renew-ms": { env: "FLOTILLA_AGENT_LEASE_RENEW_MS", key: "leaseRenewMs", int: true },
  "cluster-status-update-frequency-ms": { env: "FLOTILLA_AGENT_STATUS_INTERVAL_MS", key: "statusIntervalMs", int: true },
  "resync-ms": { env: "FLOTILLA_AGENT_RESYNC_MS", key: "resyncMs", int: true },
};

export const AGENT_USAGE = `Usage: flotilla agent --control-plane <url> --token <bootstrap token> --cluster-name <name> --kubeconfig <member kubeconfig>
  [--kube-api <url>] [--state-dir <dir>] [--ca-file <pem> | --insecure-skip-tls-verify]
Flags may also be given as FLOTILLA_CONTROL_PLANE, FLOTILLA_KUBE_API, FLOTILLA_TOKEN, FLOTILLA_CLUSTER_NAME, FLOTILLA_KUBECONFIG,
FLOTILLA_AGENT_STATE_DIR, FLOTILLA_CA_FILE, FLOTILLA_INSECURE_SKIP_TLS_VERIFY.`;

/**
 * Parses `--flag value`, `--flag=value` and boolean `--flag`; a flag beats its environment
 * variable. Throws an Error whose message is fit for the terminal when something is missing.
 */
export function parseAgentOptions(argv: string[], env: Record<string, string | undefined> = process.env): AgentOptions {
  const raw: Record<string, string> = {};
  for (const spec of Object.values(FLAGS)) if (env[spec.env]) raw[spec.key] = env[spec.env]!;
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    const spec = m && FLAGS[m[1]];
    if (!m || !spec) throw new Error(`unknown argument "${argv[i]}"\n${AGENT_USAGE}`);
    if (m[2] !== undefined) raw[spec.key] = m[2];
    else if (spec.bool && (argv[i + 1] === undefined || argv[i + 1].startsWith("--"))) raw[spec.key] = "true";
    else if (argv[i + 1] === undefined) throw new Error(`--${m[1]} needs a value`);
    else raw[spec.key] = argv[++i];
  }
  const missing = (["controlPlane", "clusterName", "kubeconfig"] as const).filter((k) => !raw[k]);
  if (missing.length) throw new Error(`missing ${missing.map((k) => `--${flagOf(k)}`).join(", ")}\n${AGENT_USAGE}`);
  const int = (key: keyof AgentOptions, def: number) => {
    if (raw[key] === undefined) return def;
    const n = Number(raw[key]);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${flagOf(key)} must be a positive integer, got "${raw[key]}"`);
    return n;
  };
  const leaseDurationSeconds = int("leaseDurationSeconds", 40);
  const kubeconfig = path.resolve(raw.kubeconfig);
  return {
    controlPlane: raw.controlPlane.replace(/\/+$/, ""),
    kubeApi: raw.kubeApi ? raw.kubeApi.replace(/\/+$/, "") : undefined,
    token: raw.token || undefined,
    clusterName: raw.clusterName,
    kubeconfig,
    stateDir: path.resolve(raw.stateDir || path.dirname(kubeconfig)),
    caFile: raw.caFile || undefined,
    insecureSkipTLSVerify: raw.insecureSkipTLSVerify === "true" || raw.insecureSkipTLSVerify === "1",
    leaseDurationSeconds,
    leaseRenewMs: int("leaseRenewMs", Math.max(1, Math.floor((leaseDurationSeconds * 1000) / 4))),
    statusIntervalMs: int("statusIntervalMs", 10_000),
    resyncMs: int("resyncMs", 60_000),
  };
}

function flagOf(key: keyof AgentOptions): string {
  return Object.entries(FLAGS).find(([, s]) => s.key === key)![0];
}

/**
 * The console base and the kube API base for a --control-plane URL: a URL that already ends
 * with /k8s names the kube mount itself; an explicit --kube-api (the HTTPS kube port) wins.
 */
export function controlPlaneUrls(controlPlane: string, kubeApi?: string): { console: string; kube: string } {
  const base = controlPlane.replace(/\/+$/, "");
  const consoleBase = base.endsWith("/k8s") ? base.slice(0, -4) : base;
  if (kubeApi) return { console: consoleBase, kube: kubeApi.replace(/\/+$/, "") };
  return { console: consoleBase, kube: `${consoleBase}/k8s` };
}
