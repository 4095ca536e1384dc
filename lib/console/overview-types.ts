/**
 * The wire shape of GET /api/v1/overview, shared by the server aggregation and the client
 * view. Everything here is already aggregated: the browser never receives the objects.
 */
export type ClusterHealth = "Ready" | "NotReady" | "Unknown";

export interface ClusterHealthRow {
  name: string;
  health: ClusterHealth;
  /** Reason and message of the Ready condition (why it is NotReady/Unknown). */
  reason?: string;
  message?: string;
  sandbox: boolean;
}

/** A quantity as allocatable (capacity usable by workloads) against allocated (requested). */
export interface CapacityPair {
  allocatable: number;
  allocated: number;
}

export interface ClusterCapacity {
  name: string;
  /** CPU in cores, memory in bytes, pods as a count. */
  cpu: CapacityPair;
  memory: CapacityPair;
  pods: CapacityPair;
}

export interface FailingPropagation {
  bindingKind: "ResourceBinding" | "ClusterResourceBinding";
  bindingNamespace?: string;
  bindingName: string;
  resource: { apiVersion: string; kind: string; namespace?: string; name: string };
  /** The first failing step's reason and message (Scheduled before FullyApplied before per-cluster apply). */
  reason: string;
  message: string;
  /** Clusters where the apply failed, when known. */
  clusters: string[];
  /** The workflow page of the resource template. */
  href: string;
}

export interface WarningEvent {
  uid?: string;
  namespace?: string;
  reason?: string;
  message?: string;
  count?: number;
  time?: string;
  involvedObject?: { kind?: string; namespace?: string; name?: string };
}

export interface OverviewSummary {
  generatedAt: string;
  clusters: { total: number; byHealth: Record<ClusterHealth, number>; items: ClusterHealthRow[] };
  counts: {
    /** Resource templates under propagation (one binding each). */
    resources: number;
    propagationPolicies: number;
    clusterPropagationPolicies: number;
    overridePolicies: number;
    clusterOverridePolicies: number;
    resourceBindings: number;
    clusterResourceBindings: number;
    works: number;
  };
  propagation: { total: number; fullyApplied: number; failing: number; progressing: number; failingItems: FailingPropagation[] };
  warnings: WarningEvent[];
  capacity: ClusterCapacity[];
}
