import { stringify } from "yaml";
import type { KubeObject } from "../../lib/kube/types";

/**
 * The part of a stored object a person edits and re-applies: no status and none of the
 * server-owned metadata (uid, resourceVersion, generation, timestamps, managedFields), so a
 * server-side apply of the result neither trips on a stale resourceVersion nor claims status.
 */
export function editableManifest(obj: KubeObject): KubeObject {
  const { uid: _u, resourceVersion: _rv, generation: _g, creationTimestamp: _c, managedFields: _m, deletionTimestamp: _d, deletionGracePeriodSeconds: _dg, ...metadata } = obj.metadata;
  const { status: _s, ...rest } = obj;
  return { ...rest, metadata } as KubeObject;
}

/** editableManifest as YAML text for the editor. */
export function editableYaml(obj: KubeObject): string {
  return stringify(editableManifest(obj), { lineWidth: 0 });
}
