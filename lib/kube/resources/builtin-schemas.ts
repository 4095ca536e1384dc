import type { JsonObject } from "../types";
import type { JSONSchemaProps } from "../validation/schema-types";

/**
 * Known-field schemas of the built-in kinds: every field name kube 1.32 declares, with types
 * at the levels users write by hand and `x-kubernetes-preserve-unknown-fields` below that.
 * They serve /openapi/v3 and strict field validation (`unknown field "spec.replicass"`), not
 * full type checking; each kind's `validate` does the semantic checks.
 */
const S: JSONSchemaProps = { type: "string" };
const I: JSONSchemaProps = { type: "integer" };
const B: JSONSchemaProps = { type: "boolean" };
const ANY: JSONSchemaProps = { type: "object", "x-kubernetes-preserve-unknown-fields": true };
const ANY_LIST: JSONSchemaProps = { type: "array", items: ANY };
const STR_MAP: JSONSchemaProps = { type: "object", additionalProperties: S };
const STR_LIST: JSONSchemaProps = { type: "array", items: S };
const INT_OR_STRING: JSONSchemaProps = { "x-kubernetes-int-or-string": true };

function obj(properties: Record<string, JSONSchemaProps>, required?: string[]): JSONSchemaProps {
  return required ? { type: "object", properties, required } : { type: "object", properties };
}

const list = (items: JSONSchemaProps): JSONSchemaProps => ({ type: "array", items });

const containerPort = obj({ containerPort: I, hostIP: S, hostPort: I, name: S, protocol: S }, ["containerPort"]);
const envVar = obj({ name: S, value: S, valueFrom: ANY }, ["name"]);

const container = obj(
  {
    args: STR_LIST,
    command: STR_LIST,
    env: list(envVar),
    envFrom: ANY_LIST,
    image: S,
    imagePullPolicy: S,
    lifecycle: ANY,
    livenessProbe: ANY,
    name: S,
    ports: list(containerPort),
    readinessProbe: ANY,
    resizePolicy: ANY_LIST,
    resources: ANY,
    restartPolicy: S,
    securityContext: ANY,
    startupProbe: ANY,
    stdin: B,
    stdinOnce: B,
    terminationMessagePath: S,
    terminationMessagePolicy: S,
    tty: B,
    volumeDevices: ANY_LIST,
    volumeMounts: ANY_LIST,
    workingDir: S,
  },
  ["name"],
);

const podSpec = obj(
  {
    activeDeadlineSeconds: I,
    affinity: ANY,
    automountServiceAccountToken: B,
    containers: list(container),
    dnsConfig: ANY,
    dnsPolicy: S,
    enableServiceLinks: B,
    ephemeralContainers: ANY_LIST,
    hostAliases: ANY_LIST,
    hostIPC: B,
    hostNetwork: B,
    hostPID: B,
    hostUsers: B,
    hostname: S,
    imagePullSecrets: ANY_LIST,
    initContainers: list(container),
    nodeName: S,
    nodeSelector: STR_MAP,
    os: ANY,
    overhead: ANY,
    preemptionPolicy: S,
    priority: I,
    priorityClassName: S,
    readinessGates: ANY_LIST,
    resourceClaims: ANY_LIST,
    resources: ANY,
    restartPolicy: S,
    runtimeClassName: S,
    schedulerName: S,
    schedulingGates: ANY_LIST,
    securityContext: ANY,
    serviceAccount: S,
    serviceAccountName: S,
    setHostnameAsFQDN: B,
    shareProcessNamespace: B,
    subdomain: S,
    terminationGracePeriodSeconds: I,
    tolerations: ANY_LIST,
    topologySpreadConstraints: ANY_LIST,
    volumes: ANY_LIST,
  },
  ["containers"],
);

const podTemplate = obj({ metadata: ANY, spec: podSpec });

const jobSpec = obj({
  activeDeadlineSeconds: I,
  backoffLimit: I,
  backoffLimitPerIndex: I,
  completionMode: S,
  completions: I,
  managedBy: S,
  manualSelector: B,
  maxFailedIndexes: I,
  parallelism: I,
  podFailurePolicy: ANY,
  podReplacementPolicy: S,
  selector: ANY,
  successPolicy: ANY,
  suspend: B,
  template: podTemplate,
  ttlSecondsAfterFinished: I,
});

const servicePort = obj({ appProtocol: S, name: S, nodePort: I, port: I, protocol: S, targetPort: INT_OR_STRING }, ["port"]);

