import type { Cluster, ResourceBinding } from "../../kube/karmada";
import { CLUSTER_API_VERSION } from "../../kube/karmada";
import type { KubeObject } from "../../kube/types";
import type { InformerSpec } from "../runtime/informer";
import type { InformerSource } from "../runtime/shared-informers";
import type { Request } from "../runtime/keys";
import type { EventRecorder } from "../runtime/events";
import { CLUSTER_RESOURCE_BINDINGS, RESOURCE_BINDINGS, bindingRequest } from "../scheduler/bindings";

export const CLUSTERS: InformerSpec = { apiVersion: CLUSTER_API_VERSION, kind: "Cluster" };

/** Every cached RB and CRB. */
export function allBindings(informers: InformerSource): ResourceBinding[] {
  return [...informers.informerFor<ResourceBinding>(RESOURCE_BINDINGS).list(), ...informers.informerFor<ResourceBinding>(CLUSTER_RESOURCE_BINDINGS).list()];
}

/** Requests for the bindings that currently target `cluster`. */
export function bindingsOnCluster(informers: InformerSource, cluster: string): Request[] {
  return allBindings(informers)
    .filter((b) => b.spec?.clusters?.some((t) => t.name === cluster))
    .map(bindingRequest);
}

/** The resource template a binding points at, as an Event's involved object. */
export function templateOf(b: ResourceBinding): KubeObject {
  const r = b.spec.resource;
  return { apiVersion: r.apiVersion, kind: r.kind, metadata: { namespace: r.namespace, name: r.name, uid: r.uid } };
}

export function clusterByName(informers: InformerSource, name: string): Cluster | undefined {
  return informers.informerFor<Cluster>(CLUSTERS).get(undefined, name);
}

export const EVENT_EVICT_SUCCEED = "EvictWorkloadFromClusterSucceed";
export const EVENT_EVICT_FAILED = "EvictWorkloadFromClusterFailed";

/**
 * Karmada's EmitClusterEvictionEventFor(Cluster)ResourceBinding, shared by the taint manager,
 * application failover and graceful eviction: "Evict from cluster <c> succeed." (or
 * "... failed.", Warning) on the binding and on its resource template.
 */
export function recordEviction(events: EventRecorder, binding: ResourceBinding, cluster: string, ok: boolean): void {
  const reason = ok ? EVENT_EVICT_SUCCEED : EVENT_EVICT_FAILED;
  const message = `Evict from cluster ${cluster} ${ok ? "succeed" : "failed"}.`;
  const type = ok ? "Normal" : "Warning";
  events.event(binding, type, reason, message);
  events.event(templateOf(binding), type, reason, message);
}
