import type { Condition, KubeObject, JsonObject, ObjectMeta } from "./types";
import type { LabelSelector } from "./selectors";

/**
 * TypeScript shapes of Karmada's API (cluster.karmada.io/v1alpha1, policy.karmada.io/v1alpha1,
 * work.karmada.io/v1alpha1 and v1alpha2), field names exactly as Karmada's. Validation and
 * defaulting live in lib/kube/resources; these are the types every module shares.
 */

export const CLUSTER_API_VERSION = "cluster.karmada.io/v1alpha1";
export const POLICY_API_VERSION = "policy.karmada.io/v1alpha1";
export const WORK_V1ALPHA1 = "work.karmada.io/v1alpha1";
export const WORK_V1ALPHA2 = "work.karmada.io/v1alpha2";

// ---- core/v1 pieces used inside Karmada kinds

export type TaintEffect = "NoSchedule" | "PreferNoSchedule" | "NoExecute";

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: "Exists" | "Equal";
  value?: string;
  effect?: TaintEffect | "";
  tolerationSeconds?: number;
}

/** Quantities as Kubernetes writes them ("500m", "2Gi", "110"). */
export type ResourceList = Record<string, string>;

// ---- cluster.karmada.io/v1alpha1 Cluster

export interface ResourceModelRange {
  name: string;
  min: string;
  max: string;
}

export interface ResourceModel {
  grade: number;
  ranges: ResourceModelRange[];
}

export interface ClusterSpec {
  id?: string;
  syncMode: "Push" | "Pull";
  apiEndpoint?: string;
  secretRef?: { namespace: string; name: string };
  impersonatorSecretRef?: { namespace: string; name: string };
  insecureSkipTLSVerification?: boolean;
  proxyURL?: string;
  proxyHeader?: Record<string, string>;
  provider?: string;
  region?: string;
  /** Deprecated; moved into zones on write. */
  zone?: string;
  zones?: string[];
  taints?: Taint[];
  resourceModels?: ResourceModel[];
}

export interface APIEnablement {
  groupVersion: string;
  resources?: { name: string; kind: string }[];
}

export interface AllocatableModeling {
  grade: number;
  count: number;
}

export interface ResourceSummary {
  allocatable?: ResourceList;
  allocating?: ResourceList;
  allocated?: ResourceList;
  allocatableModelings?: AllocatableModeling[];
}

export interface ClusterStatus {
  kubernetesVersion?: string;
  apiEnablements?: APIEnablement[];
  conditions?: Condition[];
  nodeSummary?: { totalNum?: number; readyNum?: number };
  resourceSummary?: ResourceSummary;
  remedyActions?: string[];
}

export interface Cluster extends KubeObject {
  metadata: ObjectMeta;
  spec: ClusterSpec;
  status?: ClusterStatus;
}

// ---- policy.karmada.io/v1alpha1 PropagationPolicy / ClusterPropagationPolicy

export interface ResourceSelector {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name?: string;
  labelSelector?: LabelSelector;
}

export interface FieldSelectorRequirement {
  key: "provider" | "region" | "zone" | string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[];
}

export interface ClusterAffinity {
  labelSelector?: LabelSelector;
  fieldSelector?: { matchExpressions?: FieldSelectorRequirement[] };
  clusterNames?: string[];
  exclude?: string[];
}

export interface OverflowAffinity extends ClusterAffinity {
  affinityName: string;
}

export interface ClusterAffinityTerm extends ClusterAffinity {
  affinityName: string;
  overflowAffinities?: OverflowAffinity[];
}

export type SpreadByField = "cluster" | "region" | "zone" | "provider";

export interface SpreadConstraint {
  spreadByField?: SpreadByField;
  spreadByLabel?: string;
  maxGroups?: number;
  minGroups?: number;
}

export interface StaticClusterWeight {
  targetCluster: ClusterAffinity;
  weight: number;
}

export interface ClusterPreferences {
  staticWeightList?: StaticClusterWeight[];
  dynamicWeight?: "AvailableReplicas";
}

export interface ReplicaSchedulingStrategy {
  replicaSchedulingType?: "Duplicated" | "Divided";
  replicaDivisionPreference?: "Aggregated" | "Weighted";
  weightPreference?: ClusterPreferences;
}

export interface Placement {
  clusterAffinity?: ClusterAffinity;
  clusterAffinities?: ClusterAffinityTerm[];
  clusterTolerations?: Toleration[];
  spreadConstraints?: SpreadConstraint[];
  replicaScheduling?: ReplicaSchedulingStrategy;
  workloadAffinity?: { affinity?: { groupByLabelKey: string }; antiAffinity?: { groupByLabelKey: string } };
}

export interface StatePreservationRule {
  aliasLabelName: string;
  jsonPath: string;
}

export interface ApplicationFailoverBehavior {
  decisionConditions?: { tolerationSeconds?: number };
  purgeMode?: "Directly" | "Gracefully" | "Never";
  gracePeriodSeconds?: number;
  statePreservation?: { rules: StatePreservationRule[] };
}

