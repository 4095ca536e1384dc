import type { KubeObject } from "../../kube/types";
import { splitApiVersion } from "../../kube/types";
import type { Request } from "../runtime/keys";

/**
 * The detector reconciles three kinds of keys through one queue; the request's namespace
 * slot says which (names never contain "/", so the real namespace travels in the name):
 * - templates: namespace `t|<kind>|<version>|<group>`, name `<namespace>/<name>`;
 * - PropagationPolicies: namespace `pp`, name `<namespace>/<name>`;
 * - ClusterPropagationPolicies: namespace `cpp`, name `/<name>`.
 */
export type DetectorKey =
  | { type: "template"; apiVersion: string; kind: string; namespace?: string; name: string }
  | { type: "policy"; kind: "PropagationPolicy" | "ClusterPropagationPolicy"; namespace?: string; name: string };

export function templateRequest(obj: Pick<KubeObject, "apiVersion" | "kind" | "metadata">): Request {
  const { group, version } = splitApiVersion(obj.apiVersion);
  return { namespace: `t|${obj.kind}|${version}|${group}`, name: `${obj.metadata.namespace ?? ""}/${obj.metadata.name ?? ""}` };
}

export function policyRequest(obj: Pick<KubeObject, "kind" | "metadata">): Request {
  return { namespace: obj.kind === "PropagationPolicy" ? "pp" : "cpp", name: `${obj.metadata.namespace ?? ""}/${obj.metadata.name ?? ""}` };
}

/** Inverse of templateRequest/policyRequest; undefined for keys this detector never makes. */
export function parseDetectorKey(req: Request): DetectorKey | undefined {
  const slash = req.name.indexOf("/");
  if (slash < 0 || !req.namespace) return undefined;
  const namespace = req.name.slice(0, slash) || undefined;
  const name = req.name.slice(slash + 1);
  if (req.namespace === "pp") return { type: "policy", kind: "PropagationPolicy", namespace, name };
  if (req.namespace === "cpp") return { type: "policy", kind: "ClusterPropagationPolicy", name };
  const [tag, kind, version, group] = req.namespace.split("|");
  if (tag !== "t" || !kind || !version) return undefined;
  return { type: "template", apiVersion: group ? `${group}/${version}` : version, kind, namespace, name };
}