/** Top-level (beside apiVersion/kind/metadata) properties per kind. */
const KINDS: Record<string, Record<string, JSONSchemaProps>> = {
  Namespace: { spec: obj({ finalizers: STR_LIST }), status: ANY },
  ConfigMap: { data: STR_MAP, binaryData: STR_MAP, immutable: B },
  Secret: { data: STR_MAP, stringData: STR_MAP, type: S, immutable: B },
  ServiceAccount: { automountServiceAccountToken: B, imagePullSecrets: ANY_LIST, secrets: ANY_LIST },
  Service: {
    spec: obj({
      allocateLoadBalancerNodePorts: B,
      clusterIP: S,
      clusterIPs: STR_LIST,
      externalIPs: STR_LIST,
      externalName: S,
      externalTrafficPolicy: S,
      healthCheckNodePort: I,
      internalTrafficPolicy: S,
      ipFamilies: STR_LIST,
      ipFamilyPolicy: S,
      loadBalancerClass: S,
      loadBalancerIP: S,
      loadBalancerSourceRanges: STR_LIST,
      ports: list(servicePort),
      publishNotReadyAddresses: B,
      selector: STR_MAP,
      sessionAffinity: S,
      sessionAffinityConfig: ANY,
      trafficDistribution: S,
      type: S,
    }),
    status: ANY,
  },
  PersistentVolumeClaim: {
    spec: obj({
      accessModes: STR_LIST,
      dataSource: ANY,
      dataSourceRef: ANY,
      resources: ANY,
      selector: ANY,
      storageClassName: S,
      volumeAttributesClassName: S,
      volumeMode: S,
      volumeName: S,
    }),
    status: ANY,
  },
  Event: {
    action: S,
    count: I,
    eventTime: S,
    firstTimestamp: S,
    involvedObject: ANY,
    lastTimestamp: S,
    message: S,
    reason: S,
    related: ANY,
    reportingComponent: S,
    reportingInstance: S,
    series: ANY,
    source: ANY,
    type: S,
  },
  Node: { spec: ANY, status: ANY },
  Pod: { spec: podSpec, status: ANY },
  Deployment: {
    spec: obj({ minReadySeconds: I, paused: B, progressDeadlineSeconds: I, replicas: I, revisionHistoryLimit: I, selector: ANY, strategy: ANY, template: podTemplate }),
    status: ANY,
  },
  StatefulSet: {
    spec: obj({
      minReadySeconds: I,
      ordinals: ANY,
      persistentVolumeClaimRetentionPolicy: ANY,
      podManagementPolicy: S,
      replicas: I,
      revisionHistoryLimit: I,
      selector: ANY,
      serviceName: S,
      template: podTemplate,
      updateStrategy: ANY,
      volumeClaimTemplates: ANY_LIST,
    }),
    status: ANY,
  },
  DaemonSet: { spec: obj({ minReadySeconds: I, revisionHistoryLimit: I, selector: ANY, template: podTemplate, updateStrategy: ANY }), status: ANY },
  ReplicaSet: { spec: obj({ minReadySeconds: I, replicas: I, selector: ANY, template: podTemplate }), status: ANY },
  Job: { spec: jobSpec, status: ANY },
  CronJob: {
    spec: obj({
      concurrencyPolicy: S,
      failedJobsHistoryLimit: I,
      jobTemplate: obj({ metadata: ANY, spec: jobSpec }),
      schedule: S,
      startingDeadlineSeconds: I,
      successfulJobsHistoryLimit: I,
      suspend: B,
      timeZone: S,
    }),
    status: ANY,
  },
  Ingress: { spec: obj({ defaultBackend: ANY, ingressClassName: S, rules: ANY_LIST, tls: ANY_LIST }), status: ANY },
  CustomResourceDefinition: { spec: ANY, status: ANY },
  Lease: {
    spec: obj({ acquireTime: S, holderIdentity: S, leaseDurationSeconds: I, leaseTransitions: I, preferredHolder: S, renewTime: S, strategy: S }),
  },
  EndpointSlice: { addressType: S, endpoints: ANY_LIST, ports: ANY_LIST },
};

/** The known-field schema of a built-in kind, or undefined for kinds without one. */
export function builtinSchema(group: string, version: string, kind: string): JsonObject | undefined {
  const props = KINDS[kind];
  if (!props) return undefined;
  const schema: JSONSchemaProps = {
    type: "object",
    "x-kubernetes-group-version-kind": [{ group, version, kind }],
    properties: { apiVersion: S, kind: S, metadata: { type: "object" }, ...props },
  };
  return schema as JsonObject;
}
