import type { ResourceDescriptor } from "../../lib/kube/resource-descriptor";
import { controlPlaneDescriptors } from "../../lib/kube/resources";
import { checkManifest, type ManifestCheck } from "../../lib/console/resources/manifest-diagnostics";

let cached: ResourceDescriptor[] | undefined;

/** The control plane's descriptors, built on first use (not at import: no module-level work). */
export function consoleDescriptors(): ResourceDescriptor[] {
  cached ??= controlPlaneDescriptors();
  return cached;
}

/** Checks editor text against the control plane's built-in and Karmada kinds. */
export function checkEditorManifest(text: string): ManifestCheck {
  return checkManifest(text, consoleDescriptors());
}
