import { readFile } from "node:fs/promises";
import { eventComponentOf } from "../controllers/event-components";
import { ApiError } from "../kube/errors";
import { executionNamespace, type Cluster, type Work } from "../kube/karmada";
import { createMemberClient, type MemberClient } from "../members/member-client";
import { MemberWatcher } from "../controllers/execution/member-watcher";
import { staticMemberClients } from "../controllers/execution/member-clients";
import { workStatusController, WORK_STATUS_CONTROLLER } from "../controllers/work-status/work-status-controller";
import { Manager } from "../controllers/runtime/manager";
import { noopLogger, type Logger } from "../controllers/runtime/log";
import type { Request } from "../controllers/runtime/keys";
import { connectControlPlane, exchangeBootstrapToken } from "./control-plane-client";
import { agentExecutionController, AGENT_EXECUTION_CONTROLLER } from "./execution";
import { ClusterStatusReporter } from "./cluster-status";
import { registerCluster, renewLease } from "./registration";
import { loadAgentState, saveAgentState, stateFile } from "./state";
import { Heartbeat } from "./heartbeat";
import { scopeWorksToNamespace } from "./scoped-client";
import type { AgentOptions } from "./options";

/** Why an agent ended: asked to stop, or its credential was refused (revoked, expired bootstrap token...). */
export type AgentExit = { reason: "stopped" } | { reason: "refused"; message: string };

export interface RunningAgent {
  clusterName: string;
  /** Resolves when the agent has ended (stop() or a fatal refusal). */
  done: Promise<AgentExit>;
  stop(): Promise<void>;
}

export interface StartAgentOptions extends AgentOptions {
  log?: Logger;
  /** Observes every Work applied (benches, tests). */
  onWorkApplied?: (work: Work) => void;
}

/** Thrown when the control plane refuses the agent for good: the process should exit, not retry. */
export class AgentRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AgentRefusedError";
  }
}

/** 401/403 from the control plane: the credential is no good any more. */
export function isRefusal(err: unknown): boolean {
  return ApiError.is(err) && (err.status.code === 401 || err.status.code === 403);
}

/**
 * Starts the Pull agent (Karmada's karmada-agent, karmada-api.md §7.11): gets its credential
 * (kept in the state file, else exchanged from the bootstrap token), registers its Cluster with
 * syncMode Pull, then runs the execution and work-status controllers over the Works of
 * karmada-es-<cluster>, reports the cluster's status and renews its Lease. Every connection
 * is outward. Network failures are retried with backoff (informers resume from their last
 * resourceVersion and relist on 410); a 401/403 ends the agent with a clear message.
 */
export async function startAgent(opts: StartAgentOptions): Promise<RunningAgent> {
  const log = (opts.log ?? noopLogger).child({ cluster: opts.clusterName });
  const member = createMemberClient({ kubeconfig: await readFile(opts.kubeconfig, "utf8"), fieldManager: "flotilla" });
  let cp: MemberClient | undefined;
  try {
    cp = await connect(opts, log);
    const cluster = await retrying(log, "register the cluster", () => register(cp!, member, opts));
    log.info("cluster registered", { syncMode: "Pull", uid: cluster.metadata.uid });
    return run(opts, log, member, cp, cluster);
  } catch (err) {
    await member.close();
    await cp?.close();
    throw err;
  }
}

/** The credential in the state file, or one exchanged now; a refused stored one is replaced when a bootstrap token is at hand. */
async function connect(opts: StartAgentOptions, log: Logger): Promise<MemberClient> {
  const file = stateFile(opts.stateDir, opts.clusterName);
  const saved = await loadAgentState(file, opts.clusterName, opts.controlPlane);
  if (saved) {
    const cp = await connectControlPlane(opts, saved.token, opts.clusterName);
    try {
      await retrying(log, "reach the control plane", () => cp.get("cluster.karmada.io/v1alpha1", "Cluster", undefined, opts.clusterName));
      return cp;
    } catch (err) {
      await cp.close();
      if (!isRefusal(err) || !opts.token) throw refusal(err, opts.clusterName);
      log.warn("the saved agent credential was refused; exchanging the bootstrap token again");
    }
  }
  if (!opts.token) throw new AgentRefusedError(`no agent credential in ${file} and no bootstrap token given (--token): issue one with POST /api/v1/clusters/pull-tokens`);
  const token = await retrying(log, "exchange the bootstrap token", () => exchangeBootstrapToken(opts, opts.token!, opts.clusterName)).catch((err) => {
    throw refusal(err, opts.clusterName);
  });
  await saveAgentState(file, { clusterName: opts.clusterName, controlPlane: opts.controlPlane, token, obtainedAt: new Date().toISOString() });
  log.info("bootstrap token exchanged for the agent credential", { stateFile: file });
  return connectControlPlane(opts, token, opts.clusterName);
}

