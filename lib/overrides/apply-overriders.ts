import type { KubeObject } from "../kube/types";
import type { Overriders } from "../kube/karmada";
import type { JsonPatchOperation } from "./json-patch";
import { applyJsonPatch } from "./json-patch";
import { imageOverriderPatches } from "./image-overrider";
import { commandArgsPatches } from "./command-args-overrider";
import { labelAnnotationPatches } from "./label-annotation-overrider";
import { fieldOverriderPatch } from "./field-overrider";
import { cloneJson } from "../store/json-clone";

/**
 * Applies one rule's overriders to a manifest in Karmada's fixed order: imageOverrider,
 * commandOverrider, argsOverrider, labelsOverrider, annotationsOverrider, fieldOverrider,
 * plaintext. Each overrider entry is turned into JSON patches against the manifest as it is at
 * that moment and applied before the next one. Returns the new manifest and every patch
 * applied; throws (without touching the input) when any step fails.
 */
export function applyOverriders(manifest: KubeObject, overriders: Overriders): { manifest: KubeObject; patches: JsonPatchOperation[] } {
  let doc = manifest;
  const applied: JsonPatchOperation[] = [];
  const step = (patches: JsonPatchOperation[]) => {
    if (!patches.length) return;
    doc = applyJsonPatch(doc, patches);
    applied.push(...patches);
  };
  for (const o of overriders.imageOverrider ?? []) step(imageOverriderPatches(doc, o));
  for (const o of overriders.commandOverrider ?? []) step(commandArgsPatches("command", doc, o));
  for (const o of overriders.argsOverrider ?? []) step(commandArgsPatches("args", doc, o));
  for (const o of overriders.labelsOverrider ?? []) step(labelAnnotationPatches("labels", doc, o));
  for (const o of overriders.annotationsOverrider ?? []) step(labelAnnotationPatches("annotations", doc, o));
  for (const o of overriders.fieldOverrider ?? []) step([fieldOverriderPatch(doc, o)]);
  // An absent plaintext value is sent as JSON null, as Karmada's apiextensions JSON does.
  step((overriders.plaintext ?? []).map((p) => ({ op: p.operator, path: p.path, value: p.value ?? null })));
  return { manifest: doc === manifest ? cloneJson(manifest) : doc, patches: applied };
}
