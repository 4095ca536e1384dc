import { tuneHeapGrowth } from "./heap-tuning";
import { eventComponentOf } from "../controllers/event-components";
import https from "node:https";
import os from "node:os";
import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import type { FlotillaConfig } from "./config";
import type { Logger } from "./logger";
import { setControlPlane, type ControlPlaneHandle } from "./handle";
import { dataFiles, ensureDataDir, randomSecret, readOrCreateSecretFile } from "./data-dir";
import { nodeApiListener } from "../apiserver/http/node-listener";
import { SecretBox } from "./secret-box";
import { openDatabase } from "../store/database";
import { PrismaStorage } from "../store/prisma-storage";
import { prismaAuthStore } from "../auth/prisma-auth-store";
import { createAuthService, ensureAdminUser } from "../auth/auth-service";
import { createApiServer } from "../apiserver";
import { ResourceRegistry } from "../kube/resources/registry";
import { controlPlaneDescriptors } from "../kube/resources";
import { loadOrCreateTls } from "../apiserver/tls";
import { buildKubeconfig } from "../kube/kubeconfig";
import { Manager } from "../controllers/runtime/manager";
import { controllerSetups } from "../controllers";
import type { ControlPlaneContext } from "../controllers/context";
import { LeaderLease } from "../store/leader-lease";
import { freeEmbeddedLease } from "./embedded-lease";
import { lockDataDir } from "./data-dir-lock";
import { SandboxManager } from "../sandbox/sandbox-manager";
import { agentAuthorizer } from "../agent/authorization";
import { setupPullAgents } from "../agent/wiring";
import { ServiceIpAllocator } from "../sandbox/service-ips";

/**
 * Boots the control plane in this process: data dir secrets, the store (migrated), the
 * Kubernetes-compatible API on HTTPS, the admin kubeconfig, then controllers and sandboxes.
 * The returned handle is also published on globalThis for the console's route handlers.
 */
