import { setMaxListeners } from "node:events";
import { Controller, type ControllerDefinition } from "../../controllers/runtime/controller";
import type { Clock } from "../../controllers/runtime/clock";
import { createEventRecorder, type ClientEventRecorder, type EventRecorder } from "../../controllers/runtime/events";
import type { Logger } from "../../controllers/runtime/log";
import { SharedInformerFactory } from "../../controllers/runtime/shared-informers";
import type { ObjectClient } from "../../kube/client";
import type { KubeObject } from "../../kube/types";
import type { SandboxFaults, SandboxSpec } from "../types";
import { BY_NODE, BY_OWNER, UNBOUND, type SimContext } from "./context";
import { daemonSetController } from "./daemonset";
import { deploymentController } from "./deployment";
import { jobController } from "./job";
import { kubeletController } from "./kubelet";
import { NODE_SYNC, nodeNamesToSync, nodeSyncController } from "./node-sync";
import { controllerOf, podNodeName } from "./pod-util";
import { podSchedulerController } from "./pod-scheduler";
import { replicaSetController } from "./replicaset";
import { serviceLoadBalancerController } from "./service-lb";
import { statefulSetController } from "./statefulset";

export interface SimulatorOptions {
  /** The sandbox's in-process client: the simulator is inside the cluster, faults do not reach it. */
  client: ObjectClient;
  clock: Clock;
  spec: SandboxSpec;
  faults: () => SandboxFaults;
  log: Logger;
}

export interface Simulator {
  /** Re-reads desired nodes (a node failure or capacity fault was set or cleared). */
  nodesChanged(): void;
  /** Waits until every recorded event was written (tests). */
  flushEvents(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a sandbox's simulated control loops — node kubelets, scheduler, kubelet pod
 * lifecycle, ReplicaSet, Deployment, StatefulSet, DaemonSet, Job and load-balancer
 * controllers — as reconcilers on the controller runtime, sharing one informer per kind.
 */
export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const abort = new AbortController();
  // Every controller and informer listens on this one signal.
  setMaxListeners(0, abort.signal);
  const factory = new SharedInformerFactory({
    client: opts.client,
    clock: opts.clock,
    log: opts.log,
    indexers: {
      // A Deployment finds its ReplicaSets by owner uid, not by scanning its namespace's.
      "apps/v1/ReplicaSet": {
        [BY_OWNER]: (rs: KubeObject) => {
          const ref = controllerOf(rs);
          return ref ? [ref.uid] : [];
        },
      },
      "v1/Pod": {
        [BY_OWNER]: (p: KubeObject) => {
          const ref = controllerOf(p);
          return ref ? [ref.uid] : [];
        },
        [BY_NODE]: (p: KubeObject) => (podNodeName(p) ? [podNodeName(p)] : []),
        [UNBOUND]: (p: KubeObject) => (podNodeName(p) ? [] : [UNBOUND]),
      },
    },
  });
  const recorders: ClientEventRecorder[] = [];
  const controllers = new Map<string, Controller>();
  const sim: SimContext = {
    client: opts.client,
    clock: opts.clock,
    spec: opts.spec,
    faults: opts.faults,
    log: opts.log,
    pods: factory.informerFor({ apiVersion: "v1", kind: "Pod" }),
    nodes: factory.informerFor({ apiVersion: "v1", kind: "Node" }),
    replicaSets: factory.informerFor({ apiVersion: "apps/v1", kind: "ReplicaSet" }),
    informersGet: (apiVersion, kind, namespace, name) => factory.informerFor({ apiVersion, kind }).get(namespace, name),
    informersList: (apiVersion, kind, namespace) => factory.informerFor({ apiVersion, kind }).list(namespace),
    recorder(component: string): EventRecorder {
      const r = createEventRecorder({ client: opts.client, component, clock: opts.clock, log: opts.log, host: opts.spec.name, maxEntries: 256 });
      recorders.push(r);
      return r;
    },
    enqueue: (name, key) => controllers.get(name)?.enqueue(key),
  };
  const defs: ControllerDefinition[] = [
    nodeSyncController(sim),
    podSchedulerController(sim),
    kubeletController(sim),
    replicaSetController(sim),
    deploymentController(sim),
    statefulSetController(sim),
    daemonSetController(sim),
    jobController(sim),
    serviceLoadBalancerController(sim),
  ];
  for (const def of defs) controllers.set(def.name, new Controller(def, { informers: factory, clock: opts.clock, log: opts.log }));
  const starts = [...controllers.values()].map((c) => c.start(abort.signal));
  factory.start(abort.signal);
  await Promise.all(starts);
  const nodesChanged = () => {
    for (const name of nodeNamesToSync(sim)) sim.enqueue(NODE_SYNC, { name });
  };
  nodesChanged();
  return {
    nodesChanged,
    async flushEvents() {
      await Promise.all(recorders.map((r) => r.flush()));
    },
    async stop() {
      abort.abort();
      await Promise.all([...controllers.values()].map((c) => c.stop()));
      await factory.stop();
    },
  };
}
