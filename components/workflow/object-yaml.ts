import { stringify } from "yaml";
import type { KubeObject } from "../../lib/kube/types";

/** An object as YAML for reading, without managedFields (noise for people; kubectl hides it too). */
export function objectYaml(obj: KubeObject | undefined): string {
  if (!obj) return "";
  const { managedFields: _ignored, ...metadata } = obj.metadata ?? {};
  return stringify({ ...obj, metadata }, { lineWidth: 0 });
}
