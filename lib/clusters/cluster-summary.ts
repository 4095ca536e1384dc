import { LABEL_SANDBOX, type Cluster, type ResourceList, type Taint } from "../kube/karmada";

/** One row of the console's cluster list. Never carries credentials. */
export interface ClusterSummary {
  name: string;
  uid?: string;
  creationTimestamp?: string;
  /** Set while the cluster drains after an unregister. */
  deletionTimestamp?: string;
  syncMode: "Push" | "Pull";
  apiEndpoint?: string;
  sandbox: boolean;
  labels: Record<string, string>;
  provider?: string;
  region?: string;
  zones: string[];
  taints: Taint[];
  kubernetesVersion?: string;
  /** The Ready condition's status; "Unknown" until the first probe. */
  ready: "True" | "False" | "Unknown";
  readyReason?: string;
  readyMessage?: string;
  lastTransitionTime?: string;
  nodes?: { total: number; ready: number };
  resources?: { allocatable?: ResourceList; allocated?: ResourceList; allocating?: ResourceList };
  apiEnablements: number;
}

/** The console's view of a Cluster: the facts a list shows, flat. */
export function summarizeCluster(c: Cluster): ClusterSummary {
  const ready = c.status?.conditions?.find((x) => x.type === "Ready");
  const s: ClusterSummary = {
    name: c.metadata.name ?? "",
    uid: c.metadata.uid,
    creationTimestamp: c.metadata.creationTimestamp,
    syncMode: c.spec?.syncMode ?? "Push",
    apiEndpoint: c.spec?.apiEndpoint,
    sandbox: c.metadata.labels?.[LABEL_SANDBOX] === "true",
    labels: c.metadata.labels ?? {},
    provider: c.spec?.provider,
    region: c.spec?.region,
    zones: c.spec?.zones ?? (c.spec?.zone ? [c.spec.zone] : []),
    taints: c.spec?.taints ?? [],
    kubernetesVersion: c.status?.kubernetesVersion,
    ready: ready?.status ?? "Unknown",
    readyReason: ready?.reason,
    readyMessage: ready?.message,
    lastTransitionTime: ready?.lastTransitionTime,
    apiEnablements: c.status?.apiEnablements?.length ?? 0,
  };
  if (c.metadata.deletionTimestamp) s.deletionTimestamp = c.metadata.deletionTimestamp;
  const n = c.status?.nodeSummary;
  if (n) s.nodes = { total: n.totalNum ?? 0, ready: n.readyNum ?? 0 };
  const r = c.status?.resourceSummary;
  if (r) s.resources = { allocatable: r.allocatable, allocated: r.allocated, allocating: r.allocating };
  return s;
}