async function register(cp: MemberClient, member: MemberClient, opts: AgentOptions): Promise<Cluster> {
  const kubeSystem = await member.get("v1", "Namespace", undefined, "kube-system").catch(() => undefined);
  const server = new URL((await readFile(opts.kubeconfig, "utf8")).match(/server:\s*(\S+)/)?.[1] ?? "https://localhost");
  return registerCluster(cp, { clusterName: opts.clusterName, apiEndpoint: server.origin, id: kubeSystem?.metadata.uid });
}

function run(opts: StartAgentOptions, log: Logger, member: MemberClient, cp: MemberClient, cluster: Cluster): RunningAgent {
  const { clusterName } = opts;
  let finish!: (exit: AgentExit) => void;
  const done = new Promise<AgentExit>((resolve) => (finish = resolve));
  const watcher = new MemberWatcher({ members: staticMemberClients({ [clusterName]: member }), log });
  const manager = new Manager({
    client: scopedClient(cp, clusterName),
    log,
    eventComponent: eventComponentOf,
    controllers: {
      [AGENT_EXECUTION_CONTROLLER]: agentExecutionController({ clusterName, member, watcher, resyncMs: opts.resyncMs, onApplied: opts.onWorkApplied }),
      [WORK_STATUS_CONTROLLER]: workStatusController({ members: staticMemberClients({ [clusterName]: member }), watcher, resyncMs: Math.min(opts.resyncMs, 30_000) }),
    },
  });
  watcher.onWorkEvent((req: Request) => {
    manager.controller(AGENT_EXECUTION_CONTROLLER)?.enqueue(req);
    manager.controller(WORK_STATUS_CONTROLLER)?.enqueue(req);
  });
  const reporter = new ClusterStatusReporter({ clusterName, controlPlane: cp, member });
  let stopping: Promise<void> | undefined;
  const stop = (exit: AgentExit) =>
    (stopping ??= (async () => {
      heartbeat.stop();
      await manager.stop().catch(() => undefined);
      await Promise.all([watcher.stop().catch(() => undefined), reporter.stop()]);
      await Promise.all([member.close(), cp.close()]);
      if (exit.reason === "refused") log.error(exit.message);
      else log.info("agent stopped");
      finish(exit);
    })());
  const heartbeat = new Heartbeat({
    log,
    tasks: [
      { name: "lease", everyMs: opts.leaseRenewMs, run: () => renewLease(cp, { clusterName, durationSeconds: opts.leaseDurationSeconds, now: Date.now(), owner: cluster }) },
      { name: "cluster status", everyMs: opts.statusIntervalMs, run: () => reporter.report() },
    ],
    onRefused: (err) => void stop({ reason: "refused", message: refusal(err, clusterName).message }),
  });
  heartbeat.start();
  void manager.start().catch((err) => log.error("agent controllers failed to start", { error: err }));
  log.info("agent running", { namespace: executionNamespace(clusterName), controlPlane: opts.controlPlane });
  return { clusterName, done, stop: () => stop({ reason: "stopped" }) };
}

/** A terminal error with the message an operator needs. */
export function refusal(err: unknown, clusterName: string): AgentRefusedError {
  if (err instanceof AgentRefusedError) return err;
  if (!ApiError.is(err)) return new AgentRefusedError(String((err as Error)?.message ?? err));
  const { code, message } = err.status;
  if (code === 401) return new AgentRefusedError(`the control plane refused the credential of cluster "${clusterName}" (401 Unauthorized: ${message}); it was revoked or is invalid: issue a new bootstrap token (POST /api/v1/clusters/pull-tokens) and run the agent with it`);
  if (code === 403) return new AgentRefusedError(`the control plane forbids cluster "${clusterName}" this operation (403 Forbidden: ${message})`);
  return new AgentRefusedError(`the control plane refused cluster "${clusterName}" (${code}: ${message})`);
}

/**
 * Retries `fn` with exponential backoff (0.5 s → 10 s) while the control plane is unreachable
 * or failing; a 4xx other than 409/429 is final and rethrown.
 */
export async function retrying<T>(log: Logger, what: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  let delay = 500;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      const code = ApiError.is(err) ? err.status.code : 503;
      if (signal?.aborted || (code >= 400 && code < 500 && code !== 409 && code !== 429)) throw err;
      log.warn(`cannot ${what} yet; retrying`, { error: (err as Error).message, retryInMs: delay });
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  }
}

function scopedClient(cp: MemberClient, clusterName: string) {
  return scopeWorksToNamespace(cp, executionNamespace(clusterName));
}