export interface ClusterFailoverBehavior {
  purgeMode?: "Directly" | "Gracefully";
  statePreservation?: { rules: StatePreservationRule[] };
}

export interface FailoverBehavior {
  application?: ApplicationFailoverBehavior;
  cluster?: ClusterFailoverBehavior;
}

export interface Suspension {
  dispatching?: boolean;
  dispatchingOnClusters?: { clusterNames?: string[] };
}

export interface PropagationSpec {
  resourceSelectors: ResourceSelector[];
  propagateDeps?: boolean;
  /** Deprecated name of propagateDeps. */
  association?: boolean;
  placement?: Placement;
  priority?: number;
  preemption?: "Always" | "Never";
  dependentOverrides?: string[];
  schedulerName?: string;
  failover?: FailoverBehavior;
  conflictResolution?: "Abort" | "Overwrite";
  activationPreference?: "" | "Lazy";
  suspension?: Suspension;
  preserveResourcesOnDeletion?: boolean;
  schedulePriority?: { priorityClassSource?: "KubePriorityClass"; priorityClassName?: string };
}

export interface PropagationPolicy extends KubeObject {
  kind: "PropagationPolicy" | "ClusterPropagationPolicy";
  spec: PropagationSpec;
}

// ---- policy.karmada.io/v1alpha1 OverridePolicy / ClusterOverridePolicy

export type OverriderOperator = "add" | "remove" | "replace";

export interface ImageOverrider {
  predicate?: { path: string };
  component: "Registry" | "Repository" | "Tag";
  operator: OverriderOperator;
  value?: string;
}

export interface CommandArgsOverrider {
  containerName: string;
  operator: "add" | "remove";
  value?: string[];
}

export interface LabelAnnotationOverrider {
  operator: OverriderOperator;
  value?: Record<string, string>;
}

export interface PlaintextOverrider {
  path: string;
  operator: OverriderOperator;
  value?: unknown;
}

export interface SubPathOverrider {
  subPath: string;
  operator: OverriderOperator;
  value?: unknown;
}

export interface FieldOverrider {
  fieldPath: string;
  json?: SubPathOverrider[];
  yaml?: SubPathOverrider[];
}

export interface Overriders {
  plaintext?: PlaintextOverrider[];
  imageOverrider?: ImageOverrider[];
  commandOverrider?: CommandArgsOverrider[];
  argsOverrider?: CommandArgsOverrider[];
  labelsOverrider?: LabelAnnotationOverrider[];
  annotationsOverrider?: LabelAnnotationOverrider[];
  fieldOverrider?: FieldOverrider[];
}

export interface RuleWithCluster {
  targetCluster?: ClusterAffinity;
  overriders: Overriders;
}

export interface OverrideSpec {
  resourceSelectors?: ResourceSelector[];
  overrideRules?: RuleWithCluster[];
  /** Deprecated pair, used only when overrideRules is empty. */
  targetCluster?: ClusterAffinity;
  overriders?: Overriders;
}

export interface OverridePolicy extends KubeObject {
  kind: "OverridePolicy" | "ClusterOverridePolicy";
  spec: OverrideSpec;
}

// ---- work.karmada.io/v1alpha2 ResourceBinding / ClusterResourceBinding

export interface ObjectReference {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  resourceVersion?: string;
}

export interface NodeClaim {
  hardNodeAffinity?: JsonObject;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
}

export interface ReplicaRequirements {
  nodeClaim?: NodeClaim;
  resourceRequest?: ResourceList;
  namespace?: string;
  priorityClassName?: string;
}

export interface TargetCluster {
  name: string;
  replicas?: number;
}

export interface GracefulEvictionTask {
  fromCluster: string;
  purgeMode?: "Directly" | "Gracefully" | "Never";
  replicas?: number;
  reason: string;
  message?: string;
  producer: string;
  gracePeriodSeconds?: number;
  suppressDeletion?: boolean;
  preservedLabelState?: Record<string, string>;
  clustersBeforeFailover?: string[];
  creationTimestamp?: string;
}

export interface BindingSnapshot {
  namespace?: string;
  name: string;
  clusters?: TargetCluster[];
}

export interface ResourceBindingSpec {
  resource: ObjectReference;
  propagateDeps?: boolean;
  replicaRequirements?: ReplicaRequirements;
  replicas?: number;
  clusters?: TargetCluster[];
  placement?: Placement;
  gracefulEvictionTasks?: GracefulEvictionTask[];
  requiredBy?: BindingSnapshot[];
  schedulerName?: string;
  failover?: FailoverBehavior;
  conflictResolution?: "Abort" | "Overwrite";
  rescheduleTriggeredAt?: string;
  suspension?: Suspension & { scheduling?: boolean };
  preserveResourcesOnDeletion?: boolean;
  schedulePriority?: { priority?: number };
}

