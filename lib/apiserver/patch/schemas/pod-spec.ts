import { atomicList, keyedList, mapOf, struct } from "../patch-meta-types";
import type { PatchMeta } from "../patch-meta-types";
import { conditionsMeta, labelSelectorMeta, objectMetaMeta } from "./object-meta";

/** ResourceRequirements: quantity maps; claims keyed by name for SSA only. */
const resourcesMeta = struct({ limits: mapOf(), requests: mapOf(), claims: keyedList(undefined, ["name"]) });

const keySelector = struct({}, { atomic: true });

const envVarMeta = struct({
  valueFrom: struct({
    configMapKeyRef: keySelector,
    secretKeyRef: keySelector,
    fieldRef: keySelector,
    resourceFieldRef: keySelector,
  }),
});

const portsMeta = keyedList("containerPort", ["containerPort", "protocol"], {}, { keyDefaults: { protocol: "TCP" } });

/** core/v1 Container (also the shape of init and ephemeral containers). */
export const containerMeta: PatchMeta = struct({
  command: atomicList(),
  args: atomicList(),
  ports: portsMeta,
  env: keyedList("name", ["name"], envVarMeta),
  envFrom: atomicList(),
  resources: resourcesMeta,
  resizePolicy: atomicList(),
  volumeMounts: keyedList("mountPath", ["mountPath"]),
  volumeDevices: keyedList("devicePath", ["devicePath"]),
  securityContext: struct({ capabilities: struct({ add: atomicList(), drop: atomicList() }) }),
});

/** core/v1 PodSpec with the patch tags of Kubernetes 1.32. */
export const podSpecMeta: PatchMeta = struct({
  volumes: keyedList("name", ["name"], {}, { strategy: "merge,retainKeys" }),
  initContainers: keyedList("name", ["name"], containerMeta),
  containers: keyedList("name", ["name"], containerMeta),
  ephemeralContainers: keyedList("name", ["name"], containerMeta),
  nodeSelector: mapOf(undefined, { atomic: true }),
  imagePullSecrets: keyedList("name", ["name"]),
  hostAliases: keyedList("ip", ["ip"]),
  tolerations: atomicList(),
  topologySpreadConstraints: keyedList("topologyKey", ["topologyKey", "whenUnsatisfiable"], struct({ labelSelector: labelSelectorMeta })),
  schedulingGates: keyedList("name", ["name"]),
  resourceClaims: keyedList("name", ["name"], {}, { strategy: "merge,retainKeys" }),
  readinessGates: atomicList(),
  overhead: mapOf(),
});

/** core/v1 PodTemplateSpec, embedded by every workload kind. */
export const podTemplateMeta: PatchMeta = struct({ metadata: objectMetaMeta, spec: podSpecMeta });

/** core/v1 PodStatus. */
export const podStatusMeta: PatchMeta = struct({
  conditions: conditionsMeta,
  podIPs: keyedList("ip", ["ip"]),
  containerStatuses: atomicList(),
  initContainerStatuses: atomicList(),
  ephemeralContainerStatuses: atomicList(),
});
