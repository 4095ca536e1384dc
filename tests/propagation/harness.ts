import type { ObjectClient } from "../../lib/kube/client";
import type { KubeObject } from "../../lib/kube/types";
import type { Cluster } from "../../lib/kube/karmada";
import { createApiServer, type ApiServer } from "../../lib/apiserver";
import { MemoryStorage } from "../../lib/store/memory-storage";
import { ResourceRegistry } from "../../lib/kube/resources/registry";
import { controlPlaneDescriptors, memberClusterDescriptors } from "../../lib/kube/resources";
import { Manager } from "../../lib/controllers/runtime/manager";
import { schedulerController } from "../../lib/controllers/scheduler";
import { setupPropagationControllers, type PropagationControllers } from "../../lib/controllers/propagation";
import { noopEventRecorder } from "../../lib/controllers/runtime/events";

/** A control plane and member API servers in one process, with the propagation controllers running. */
export interface Harness {
  plane: ApiServer;
  client: ObjectClient;
  members: Record<string, ApiServer>;
  /** Marks a member down: its client answers 503 (Ready condition is flipped separately). */
  down: Set<string>;
  setReady(cluster: string, ready: boolean): Promise<void>;
  stop(): Promise<void>;
}

export async function startHarness(names: string[], labels: Record<string, Record<string, string>> = {}): Promise<Harness> {
  const plane = createApiServer({ storage: new MemoryStorage(), registry: new ResourceRegistry(controlPlaneDescriptors()) });
  await plane.start();
  const members: Record<string, ApiServer> = {};
  const down = new Set<string>();
  const memberClients = new Map<string, ObjectClient>();
  for (const n of names) {
    members[n] = createApiServer({ storage: new MemoryStorage(), registry: new ResourceRegistry(memberClusterDescriptors()) });
    await members[n].start();
    memberClients.set(n, failingWhenDown(members[n].client, () => down.has(n)));
  }
  const client = plane.client;
  for (const n of names) {
    await client.create<Cluster>({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name: n, labels: labels[n] ?? {} }, spec: { syncMode: "Push", apiEndpoint: `https://${n}` } } as Cluster);
    await client.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: `karmada-es-${n}` } });
  }
  const setReady = async (n: string, ready: boolean) => {
    const c = (await client.get<Cluster>("cluster.karmada.io/v1alpha1", "Cluster", undefined, n))!;
    c.status = { ...(c.status ?? {}), apiEnablements: apiEnablements(members[n]), conditions: [{ type: "Ready", status: ready ? "True" : "False", reason: ready ? "ClusterReady" : "ClusterNotReachable", message: "", lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, "Z") }] };
    await client.updateStatus(c);
  };
  for (const n of names) await setReady(n, true);
  let manager: Manager | undefined;
  const prop: PropagationControllers = setupPropagationControllers({ controller: (name) => manager?.controller(name) }, {
    registry: plane.registry,
    members: { get: (c) => memberClients.get(c) },
    executionResyncMs: 2_000,
    statusResyncMs: 1_000,
  });
  manager = new Manager({ client, controllers: { scheduler: schedulerController(), ...prop.controllers }, eventRecorderFor: () => noopEventRecorder, log: process.env.PROPAGATION_DEBUG ? consoleLogger() : undefined });
  await manager.start();
  return {
    plane,
    client,
    members,
    down,
    setReady,
    async stop() {
      await manager?.stop();
      await prop.stop();
      for (const m of Object.values(members)) await m.stop();
      await plane.stop();
    },
  };
}

function failingWhenDown(c: ObjectClient, isDown: () => boolean): ObjectClient {
  return new Proxy(c, {
    get(target, prop, recv) {
      const v = Reflect.get(target, prop, recv);
      if (typeof v !== "function") return v;
      return (...args: unknown[]) => {
        if (isDown()) return Promise.reject(Object.assign(new Error("member unreachable"), { code: 503 }));
        return v.apply(target, args);
      };
    },
  });
}

/** Polls until `fn` returns a truthy value (or throws its last error after `ms`). */
export async function eventually<T>(fn: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw last ?? new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const deployment = (name: string, replicas: number, extra: Partial<KubeObject["metadata"]> = {}): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: "default", labels: { app: name }, ...extra },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } } },
});

export const propagationPolicy = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", metadata: { name, namespace: "default" }, spec });

function consoleLogger(): import("../../lib/controllers/runtime/log").Logger {
  const out = (level: string) => (msg: string, fields?: Record<string, unknown>) => console.log(level, msg, JSON.stringify(fields ?? {}, (_k, v) => (v instanceof Error ? v.message : v)));
  const l = { debug: () => {}, info: out("info"), warn: out("warn"), error: out("error"), child: () => l };
  return l as never;
}

/** What the cluster status controller would report from discovery, so the APIEnablement filter passes. */
function apiEnablements(member: ApiServer) {
  const byGv = new Map<string, { name: string; kind: string }[]>();
  for (const d of member.registry.all()) {
    const gv = d.group ? `${d.group}/${d.version}` : d.version;
    byGv.set(gv, [...(byGv.get(gv) ?? []), { name: d.plural, kind: d.kind }]);
  }
  return [...byGv].map(([groupVersion, resources]) => ({ groupVersion, resources }));
}
