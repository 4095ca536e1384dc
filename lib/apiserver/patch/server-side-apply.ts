import { errors } from "../../kube/errors";
import type { JsonObject, KubeObject } from "../../kube/types";
import { applyConflictError } from "./apply-conflicts";
import { FieldSet } from "./field-set";
import { compareObjects, toFieldSet } from "./field-walk";
import { cloneJson, isJsonObject, jsonEqual } from "./json-value";
import {
  decodeManagedFields,
  encodeManagedFields,
  managedFieldsTime,
  managerKey,
  moveOwnership,
  ownable,
  ownedFieldSet,
} from "./managed-fields";
import type { ManagerRecord } from "./managed-fields";
import { fieldSchemaFor } from "./patch-meta";
import type { PatchMeta } from "./patch-meta-types";
import { mergeApplied, removeItems } from "./ssa-merge";

/** kubectl's client-side apply annotation. */
export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

export interface ServerSideApplyArgs {
  /** The stored object, absent when the apply creates it. */
  live?: KubeObject;
  /** The applied configuration (request body, already parsed from YAML/JSON). */
  applied: KubeObject;
  /** `fieldManager` query parameter (required for apply). */
  manager: string;
  /** `force=true`: take conflicting fields from other managers instead of failing. */
  force: boolean;
  /** apiVersion of the endpoint; the applied object must use it. */
  apiVersion: string;
  /** Current time (ISO); recorded in the manager's entry when the object changes. */
  now: string;
  /** "status" when applying to the status subresource. */
  subresource?: string;
  /** Field schema; defaults to the built-in schema of the kind or the deduced one. */
  meta?: PatchMeta;
}

/**
 * Server-side apply (`application/apply-patch+yaml`) as kube-apiserver's field manager does it:
 * merges the applied configuration into the live object, removes fields this manager applied
 * before and no longer applies (unless another manager owns them), fails with 409 on fields
 * other managers own with different values (unless `force`, which takes them over), and
 * records the manager's Apply entry in metadata.managedFields. Never a full replacement: fields
 * the configuration does not mention are left alone. The main resource ignores `status`; the
 * status subresource applies only `status`.
 * Returns the new object (identity fields come from the live object when present).
 */
export function serverSideApply(args: ServerSideApplyArgs): KubeObject {
  validateApplied(args);
  const meta = args.meta ?? fieldSchemaFor(args.applied.apiVersion, args.applied.kind);
  const live = (args.live ? cloneJson(args.live) : {}) as unknown as JsonObject;
  delete (live.metadata as JsonObject | undefined)?.managedFields;
  const records = initialRecords(args, live, meta);
  const config = scopeConfig(args.applied as unknown as JsonObject, args.subresource);
  const appliedSet = ownable(toFieldSet(config, meta), args.subresource);

  const self: ManagerRecord = { manager: args.manager, operation: "Apply", apiVersion: args.apiVersion, set: appliedSet };
  if (args.subresource) self.subresource = args.subresource;
  const key = managerKey(self);
  const prev = records.find((r) => managerKey(r) === key);
  const lastSet = prev?.set;
  const others = records.filter((r) => managerKey(r) !== key);
  const all = [...others, self];

  let merged = mergeApplied(live, config, meta) as JsonObject;
  if (lastSet && !lastSet.isEmpty()) {
    const owned = all.reduce((acc, r) => acc.union(r.set), new FieldSet());
    merged = removeItems(merged, keepAncestorsOfOwned(lastSet.difference(owned), owned), meta);
  }
  const force = args.force || allowedByLastApplied(args, live, merged, others, meta);
  const { conflicts } = moveOwnership({ records: others, oldObj: live, newObj: merged, meta, self: key, subresource: args.subresource, force });
  if (conflicts.size && !force) throw applyConflictError(conflicts, others);

  const changed = !jsonEqual(live, merged);
  self.time = changed || !prev?.time ? managedFieldsTime(args.now) : prev.time;
  if (args.manager === "kubectl") syncLastApplied(merged, args.applied);
  const metadata = (merged.metadata ?? {}) as JsonObject;
  merged.metadata = metadata;
  metadata.managedFields = encodeManagedFields([...others, self]) as unknown as JsonObject[];
  return merged as unknown as KubeObject;
}

/**
 * A container the manager used to own as a whole (the "." marker kubectl's client-side-apply
 * migration leaves, e.g. `f:data: {".": {}}`) must not be removed while fields inside it are
 * still owned: only the fields nobody owns any more go.
 */
