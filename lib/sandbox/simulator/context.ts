import type { Clock } from "../../controllers/runtime/clock";
import type { EventRecorder } from "../../controllers/runtime/events";
import type { Informer } from "../../controllers/runtime/informer";
import type { Logger } from "../../controllers/runtime/log";
import type { ObjectClient } from "../../kube/client";
import type { KubeObject } from "../../kube/types";
import type { SandboxFaults, SandboxSpec } from "../types";

/** Index names on the shared Pod informer. */
export const BY_OWNER = "owner-uid";
export const BY_NODE = "node-name";
/** Pods not bound to a node yet (the index's one value is its name). */
export const UNBOUND = "unbound";

/** What every simulated controller of one sandbox shares. */
export interface SimContext {
  client: ObjectClient;
  clock: Clock;
  spec: SandboxSpec;
  faults: () => SandboxFaults;
  log: Logger;
  pods: Informer;
  nodes: Informer;
  replicaSets: Informer;
  /** Event recorder for a component ("replicaset-controller", "default-scheduler", "kubelet"...). */
  recorder(component: string): EventRecorder;
  /** An object from the shared informer cache of its kind (opened on first use). */
  informersGet(apiVersion: string, kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Every cached object of a kind, optionally in one namespace. */
  informersList(apiVersion: string, kind: string, namespace?: string): KubeObject[];
  /** Wakes a controller by hand (node changes reach the node-sync controller this way). */
  enqueue(controller: string, key: { namespace?: string; name: string }): void;
}

export const podSpecInformer = { apiVersion: "v1", kind: "Pod" } as const;
export const nodeSpecInformer = { apiVersion: "v1", kind: "Node" } as const;

/** Pods whose controller reference points at `owner` (via the owner-uid index). */
export function ownedPods(sim: SimContext, owner: KubeObject): KubeObject[] {
  return sim.pods.byIndex(BY_OWNER, owner.metadata.uid ?? "");
}

/** ReplicaSets in `owner`'s namespace whose controller reference points at it (owner-uid index). */
export function ownedReplicaSets(sim: SimContext, owner: KubeObject): KubeObject[] {
  return sim.replicaSets.byIndex(BY_OWNER, owner.metadata.uid ?? "").filter((rs) => rs.metadata.namespace === owner.metadata.namespace);
}

export function nowIso(clock: Clock): string {
  return new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
}
