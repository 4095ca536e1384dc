import { atomicList, keyedList, mapOf, setList, struct } from "../patch-meta-types";
import type { PatchMeta } from "../patch-meta-types";
import { conditionsMeta, labelSelectorMeta, objectMetaMeta } from "./object-meta";
import { podSpecMeta, podStatusMeta, podTemplateMeta } from "./pod-spec";

/** A top-level kind: ObjectMeta plus the given fields. */
function kind(fields: Record<string, PatchMeta>): PatchMeta {
  return struct({ metadata: objectMetaMeta, ...fields });
}

const workloadStatus = struct({ conditions: conditionsMeta });
const loadBalancerStatus = struct({ ingress: atomicList() });

const jobSpec = struct({
  selector: labelSelectorMeta,
  template: podTemplateMeta,
  podFailurePolicy: struct({ rules: atomicList() }),
});

/**
 * Patch metadata of the built-in kinds Flotilla serves, keyed by "apiVersion/Kind"
 * ("v1/ConfigMap", "apps/v1/Deployment"). Values follow the tags in k8s.io/api 1.32.
 */
export const builtinKindMeta: Readonly<Record<string, PatchMeta>> = {
  "v1/Namespace": kind({ spec: struct({ finalizers: atomicList() }), status: struct({ conditions: conditionsMeta }) }),
  "v1/ConfigMap": kind({ data: mapOf(), binaryData: mapOf() }),
  "v1/Secret": kind({ data: mapOf(), stringData: mapOf() }),
  "v1/ServiceAccount": kind({ secrets: keyedList("name", ["name"]), imagePullSecrets: atomicList() }),
  "v1/Service": kind({
    spec: struct({
      ports: keyedList("port", ["port", "protocol"], {}, { keyDefaults: { protocol: "TCP" } }),
      selector: mapOf(undefined, { atomic: true }),
      clusterIPs: atomicList(),
      externalIPs: atomicList(),
      ipFamilies: atomicList(),
      loadBalancerSourceRanges: atomicList(),
    }),
    status: struct({ conditions: conditionsMeta, loadBalancer: loadBalancerStatus }),
  }),
  "v1/PersistentVolumeClaim": kind({
    spec: struct({
      accessModes: atomicList(),
      selector: labelSelectorMeta,
      resources: struct({ limits: mapOf(), requests: mapOf() }),
    }),
    status: struct({ conditions: conditionsMeta, capacity: mapOf(), accessModes: atomicList(), allocatedResources: mapOf() }),
  }),
  "v1/Event": kind({}),
  "v1/Node": kind({
    spec: struct({ podCIDRs: setList(), taints: atomicList() }),
    status: struct({
      conditions: conditionsMeta,
      addresses: keyedList("type", ["type"]),
      capacity: mapOf(),
      allocatable: mapOf(),
      images: atomicList(),
      volumesInUse: atomicList(),
      volumesAttached: atomicList(),
    }),
  }),
  "v1/Pod": kind({ spec: podSpecMeta, status: podStatusMeta }),
  "apps/v1/Deployment": kind({
    spec: struct({ selector: labelSelectorMeta, template: podTemplateMeta, strategy: { strategy: "retainKeys" } }),
    status: workloadStatus,
  }),
  "apps/v1/StatefulSet": kind({
    spec: struct({ selector: labelSelectorMeta, template: podTemplateMeta, volumeClaimTemplates: atomicList() }),
    status: workloadStatus,
  }),
  "apps/v1/DaemonSet": kind({ spec: struct({ selector: labelSelectorMeta, template: podTemplateMeta }), status: workloadStatus }),
  "apps/v1/ReplicaSet": kind({ spec: struct({ selector: labelSelectorMeta, template: podTemplateMeta }), status: workloadStatus }),
  "batch/v1/Job": kind({
    spec: jobSpec,
    // Job conditions are merged by type in SMP but `+listType=atomic` for apply.
    status: struct({ conditions: { list: "atomic", mergeKey: "type", strategy: "merge" } }),
  }),
  "batch/v1/CronJob": kind({
    spec: struct({ jobTemplate: struct({ metadata: objectMetaMeta, spec: jobSpec }) }),
    status: struct({ active: atomicList() }),
  }),
  "networking.k8s.io/v1/Ingress": kind({
    spec: struct({ rules: atomicList(), tls: atomicList() }),
    status: struct({ loadBalancer: loadBalancerStatus }),
  }),
};

/** Schema of an object of unknown kind: only ObjectMeta is known; the rest is deduced. */
export const genericObjectMeta: PatchMeta = kind({});
