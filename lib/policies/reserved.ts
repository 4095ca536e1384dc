import type { KubeObject } from "../kube/types";
import { splitApiVersion } from "../kube/types";
import { EXECUTION_NAMESPACE_PREFIX, RESERVED_NAMESPACES } from "../kube/karmada";

/**
 * What the resource detector never treats as a resource template (karmada-api.md §1).
 * Namespaces: karmada-system, karmada-cluster, karmada-es-* always; kube-* by default (the
 * `--skipped-propagating-namespaces` default). API groups: Karmada's own groups, events and
 * coordination.k8s.io/v1 (Leases). Plus the ConfigMap kube-system/extension-apiserver-authentication.
 */

/** Default of `--skipped-propagating-namespaces` (regular expressions, anchored). */
export const DEFAULT_SKIPPED_NAMESPACE_PATTERNS = ["kube-.*"];

/** API groups whose kinds are never propagated. */
export const SKIPPED_API_GROUPS = [
  "cluster.karmada.io",
  "policy.karmada.io",
  "work.karmada.io",
  "config.karmada.io",
  "networking.karmada.io",
  "autoscaling.karmada.io",
  "remedy.karmada.io",
  "apps.karmada.io",
  "events.k8s.io",
];

/** True for karmada-system, karmada-cluster and every karmada-es-* namespace. */
export function isReservedNamespace(ns: string): boolean {
  return RESERVED_NAMESPACES.includes(ns) || ns.startsWith(EXECUTION_NAMESPACE_PREFIX);
}

/**
 * True when the namespace is reserved or matches one of the skip patterns. Karmada compiles each
 * pattern as `^<pattern>$` without grouping, so "a|b" means "starts with a, or ends with b".
 */
export function isSkippedNamespace(ns: string, patterns: readonly string[] = DEFAULT_SKIPPED_NAMESPACE_PATTERNS): boolean {
  if (isReservedNamespace(ns)) return true;
  return patterns.some((p) => anchored(p).test(ns));
}

const compiledPatterns = new Map<string, RegExp>();

function anchored(pattern: string): RegExp {
  let re = compiledPatterns.get(pattern);
  if (!re) compiledPatterns.set(pattern, (re = new RegExp(`^${pattern}$`)));
  return re;
}

/** True for API groups/versions/kinds the detector does not watch (Karmada groups, events, Leases). */
export function isSkippedApi(apiVersion: string, kind: string): boolean {
  const { group, version } = splitApiVersion(apiVersion);
  if (SKIPPED_API_GROUPS.includes(group)) return true;
  if (group === "" && version === "v1" && kind === "Event") return true;
  return group === "coordination.k8s.io" && version === "v1";
}

/**
 * Whether an object may be propagated as a template at all: not in a skipped API, not in a
 * skipped namespace, not the extension-apiserver-authentication ConfigMap.
 */
export function isPropagatable(obj: KubeObject, skippedNamespacePatterns?: readonly string[]): boolean {
  if (isSkippedApi(obj.apiVersion, obj.kind)) return false;
  const ns = obj.metadata.namespace ?? "";
  if (ns && isSkippedNamespace(ns, skippedNamespacePatterns)) return false;
  return !(obj.kind === "ConfigMap" && ns === "kube-system" && obj.metadata.name === "extension-apiserver-authentication");
}
