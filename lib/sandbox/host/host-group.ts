import path from "node:path";
import type { HostedSandbox } from "./protocol";
import { startSandboxHost, type SandboxHost, type SandboxHostOptions } from "./sandbox-host";

/** Several sandbox host processes behind one SandboxHost; `pid` is the first's. */
export interface SandboxHostGroup extends SandboxHost {
  hosts: SandboxHost[];
  /** Every host's pid (CPU and memory are per process). */
  pids: number[];
}

/**
 * Starts `count` sandbox host processes (data dirs `<dataDir>/host-<i>` when more than one) and
 * spreads created sandboxes over them in turn. One Node process holding 100 busy sandboxes
 * used all of one core and 2 GB, and became the bottleneck of a benchmark that measures the
 * control plane; split, the sandboxes use every core the machine has.
 */
export async function startSandboxHosts(count: number, opts: SandboxHostOptions): Promise<SandboxHostGroup> {
  const n = Math.max(1, Math.floor(count));
  const dirOf = (i: number) => (n === 1 ? opts.dataDir : path.join(opts.dataDir, `host-${i}`));
  const started = await Promise.allSettled(Array.from({ length: n }, (_, i) => startSandboxHost({ ...opts, dataDir: dirOf(i) })));
  const hosts = started.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const failed = started.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) {
    await Promise.all(hosts.map((h) => h.stop()));
    throw failed.reason;
  }
  return hostGroup(hosts);
}

/** One SandboxHost over `hosts`: creates go round-robin, deletes to the host that holds the name. */
export function hostGroup(hosts: SandboxHost[]): SandboxHostGroup {
  if (!hosts.length) throw new Error("a sandbox host group needs at least one host");
  const placed = new Map<string, SandboxHost>();
  let next = 0;
  return {
    hosts,
    pids: hosts.map((h) => h.pid),
    pid: hosts[0].pid,
    async create(specs) {
      const batches = new Map<SandboxHost, number[]>();
      const chosen = new Map<string, SandboxHost>();
      specs.forEach((spec, i) => {
        const name = typeof spec.name === "string" ? spec.name : undefined;
        // A known name goes back to its host, which answers as a single host would (409).
        const host = (name && (placed.get(name) ?? chosen.get(name))) || hosts[next++ % hosts.length];
        if (name) chosen.set(name, host);
        batches.set(host, [...(batches.get(host) ?? []), i]);
      });
      const out: HostedSandbox[] = new Array(specs.length);
      await Promise.all(
        [...batches].map(async ([host, indexes]) => {
          const made = await host.create(indexes.map((i) => specs[i]));
          made.forEach((s, k) => {
            placed.set(s.name, host);
            out[indexes[k]] = s;
          });
        }),
      );
      return out;
    },
    async delete(names) {
      const batches = new Map<SandboxHost, string[]>();
      // Unknown names go to the first host, which answers 404 as a single host would.
      for (const name of names) {
        const host = placed.get(name) ?? hosts[0];
        batches.set(host, [...(batches.get(host) ?? []), name]);
      }
      await Promise.all([...batches].map(([host, batch]) => host.delete(batch)));
      for (const name of names) placed.delete(name);
    },
    async list() {
      return (await Promise.all(hosts.map((h) => h.list()))).flat();
    },
    async rssBytes() {
      return (await Promise.all(hosts.map((h) => h.rssBytes()))).reduce((a, b) => a + b, 0);
    },
    log: () => (hosts.length === 1 ? hosts[0].log() : hosts.map((h) => `[host ${h.pid}]\n${h.log()}`).join("\n")),
    async stop() {
      await Promise.all(hosts.map((h) => h.stop()));
    },
  };
}
