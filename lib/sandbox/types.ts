/**
 * Shapes of sandbox member clusters as the REST API and the manager see them. A sandbox is
 * described by a SandboxSpec (what was asked for, persisted) and reports a SandboxInfo
 * (spec plus where to reach it and what is currently injected).
 */

/** How the control plane reaches the member: Push (it calls the member) or Pull (an agent calls home). */
export type SyncMode = "Push" | "Pull";

/** The desired shape of one sandbox; every field is filled once parseSandboxSpec has run. */
export interface SandboxSpec {
  /** DNS-1123 label, unique among sandboxes; also the member Cluster's name. */
  name: string;
  mode: SyncMode;
  /** Number of simulated nodes. */
  nodes: number;
  /** Per-node capacity, as Kubernetes quantities. */
  cpu: string;
  memory: string;
  pods: number;
  region: string;
  zone: string;
  provider: string;
  /** Extra labels, put on the member Cluster and on every node. */
  labels: Record<string, string>;
  /** Reported Kubernetes version, semver with a leading v, e.g. "v1.32.4". */
  kubernetesVersion: string;
  /** Time a scheduled pod takes to become Running/Ready (and a LoadBalancer to get its IP). */
  startupDelayMs: number;
  /** Time pods stay on a failed node before they are evicted. */
  evictionDelayMs: number;
  /** Fixed HTTPS port; 0 = a free port chosen at the first start and kept afterwards. */
  port: number;
}

/** Capacity changes at run time: replaces the spec's node count or per-node sizes until cleared. */
export interface CapacityFault {
  nodes?: number;
  cpu?: string;
  memory?: string;
  pods?: number;
}

/**
 * Faults injected into one sandbox. PUT replaces the whole set; absent fields are cleared.
 * - down: the listener is closed (clients get ECONNREFUSED);
 * - slowMs: every request waits this long first;
 * - failing: `fraction` (0..1] of requests answered `statusCode` (500 or 503) with a Status;
 * - partitioned: requests hang until the client gives up;
 * - nodeFailure: this many nodes (highest names first) go NotReady and their pods are evicted;
 * - capacity: nodes added/removed/resized.
 */
export interface SandboxFaults {
  down?: boolean;
  slowMs?: number;
  failing?: { fraction: number; statusCode: 500 | 503 };
  partitioned?: boolean;
  nodeFailure?: number;
  capacity?: CapacityFault;
}

/** What the REST API answers for one sandbox. */
export interface SandboxInfo {
  name: string;
  spec: SandboxSpec;
  faults: SandboxFaults;
  /** https://127.0.0.1:<port> */
  server: string;
  kubeconfigPath: string;
  phase: "Running" | "Down" | "Stopped";
  createdAt: string;
}
