import type { ObjectClient } from "../kube/client";
import { causes as cause } from "../kube/errors";
import type { Cluster, OverridePolicy, PropagationPolicy } from "../kube/karmada";
import { CLUSTER_API_VERSION, POLICY_API_VERSION } from "../kube/karmada";
import { checkCluster, checkList, checkManifest, checkOverridePolicy, checkPolicy, checkTarget, InputChecker, requireBody } from "./input";
import { matchPolicies, type PolicyMatch } from "./match";
import { previewOverrides, type OverridePreview } from "./override-preview";
import { previewPlacement, type PlacementPreview, type PreviewOptions } from "./preview";

/**
 * The three dry-run endpoints as functions of (parsed JSON body, control-plane client): check
 * the input (422 with causes), fill defaults from the store, call the pure function. Route
 * files only read the body and call these.
 */

async function storedClusters(client: ObjectClient): Promise<Cluster[]> {
  return (await client.list<Cluster>(CLUSTER_API_VERSION, "Cluster")).items;
}

async function storedPolicies(client: ObjectClient): Promise<PropagationPolicy[]> {
  const [pps, cpps] = await Promise.all([
    client.list<PropagationPolicy>(POLICY_API_VERSION, "PropagationPolicy"),
    client.list<PropagationPolicy>(POLICY_API_VERSION, "ClusterPropagationPolicy"),
  ]);
  return [...pps.items.map((p) => ({ ...p, kind: "PropagationPolicy" as const })), ...cpps.items.map((p) => ({ ...p, kind: "ClusterPropagationPolicy" as const }))];
}

async function storedOverridePolicies(client: ObjectClient): Promise<OverridePolicy[]> {
  const [ops, cops] = await Promise.all([
    client.list<OverridePolicy>(POLICY_API_VERSION, "OverridePolicy"),
    client.list<OverridePolicy>(POLICY_API_VERSION, "ClusterOverridePolicy"),
  ]);
  return [...ops.items.map((p) => ({ ...p, kind: "OverridePolicy" as const })), ...cops.items.map((p) => ({ ...p, kind: "ClusterOverridePolicy" as const }))];
}

function checkOptions(v: unknown, c: InputChecker): PreviewOptions | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v)) {
    c.add(cause.invalid("options", typeof v, "must be an object"));
    return undefined;
  }
  return structuredClone(v) as PreviewOptions;
}

/** POST /api/v1/placement/preview */
export async function handlePlacementPreview(body: unknown, client: ObjectClient): Promise<PlacementPreview> {
  const b = requireBody(body, "placement preview");
  const c = new InputChecker("PlacementPreview");
  const resource = checkManifest(b.resource, "resource", c);
  const policy = checkPolicy(b.policy, "policy", c);
  const clusters = checkList(b.clusters, "clusters", c, checkCluster);
  const previous = checkList(b.previous, "previous", c, checkTarget);
  const options = checkOptions(b.options, c);
  c.fail();
  return previewPlacement({ resource: resource!, policy: policy!, clusters: clusters ?? (await storedClusters(client)), previous, options });
}

/** POST /api/v1/policies/match */
export async function handlePolicyMatch(body: unknown, client: ObjectClient): Promise<PolicyMatch> {
  const b = requireBody(body, "policy match");
  const c = new InputChecker("PolicyMatch");
  const resource = checkManifest(b.resource, "resource", c);
  const policies = checkList(b.policies, "policies", c, checkPolicy);
  c.fail();
  return matchPolicies(resource!, policies ?? (await storedPolicies(client)));
}

/** POST /api/v1/overrides/preview */
export async function handleOverridePreview(body: unknown, client: ObjectClient): Promise<OverridePreview> {
  const b = requireBody(body, "override preview");
  const c = new InputChecker("OverridePreview");
  const resource = checkManifest(b.resource, "resource", c);
  const policies = checkList(b.overridePolicies, "overridePolicies", c, checkOverridePolicy);
  let cluster: Cluster | undefined;
  if (typeof b.cluster === "string" && b.cluster) {
    cluster = await client.get<Cluster>(CLUSTER_API_VERSION, "Cluster", undefined, b.cluster);
    if (!cluster) c.add(cause.invalid("cluster", b.cluster, "no registered cluster has this name"));
  } else if (b.cluster === undefined || b.cluster === "") c.add(cause.required("cluster"));
  else cluster = checkCluster(b.cluster, "cluster", c);
  c.fail();
  return previewOverrides(resource!, cluster!, policies ?? (await storedOverridePolicies(client)));
}
