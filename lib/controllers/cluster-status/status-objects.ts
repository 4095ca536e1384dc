import type { KubeObject } from "../../kube/types";
import type { NodeLike, PodLike } from "../../members/summaries";

/**
 * Karmada's NodeTransformFunc, in small: what a cached Node keeps for the node and resource
 * summaries (name, allocatable, the conditions' type and status). resourceVersion stays so the
 * informer can resume its watch and skip unchanged objects on a relist.
 */
export function stripNode(obj: KubeObject): NodeLike {
  const n = obj as NodeLike;
  const status = n.status;
  return {
    apiVersion: n.apiVersion,
    kind: n.kind,
    metadata: { name: n.metadata?.name, resourceVersion: n.metadata?.resourceVersion },
    status: {
      allocatable: status?.allocatable,
      conditions: status?.conditions?.map((c) => ({ type: c.type, status: c.status })),
    },
  };
}

/**
 * Karmada's PodTransformFunc, in small: node name, the containers' and init containers' requests,
 * overhead and phase, which is all AddPodRequest and the allocated / allocating split read.
 */
export function stripPod(obj: KubeObject): PodLike {
  const p = obj as PodLike;
  const spec = p.spec;
  return {
    apiVersion: p.apiVersion,
    kind: p.kind,
    metadata: { name: p.metadata?.name, namespace: p.metadata?.namespace, resourceVersion: p.metadata?.resourceVersion },
    spec: {
      nodeName: spec?.nodeName,
      containers: spec?.containers?.map(requestsOnly),
      initContainers: spec?.initContainers?.map(requestsOnly),
      overhead: spec?.overhead,
    },
    status: { phase: p.status?.phase },
  };
}

function requestsOnly(c: { resources?: { requests?: Record<string, string> } }): { resources?: { requests?: Record<string, string> } } {
  return c.resources?.requests ? { resources: { requests: c.resources.requests } } : {};
}
