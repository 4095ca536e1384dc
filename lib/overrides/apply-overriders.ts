import type { KubeObject } from "../kube/types";
import type { Overriders } from "../kube/karmada";
import type { JsonPatchOperation } from "./json-patch";
import { applyJsonPatch } from "./json-patch";
import { imageOverriderPatches } from "./image-overrider";
import { commandArgsPatches } from "./command-args-overrider";
import { labelAnnotationPatches } from "./label-annotation-overrider";
import { fieldOverriderPatch } from "./field-overrider";
import { cloneJson } from "../store/json-clone";
import { goJsonStringify } from "./go-json";

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
    checkDecodable(doc);
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
  // Karmada applies the plaintext patch list even when it is empty, so every rule ends with the
  // object going through Unstructured.UnmarshalJSON once.
  checkDecodable(doc);
  return { manifest: doc === manifest ? cloneJson(manifest) : doc, patches: applied };
}

/**
 * Karmada writes every patched object back with Unstructured.UnmarshalJSON, which fails unless
 * the document is an object whose apiVersion parses and whose kind is set.
 */
function checkDecodable(doc: unknown): void {
  if (doc !== null && (typeof doc !== "object" || Array.isArray(doc))) {
    const what = Array.isArray(doc) ? "array" : typeof doc === "boolean" ? "bool" : typeof doc;
    throw new Error(`json: cannot unmarshal ${what} into Go value of type map[string]interface {}`);
  }
  const { apiVersion, kind } = (doc ?? {}) as Record<string, unknown>;
  // GroupVersionKind() is empty when apiVersion has more than one "/".
  const badVersion = typeof apiVersion === "string" && apiVersion.split("/").length > 2;
  if (typeof kind !== "string" || kind === "" || badVersion) throw new Error(`Object 'Kind' is missing in '${goJsonStringify(doc)}'`);
}