export async function startControlPlane(config: FlotillaConfig, log: Logger): Promise<ControlPlaneHandle> {
  tuneHeapGrowth(config.heapGrowingPercent);
  let ready = false;
  const stops: (() => Promise<void>)[] = [];
  await ensureDataDir(config.dataDir);
  const files = dataFiles(config.dataDir);

  const adminToken = config.adminToken ?? (await readOrCreateSecretFile(files.adminToken, () => randomSecret(32))).value;
  const password = config.adminPassword
    ? { value: config.adminPassword, created: false }
    : await readOrCreateSecretFile(files.adminPassword, () => randomSecret(18));
  const secretKey = config.secretKey ?? (await readOrCreateSecretFile(files.secretKey, () => randomSecret(32))).value;
  const secretBox = new SecretBox(secretKey);

  // The embedded store's directory is one process's (PGlite has no lock of its own).
  const dirLock = config.databaseUrl ? undefined : await lockDataDir(config.dataDir);
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }).catch(async (err) => {
    await dirLock?.release();
    throw err;
  });
  stops.push(() => db.close());
  // Released last, once the store is closed.
  if (dirLock) stops.push(() => dirLock.release());
  log.info("store ready", { store: db.kind });
  const storage = await PrismaStorage.open(db);
  stops.unshift(() => storage.close());

  const authStore = prismaAuthStore(db);
  await ensureAdminUser(authStore, password.value, !!config.adminPassword);
  const auth = createAuthService({ store: authStore, adminToken });

  // Like kube-apiserver, the control plane gives Services a ClusterIP at create (Works drop it again).
  const serviceIps = new ServiceIpAllocator();
  const registry = new ResourceRegistry(controlPlaneDescriptors().map((d) => (d.group === "" && d.plural === "services" ? serviceIps.wrap(d) : d)));
  const api = createApiServer({
    storage,
    registry,
    authenticate: async (req) => {
      const user = await auth.authenticate(req);
      return user ? { username: user.username, groups: user.kind === "agent" ? ["system:agents"] : ["system:masters"] } : null;
    },
    // Pull agents may only touch their own cluster's objects (lib/agent/authorization.ts).
    authorize: agentAuthorizer,
  });
  await api.start();
  stops.unshift(() => api.stop());
  for (const svc of (await api.client.list("v1", "Service")).items) serviceIps.observe(svc);

  const tls = await loadOrCreateTls({ dir: files.tlsDir, sans: config.tlsSans, certFile: config.tlsCertFile, keyFile: config.tlsKeyFile });
  const kubeUrl = `https://127.0.0.1:${config.kubePort}`;
  const kubeServer = https.createServer({ key: tls.key, cert: tls.cert }, nodeApiListener(api.serve, kubeUrl));
  kubeServer.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    kubeServer.once("error", reject);
    kubeServer.listen(config.kubePort, () => resolve());
  });
  stops.unshift(
    () =>
      new Promise<void>((resolve) => {
        kubeServer.close(() => resolve());
        kubeServer.closeAllConnections();
      }),
  );
  await writeFile(files.kubeconfig, buildKubeconfig({ name: "flotilla", server: kubeUrl, caData: tls.caCert, token: adminToken }), { mode: 0o600 });
  log.info("kubernetes API listening", { url: kubeUrl, kubeconfig: files.kubeconfig });
  if (!config.adminPassword) log.info("sign in as admin", { passwordFile: files.adminPassword, generatedNow: password.created });

  const services: Record<string, unknown> = { storage, registry, client: api.client, db, secretBox, kubeUrl, caCert: tls.caCert };

  // Sandbox member clusters (FLOTILLA_SANDBOXES): loopback HTTPS servers registered as Push members,
  // reached by the controllers through their kubeconfigs like any real cluster.
  // Pull sandboxes get an agent child process that calls home over HTTP to the console's port.
  const pullAgents = setupPullAgents({ services, client: api.client, consoleUrl: `http://127.0.0.1:${config.port}`, log });
  const sandboxes = new SandboxManager({
    dataDir: config.dataDir,
    log: log.child({ component: "sandboxes" }),
    onCreated: (sandbox) => pullAgents.onCreated(sandbox),
    onDeleted: (name) => pullAgents.onDeleted(name),
  });
  services.sandboxes = sandboxes;
  await sandboxes.startDefaultSandboxes(config.sandboxes);
  stops.unshift(() => sandboxes.stop());
  await pullAgents.resume(sandboxes.list().map((s) => sandboxes.cluster(s.name)));
  stops.unshift(() => pullAgents.stop());
  if (config.sandboxes.length) log.info("sandbox clusters running", { sandboxes: sandboxes.list().map((s) => s.name) });

  // Controllers run only on the replica holding the lease (several replicas may share one Postgres).
  const ctx: ControlPlaneContext = { config, log, client: api.client, db, storage, registry, secretBox, services };
  const controllers = controllerSetups(ctx);
  const manager = new Manager({
    client: api.client,
    controllers: controllers.setups,
    enabled: (process.env.FLOTILLA_CONTROLLERS ?? "*").split(",").map((s) => s.trim()).filter(Boolean),
    log: log.child({ component: "controllers" }),
    eventComponent: eventComponentOf,
  });
  services.manager = manager;
  const leading = await startLeaderElection(db, manager, log);
  stops.unshift(async () => {
    await leading.lease.release();
    await manager.stop();
    await controllers.stop();
  });
  await leading.firstTerm;

  ready = true;
  const handle: ControlPlaneHandle = {
    config,
    isReady: () => ready,
    kube: { handle: (req) => api.handle(req) },
    auth,
    services,
    async stop() {
      ready = false;
      setControlPlane(undefined);
      // Each step gets a deadline: a reconcile stuck on an unreachable member must not hold shutdown.
      for (const [i, stop] of stops.entries()) {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            log.warn("stop step timed out; going on", { step: i });
            resolve();
          }, STOP_STEP_TIMEOUT_MS);
        });
        await Promise.race([stop().catch((e) => log.warn("stop step failed", { step: i, error: e })), deadline]);
        clearTimeout(timer);
      }
    },
  };
  setControlPlane(handle);
  return handle;
}

const STOP_STEP_TIMEOUT_MS = 10_000;
const LEASE_NAME = "flotilla-controller-manager";

/**
 * Joins the leader election for the controllers and resolves `firstTerm` once this replica's
 * controllers run (caches synced) or another replica is seen to lead.
 */
async function startLeaderElection(db: Awaited<ReturnType<typeof openDatabase>>, manager: Manager, log: Logger) {
  const processPrefix = `${os.hostname()}-${process.pid}-`;
  const identity = `${processPrefix}${randomUUID().slice(0, 8)}`;
  let settle!: () => void;
  const firstTerm = new Promise<void>((resolve) => (settle = resolve));
  if (db.kind === "pglite") await freeEmbeddedLease(db.sql, LEASE_NAME, processPrefix);
  const lease = new LeaderLease({
    sql: db.sql,
    name: LEASE_NAME,
    identity,
    leaseDurationMs: Number(process.env.FLOTILLA_LEASE_DURATION_MS ?? 15_000),
    retryPeriodMs: Number(process.env.FLOTILLA_LEASE_RETRY_MS ?? 2_000),
    onStartedLeading: () => {
      log.info("leading: starting controllers", { identity, controllers: manager.enabledControllers() });
      manager.start().then(settle, (e) => log.error("controllers failed to start", { error: e }));
    },
    onLost: () => {
      log.warn("lost the controller lease: stopping controllers", { identity });
      void manager.stop();
    },
  });
  lease.start();
  // A follower is ready too: it serves the APIs while another replica runs the controllers.
  const followerGrace = setTimeout(settle, 5_000);
  void firstTerm.then(() => clearTimeout(followerGrace));
  return { lease, firstTerm };
}
