import path from "node:path";

/**
 * Flotilla's configuration contract: environment variables, read once at start-up.
 * Other parts and external checks rely on these names and defaults exactly (README table).
 */
export interface SandboxSpec {
  name: string;
  mode: "Push" | "Pull";
}

export interface FlotillaConfig {
  port: number;
  kubePort: number;
  dataDir: string;
  databaseUrl?: string;
  adminToken?: string;
  adminPassword?: string;
  tlsCertFile?: string;
  tlsKeyFile?: string;
  tlsSans: string[];
  secretKey?: string;
  sandboxes: SandboxSpec[];
  clusterStatusIntervalMs: number;
  clusterGracePeriodMs: number;
  /** V8 heap growing factor as a percentage over the live set (0: V8's own, up to 4×). */
  heapGrowingPercent: number;
  logLevel: "debug" | "info" | "warn" | "error";
}

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function parseSandboxes(value: string | undefined): SandboxSpec[] {
  if (value === undefined) return ["member1", "member2", "member3"].map((name) => ({ name, mode: "Push" as const }));
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [name, mode = "push"] = entry.split(":");
      if (!NAME.test(name) || name.length > 48) throw new Error(`FLOTILLA_SANDBOXES: "${name}" is not a valid cluster name (lower-case letters, digits and '-')`);
      if (mode !== "push" && mode !== "pull") throw new Error(`FLOTILLA_SANDBOXES: mode of "${name}" must be push or pull, not "${mode}"`);
      return { name, mode: mode === "pull" ? ("Pull" as const) : ("Push" as const) };
    });
}

function intEnv(env: Record<string, string | undefined>, key: string, def: number): number {
  const raw = env[key];
  if (raw === undefined || raw === "") return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${key} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): FlotillaConfig {
  const level = (env.FLOTILLA_LOG_LEVEL ?? "info") as FlotillaConfig["logLevel"];
  return {
    port: intEnv(env, "PORT", 3000),
    kubePort: intEnv(env, "FLOTILLA_KUBE_PORT", 6443),
    dataDir: path.resolve(cwd, env.FLOTILLA_DATA_DIR || ".flotilla"),
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: env.FLOTILLA_ADMIN_TOKEN || undefined,
    adminPassword: env.FLOTILLA_ADMIN_PASSWORD || undefined,
    tlsCertFile: env.FLOTILLA_TLS_CERT || undefined,
    tlsKeyFile: env.FLOTILLA_TLS_KEY || undefined,
    tlsSans: (env.FLOTILLA_TLS_SANS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    secretKey: env.FLOTILLA_SECRET_KEY || undefined,
    sandboxes: parseSandboxes(env.FLOTILLA_SANDBOXES),
    clusterStatusIntervalMs: intEnv(env, "FLOTILLA_CLUSTER_STATUS_INTERVAL_MS", 10_000),
    clusterGracePeriodMs: intEnv(env, "FLOTILLA_CLUSTER_GRACE_PERIOD_MS", 40_000),
    heapGrowingPercent: intEnv(env, "FLOTILLA_HEAP_GROWING_PERCENT", 30),
    logLevel: ["debug", "info", "warn", "error"].includes(level) ? level : "info",
  };
}
