import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { ResourceRegistry } from "../kube/resources/registry";
import { sortVersions } from "./version-order";

/**
 * Discovery documents, derived live from the registry (CRDs come and go):
 * aggregated (apidiscovery.k8s.io v2/v2beta1, one request per /api and /apis) and legacy
 * (APIVersions, APIGroupList, APIGroup, APIResourceList). See kube-api-surface.md §2.
 */
const SUBRESOURCE_VERBS = ["get", "patch", "update"];
const SCALE_KIND = { group: "autoscaling", version: "v1", kind: "Scale" };

interface GroupVersions {
  group: string;
  /** Preference order, preferred first. */
  versions: string[];
}

/** Groups served (core excluded), each with its versions in preference order, groups sorted by name. */
export function servedGroups(registry: ResourceRegistry): GroupVersions[] {
  const byGroup = new Map<string, Set<string>>();
  for (const d of registry.all()) {
    if (!byGroup.has(d.group)) byGroup.set(d.group, new Set());
    byGroup.get(d.group)!.add(d.version);
  }
  return [...byGroup.entries()]
    .map(([group, vs]) => ({ group, versions: sortVersions(vs) }))
    .sort((a, b) => (a.group === "" ? -1 : b.group === "" ? 1 : a.group.localeCompare(b.group)));
}

function resourcesOf(registry: ResourceRegistry, group: string, version: string): ResourceDescriptor[] {
  return registry
    .all()
    .filter((d) => d.group === group && d.version === version)
    .sort((a, b) => a.plural.localeCompare(b.plural));
}

function gv(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** The aggregated document for `/api` (core only) or `/apis` (everything else). */
export function aggregatedDiscovery(registry: ResourceRegistry, core: boolean, apiVersion: "v2" | "v2beta1") {
  const items = servedGroups(registry)
    .filter((g) => (g.group === "") === core)
    .map((g) => ({
      metadata: { name: g.group, creationTimestamp: null },
      versions: g.versions.map((version) => ({
        version,
        resources: resourcesOf(registry, g.group, version).map(aggregatedResource),
        freshness: "Current",
      })),
    }));
  return { kind: "APIGroupDiscoveryList", apiVersion: `apidiscovery.k8s.io/${apiVersion}`, metadata: {}, items };
}

function aggregatedResource(d: ResourceDescriptor) {
  const responseKind = { group: d.group, version: d.version, kind: d.kind };
  const subresources: { subresource: string; responseKind: typeof responseKind; verbs: string[] }[] = [];
  if (d.subresources.scale) subresources.push({ subresource: "scale", responseKind: SCALE_KIND, verbs: SUBRESOURCE_VERBS });
  if (d.subresources.status) subresources.push({ subresource: "status", responseKind, verbs: SUBRESOURCE_VERBS });
  const out: Record<string, unknown> = {
    resource: d.plural,
    responseKind,
    scope: d.namespaced ? "Namespaced" : "Cluster",
    singularResource: d.singular,
    verbs: d.verbs,
  };
  if (d.shortNames?.length) out.shortNames = d.shortNames;
  if (d.categories?.length) out.categories = d.categories;
  if (subresources.length) out.subresources = subresources;
  return out;
}

/** Legacy `/api`. */
export function apiVersions(serverAddress: string) {
  return { kind: "APIVersions", versions: ["v1"], serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }] };
}

function apiGroup(g: GroupVersions) {
  const versions = g.versions.map((version) => ({ groupVersion: gv(g.group, version), version }));
  return { name: g.group, versions, preferredVersion: versions[0] };
}

/** Legacy `/apis`. */
export function apiGroupList(registry: ResourceRegistry) {
  return { kind: "APIGroupList", apiVersion: "v1", groups: servedGroups(registry).filter((g) => g.group !== "").map(apiGroup) };
}

/** Legacy `/apis/<group>`; undefined when the group is not served. */
export function apiGroupDocument(registry: ResourceRegistry, group: string) {
  const g = servedGroups(registry).find((x) => x.group === group && group !== "");
  return g && { kind: "APIGroup", apiVersion: "v1", ...apiGroup(g) };
}

/**
 * Legacy `/api/v1` or `/apis/<g>/<v>`; undefined when not served. Each main resource comes
 * before its subresources: client-node takes the first entry whose kind matches.
 */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string) {
  const ds = resourcesOf(registry, group, version);
  if (!ds.length) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const d of ds) {
    const main: Record<string, unknown> = { name: d.plural, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: d.verbs };
    if (d.shortNames?.length) main.shortNames = d.shortNames;
    if (d.categories?.length) main.categories = d.categories;
    resources.push(main);
    if (d.plural === "namespaces" && group === "") resources.push({ name: "namespaces/finalize", singularName: "", namespaced: false, kind: d.kind, verbs: ["update"] });
    if (d.subresources.scale)
      resources.push({ name: `${d.plural}/scale`, singularName: "", namespaced: d.namespaced, group: "autoscaling", version: "v1", kind: "Scale", verbs: SUBRESOURCE_VERBS });
    if (d.subresources.status) resources.push({ name: `${d.plural}/status`, singularName: "", namespaced: d.namespaced, kind: d.kind, verbs: SUBRESOURCE_VERBS });
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: gv(group, version), resources };
}

/** The Content-Type that makes client-go read a body as aggregated discovery. */
export function aggregatedContentType(v: "v2" | "v2beta1"): string {
  return `application/json;g=apidiscovery.k8s.io;v=${v};as=APIGroupDiscoveryList`;
}
