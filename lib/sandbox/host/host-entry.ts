import { SandboxManager } from "../sandbox-manager";
import type { SandboxCluster } from "../sandbox-cluster";
import { TimerWheel } from "../timer-wheel";
import { isHostRequest, type HostReady, type HostRequest, type HostResponse, type HostedSandbox } from "./protocol";

/**
 * A sandbox host: a child process that runs sandboxes (a SandboxManager on
 * FLOTILLA_SANDBOX_HOST_DIR) and answers create/delete/list/stop requests from its parent over
 * IPC with each sandbox's address, token, CA and kubeconfig path. Keeping sandboxes out of the
 * control plane's process lets benchmarks measure the control plane's memory and CPU alone.
 * FLOTILLA_SANDBOX_HOST_DEFAULTS (JSON) overrides spec defaults, e.g. {"startupDelayMs":50};
 * FLOTILLA_SANDBOX_HOST_SNAPSHOT_MS the snapshot debounce.
 * The host exits when its parent goes away (IPC disconnect).
 */
function describe(s: SandboxCluster): HostedSandbox {
  const { spec } = s;
  return { name: s.name, server: s.info().server, token: s.token, caCert: s.caCert, kubeconfigPath: s.paths.kubeconfig, mode: spec.mode, region: spec.region, zone: spec.zone, provider: spec.provider, labels: spec.labels };
}

async function main(): Promise<void> {
  const dataDir = process.env.FLOTILLA_SANDBOX_HOST_DIR;
  if (!dataDir || !process.send) throw new Error("sandbox host: needs FLOTILLA_SANDBOX_HOST_DIR and an IPC channel");
  const defaults = JSON.parse(process.env.FLOTILLA_SANDBOX_HOST_DEFAULTS || "{}") as Record<string, unknown>;
  const snapshotDelayMs = Number(process.env.FLOTILLA_SANDBOX_HOST_SNAPSHOT_MS) || undefined;
  const manager = new SandboxManager({ dataDir, clock: new TimerWheel(), specDefaults: defaults, snapshotDelayMs });
  const all = () => manager.list().map((i) => describe(manager.cluster(i.name)!));

  const handle = async (req: HostRequest): Promise<HostResponse> => {
    switch (req.op) {
      case "create": {
        const made: HostedSandbox[] = [];
        for (const spec of req.specs) made.push(describe(manager.cluster((await manager.create(spec)).name)!));
        return { id: req.id, ok: true, sandboxes: made };
      }
      case "delete":
        for (const name of req.names) await manager.delete(name);
        return { id: req.id, ok: true, sandboxes: all() };
      case "list":
        return { id: req.id, ok: true, sandboxes: all() };
      case "stop":
        await manager.stop();
        return { id: req.id, ok: true, sandboxes: [] };
    }
  };

  process.on("message", (msg: unknown) => {
    if (!isHostRequest(msg)) return;
    handle(msg).then(
      (res) => {
        process.send!(res);
        if (msg.op === "stop") process.disconnect();
      },
      (err: unknown) => process.send!({ id: msg.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies HostResponse),
    );
  });
  // The parent died or let go: nobody can reach these sandboxes any more.
  process.on("disconnect", () => void manager.stop().finally(() => process.exit(0)));
  process.send({ op: "ready", pid: process.pid } satisfies HostReady);
}

main().catch((err) => {
  process.stderr.write(`sandbox host failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
