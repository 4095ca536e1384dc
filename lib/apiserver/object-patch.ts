import type { ResourceDescriptor } from "../kube/resource-descriptor";
import { apiVersionOf } from "../kube/resource-descriptor";
import type { PatchType } from "../kube/client";
import type { KubeObject } from "../kube/types";
import { ApiError, errors } from "../kube/errors";
import { applyJsonPatch, applyMergePatchShared, unsupportedPatchType } from "./patch/index";
import type { ObjectApi, WriteQuery } from "./object-api";
import { prepareUpdate } from "./write-pipeline";
import { enforceFieldValidation } from "./strict-fields";

/**
 * PATCH semantics: the four patch types, applied to the stored object and then sent through
 * the same update pipeline as a PUT. A resourceVersion in the patched result is a
 * precondition (kubectl's SSA migration relies on it). Apply patches create missing objects.
 * Storage conflicts from concurrent writers are retried, like GuaranteedUpdate does.
 */
export interface PatchQuery extends WriteQuery {
  force?: boolean;
  subresource?: "status";
}

export interface PatchResult {
  object: KubeObject;
  created: boolean;
}

const PATCH_TYPES_COMMON = ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"];
const MAX_ATTEMPTS = 5;

export function acceptedPatchTypes(api: ObjectApi, d: ResourceDescriptor): string[] {
  const smp = api.fields.supportsStrategicMerge?.(apiVersionOf(d), d.kind) && api.fields.strategicMerge;
  return smp ? [...PATCH_TYPES_COMMON.slice(0, 2), "application/strategic-merge-patch+json", PATCH_TYPES_COMMON[2]] : PATCH_TYPES_COMMON;
}

export async function patchObject(
  api: ObjectApi,
  d: ResourceDescriptor,
  namespace: string | undefined,
  name: string,
  type: string,
  body: unknown,
  q: PatchQuery = {},
): Promise<PatchResult> {
  if (!acceptedPatchTypes(api, d).includes(type)) throw unsupportedPatchType(acceptedPatchTypes(api, d));
  if (type === "application/apply-patch+yaml" && !api.fields.apply) throw unsupportedPatchType(PATCH_TYPES_COMMON.slice(0, 2));
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptPatch(api, d, namespace, name, type as PatchType, body, q);
    } catch (e) {
      if (!(ApiError.is(e, "Conflict") && (e as ApiError).status.details?.causes === undefined && attempt < MAX_ATTEMPTS && !pinsVersion(type, body))) throw e;
    }
  }
}

/** A patch that names a resourceVersion wants that exact version: never retry it. */
function pinsVersion(type: string, body: unknown): boolean {
  return JSON.stringify(body ?? null).includes("resourceVersion") && type !== "application/apply-patch+yaml";
}

async function attemptPatch(
  api: ObjectApi,
  d: ResourceDescriptor,
  namespace: string | undefined,
  name: string,
  type: PatchType,
  body: unknown,
  q: PatchQuery,
): Promise<PatchResult> {
  const old = await api.read(d, namespace, name);
  if (type === "application/apply-patch+yaml") return applyPatch(api, d, namespace, name, old, body, q);
  if (!old) throw errors.notFound(d.plural, name, d.group || undefined);
  const patched = applyByType(api, d, old, type, body);
  checkPatchedIdentity(api, d, old, patched);
  enforceFieldValidation(d, patched, q.fieldValidation, q.warnings, q.duplicateFields);
  // Every patch result is a fresh root the pipeline may edit (merge patches share the rest with `old`).
  const next = prepareUpdate(patched, { descriptor: d, old, subresource: q.subresource, owned: true });
  return { object: await api.commitUpdate(d, old, next, q), created: false };
}

function applyByType(api: ObjectApi, d: ResourceDescriptor, old: KubeObject, type: PatchType, body: unknown): KubeObject {
  switch (type) {
    case "application/json-patch+json":
      return applyJsonPatch(old, body); // copies `old` itself
    case "application/merge-patch+json":
      // Copy-on-write: what the patch does not touch stays `old`'s, which later steps detect by reference.
      return applyMergePatchShared(old, body);
    case "application/strategic-merge-patch+json":
      return api.fields.strategicMerge!({ doc: old, patch: body, apiVersion: apiVersionOf(d), kind: d.kind });
    default:
      throw unsupportedPatchType(acceptedPatchTypes(api, d));
  }
}

/** The patched object must still be the same object at the version the patch started from. */
function checkPatchedIdentity(api: ObjectApi, d: ResourceDescriptor, old: KubeObject, patched: KubeObject): void {
  if (!patched || typeof patched !== "object" || Array.isArray(patched)) throw errors.badRequest("the patch must produce an object");
  const rv = patched.metadata?.resourceVersion;
  if (rv !== undefined && rv !== "" && rv !== old.metadata.resourceVersion) throw api.conflict(d, old.metadata.name ?? "");
  if (patched.metadata?.name !== undefined && patched.metadata.name !== old.metadata.name)
    throw errors.badRequest(`the name of the object (${patched.metadata.name}) does not match the name on the URL (${old.metadata.name})`);
  if (patched.metadata?.uid !== undefined && patched.metadata.uid !== old.metadata.uid)
    throw errors.conflict(d.plural, old.metadata.name ?? "", `Precondition failed: UID in precondition: ${patched.metadata.uid}, UID in object meta: ${old.metadata.uid}`, d.group || undefined);
}

async function applyPatch(
  api: ObjectApi,
  d: ResourceDescriptor,
  namespace: string | undefined,
  name: string,
  old: KubeObject | undefined,
  body: unknown,
  q: PatchQuery,
): Promise<PatchResult> {
  if (!q.fieldManager) throw errors.badRequest("PATCH is only supported with a fieldManager for apply requests (fieldManager: Required value: is required for apply patch)");
  const applied = body as KubeObject;
  if (!applied || typeof applied !== "object" || Array.isArray(applied)) throw errors.badRequest("the apply body must be an object");
  if (applied.metadata?.name !== undefined && applied.metadata.name !== name)
    throw errors.badRequest(`the name of the object (${applied.metadata.name}) does not match the name on the URL (${name})`);
  enforceFieldValidation(d, applied, q.fieldValidation, q.warnings, q.duplicateFields);
  const args = { applied, manager: q.fieldManager, force: !!q.force, apiVersion: apiVersionOf(d), now: api.clock(), subresource: q.subresource };
  if (!old) {
    if (q.subresource) throw errors.notFound(d.plural, name, d.group || undefined);
    const merged = api.fields.apply!({ ...args, live: undefined });
    merged.metadata = { ...merged.metadata, name, ...(d.namespaced ? { namespace } : {}) };
    const object = await api.create(d, namespace, merged, { ...q, fieldManager: undefined, fieldValidation: "Ignore", keepManagedFields: true });
    return { object, created: true };
  }
  const merged = api.fields.apply!({ ...args, live: old });
  checkPatchedIdentity(api, d, old, merged);
  const next = prepareUpdate(merged, { descriptor: d, old, subresource: q.subresource });
  return { object: await api.commitUpdate(d, old, next, { ...q, skipFieldManagement: true }), created: false };
}