export interface AggregatedStatusItem {
  clusterName: string;
  status?: JsonObject;
  applied?: boolean;
  appliedMessage?: string;
  health?: "Healthy" | "Unhealthy" | "Unknown";
}

export interface ResourceBindingStatus {
  schedulerObservedGeneration?: number;
  schedulerObservingAffinityName?: string;
  lastScheduledTime?: string;
  conditions?: Condition[];
  aggregatedStatus?: AggregatedStatusItem[];
}

export interface ResourceBinding extends KubeObject {
  kind: "ResourceBinding" | "ClusterResourceBinding";
  spec: ResourceBindingSpec;
  status?: ResourceBindingStatus;
}

// ---- work.karmada.io/v1alpha1 Work

export interface ManifestStatus {
  identifier: { ordinal: number; group: string; version: string; kind: string; resource: string; namespace?: string; name: string };
  status?: JsonObject;
  health?: "Healthy" | "Unhealthy" | "Unknown";
}

export interface WorkSpec {
  workload?: { manifests?: KubeObject[] };
  suspendDispatching?: boolean;
  preserveResourcesOnDeletion?: boolean;
}

export interface WorkStatus {
  conditions?: Condition[];
  manifestStatuses?: ManifestStatus[];
}

export interface Work extends KubeObject {
  kind: "Work";
  spec: WorkSpec;
  status?: WorkStatus;
}

// ---- well-known names (section 1 and 9 of Karmada's API notes)

export const EXECUTION_NAMESPACE_PREFIX = "karmada-es-";
export const RESERVED_NAMESPACES = ["karmada-system", "karmada-cluster"];
export const CLUSTER_LEASE_NAMESPACE = "karmada-cluster";

export const TAINT_NOT_READY = "cluster.karmada.io/not-ready";
export const TAINT_UNREACHABLE = "cluster.karmada.io/unreachable";
export const TAINT_UNSCHEDULABLE = "cluster.karmada.io/unschedulable";

export const LABEL_MANAGED = "karmada.io/managed";
export const LABEL_PP_PERMANENT_ID = "propagationpolicy.karmada.io/permanent-id";
export const LABEL_CPP_PERMANENT_ID = "clusterpropagationpolicy.karmada.io/permanent-id";
export const LABEL_RB_PERMANENT_ID = "resourcebinding.karmada.io/permanent-id";
export const LABEL_CRB_PERMANENT_ID = "clusterresourcebinding.karmada.io/permanent-id";
export const LABEL_WORK_PERMANENT_ID = "work.karmada.io/permanent-id";
export const ANNOTATION_PP_NAMESPACE = "propagationpolicy.karmada.io/namespace";
export const ANNOTATION_PP_NAME = "propagationpolicy.karmada.io/name";
export const ANNOTATION_CPP_NAME = "clusterpropagationpolicy.karmada.io/name";
export const ANNOTATION_RB_NAMESPACE = "resourcebinding.karmada.io/namespace";
export const ANNOTATION_RB_NAME = "resourcebinding.karmada.io/name";
export const ANNOTATION_CRB_NAME = "clusterresourcebinding.karmada.io/name";
export const ANNOTATION_WORK_NAMESPACE = "work.karmada.io/namespace";
export const ANNOTATION_WORK_NAME = "work.karmada.io/name";
export const ANNOTATION_TEMPLATE_UID = "resourcetemplate.karmada.io/uid";
export const ANNOTATION_TEMPLATE_GENERATION = "resourcetemplate.karmada.io/generation";
export const ANNOTATION_CONFLICT_RESOLUTION = "work.karmada.io/conflict-resolution";
export const ANNOTATION_MANAGED_LABELS = "resourcetemplate.karmada.io/managed-labels";
export const ANNOTATION_MANAGED_ANNOTATIONS = "resourcetemplate.karmada.io/managed-annotations";
export const ANNOTATION_APPLIED_PLACEMENT = "policy.karmada.io/applied-placement";
export const ANNOTATION_APPLIED_OVERRIDES = "policy.karmada.io/applied-overrides";
export const ANNOTATION_APPLIED_CLUSTER_OVERRIDES = "policy.karmada.io/applied-cluster-overrides";
export const LABEL_RETAIN_REPLICAS = "resourcetemplate.karmada.io/retain-replicas";
export const LABEL_DELETION_PROTECTED = "resourcetemplate.karmada.io/deletion-protected";
export const LABEL_CLAIMED_BY = "resourcetemplate.karmada.io/claimed-by";
export const LABEL_SYSTEM = "karmada.io/system";
/** Flotilla's own marker for sandbox member clusters (the console shows a badge). */
export const LABEL_SANDBOX = "flotilla.io/sandbox";

export function executionNamespace(cluster: string): string {
  return EXECUTION_NAMESPACE_PREFIX + cluster;
}

export function clusterOfExecutionNamespace(ns: string): string | undefined {
  return ns.startsWith(EXECUTION_NAMESPACE_PREFIX) ? ns.slice(EXECUTION_NAMESPACE_PREFIX.length) : undefined;
}