function keepAncestorsOfOwned(remove: FieldSet, owned: FieldSet): FieldSet {
  if (!remove.children) return remove;
  for (const [pe, sub] of remove.children) {
    const ownedSub = owned.get(pe);
    if (!ownedSub) continue;
    if (sub.member && ownedSub.children && !ownedSub.isEmpty()) sub.member = false;
    keepAncestorsOfOwned(sub, ownedSub);
  }
  return remove;
}

function validateApplied(args: ServerSideApplyArgs): void {
  const a = args.applied;
  if (!isJsonObject(a as unknown)) throw errors.badRequest("error decoding YAML: the applied configuration is not an object");
  if (a.apiVersion !== args.apiVersion) {
    throw errors.badRequest(`Incorrect version specified in apply patch. Specified patch version: ${a.apiVersion ?? ""}, expected: ${args.apiVersion}`);
  }
  if (a.metadata?.managedFields != null) throw errors.badRequest("metadata.managedFields must be nil");
}

/** The live managers; an object nobody manages yet is owned by "before-first-apply". */
function initialRecords(args: ServerSideApplyArgs, live: JsonObject, meta: PatchMeta): ManagerRecord[] {
  const records = decodeManagedFields(args.live?.metadata?.managedFields);
  if (records.length || !args.live) return records;
  const set = ownedFieldSet(live, meta, args.subresource);
  if (set.isEmpty()) return records;
  return [{ manager: "before-first-apply", operation: "Update", apiVersion: args.apiVersion, time: managedFieldsTime(args.now), set }];
}

/** What of the configuration the endpoint applies: no `status` on the main resource, only `status` on the status subresource. */
function scopeConfig(applied: JsonObject, subresource?: string): JsonObject {
  const config = { ...applied };
  delete config.status;
  if (subresource === "status") {
    const out: JsonObject = { apiVersion: applied.apiVersion, kind: applied.kind };
    if ("status" in applied) out.status = applied.status;
    return out;
  }
  if (isJsonObject(config.metadata)) {
    const m = { ...config.metadata };
    delete m.managedFields;
    config.metadata = m;
  }
  return config;
}

/**
 * kube lets `kubectl` (only that manager) take over fields from client-side apply when the
 * conflicting fields are exactly what the last-applied annotation recorded and nobody changed
 * them since (lastAppliedManager): the upgrade path from `kubectl apply` to `--server-side`.
 */
function allowedByLastApplied(args: ServerSideApplyArgs, live: JsonObject, merged: JsonObject, others: ManagerRecord[], meta: PatchMeta): boolean {
  if (args.manager !== "kubectl") return false;
  const raw = (live.metadata as { annotations?: Record<string, string> } | undefined)?.annotations?.[LAST_APPLIED_ANNOTATION];
  if (!raw) return false;
  let lastApplied: JsonObject;
  try {
    lastApplied = JSON.parse(raw) as JsonObject;
  } catch {
    return false;
  }
  if (!isJsonObject(lastApplied)) return false;
  const { conflicts } = moveOwnership({ records: others.map((r) => ({ ...r })), oldObj: live, newObj: merged, meta, subresource: args.subresource, force: false });
  if (!conflicts.size) return false;
  const cmp = compareObjects(lastApplied, live, meta);
  const allowed = toFieldSet(lastApplied, meta).difference(cmp.modified);
  for (const set of conflicts.values()) if (!set.difference(allowed).isEmpty()) return false;
  return true;
}

/** SSA by `kubectl` keeps an existing client-side last-applied annotation in step (lastAppliedUpdater). */
function syncLastApplied(obj: JsonObject, applied: KubeObject): void {
  const annotations = (obj.metadata as { annotations?: Record<string, string> } | undefined)?.annotations;
  if (!annotations || !(LAST_APPLIED_ANNOTATION in annotations)) return;
  const copy = cloneJson(applied) as unknown as JsonObject;
  const meta = copy.metadata as { annotations?: Record<string, string> } | undefined;
  if (meta?.annotations) delete meta.annotations[LAST_APPLIED_ANNOTATION];
  annotations[LAST_APPLIED_ANNOTATION] = sortedJson(copy) + "\n";
}

/** JSON with sorted keys, as Go's encoder writes maps. */
function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return "[" + v.map(sortedJson).join(",") + "]";
  if (isJsonObject(v)) return "{" + Object.keys(v).sort().map((k) => JSON.stringify(k) + ":" + sortedJson(v[k])).join(",") + "}";
  return JSON.stringify(v);
}
