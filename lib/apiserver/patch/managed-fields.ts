import type { JsonObject, KubeObject, ManagedFieldsEntry } from "../../kube/types";
import { FieldSet, fieldPE } from "./field-set";
import { compareObjects, toFieldSet } from "./field-walk";
import type { Comparison } from "./field-walk";
import { fieldSchemaFor } from "./patch-meta";
import type { PatchMeta } from "./patch-meta-types";
import { jsonEqual } from "./json-value";

/** One manager's ownership: its managedFields entry (minus fieldsV1) and its decoded set. */
export interface ManagerRecord {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  time?: string;
  subresource?: string;
  set: FieldSet;
}

/** Fields nobody owns: identity and server-maintained metadata (stripmeta.go). */
const STRIPPED = new FieldSet()
  .insert([fieldPE("apiVersion")])
  .insert([fieldPE("kind")])
  .insert([fieldPE("metadata")]);
for (const f of ["name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName", "generation", "managedFields", "resourceVersion"]) {
  STRIPPED.insert([fieldPE("metadata"), fieldPE(f)]);
}

/**
 * Restricts a set to what a write through `subresource` may own: the main resource never owns
 * `status` (it is reset there), the status subresource owns only `status`.
 */
export function ownable(set: FieldSet, subresource?: string): FieldSet {
  const s = set.difference(STRIPPED);
  if (subresource === "status") return s.only(fieldPE("status"));
  return s.without(fieldPE("status"));
}

/** The field set of an object as `subresource` may own it. */
export function ownedFieldSet(obj: JsonObject, meta: PatchMeta, subresource?: string): FieldSet {
  return ownable(toFieldSet(obj, meta), subresource);
}

/** Compares two objects, restricted to what `subresource` may own. */
export function compareOwnable(oldObj: JsonObject, newObj: JsonObject, meta: PatchMeta, subresource?: string): Comparison {
  const c = compareObjects(ownableView(oldObj, subresource), ownableView(newObj, subresource), meta);
  return { added: ownable(c.added, subresource), modified: ownable(c.modified, subresource), removed: ownable(c.removed, subresource) };
}

/**
 * The part of an object a write through `subresource` can own, as a shallow view: `status`
 * alone for the status subresource, else everything but `status` and metadata.managedFields.
 * Comparing views instead of whole objects skips walking what `ownable` discards anyway.
 */
function ownableView(obj: JsonObject, subresource?: string): JsonObject {
  if (subresource === "status") return obj.status === undefined ? {} : { status: obj.status };
  const { status: _s, ...rest } = obj;
  const meta = rest.metadata;
  if (isPlainMeta(meta) && meta.managedFields !== undefined) {
    const { managedFields: _m, ...m } = meta;
    rest.metadata = m;
  }
  return rest;
}

function isPlainMeta(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Identity of a manager: Apply entries ignore apiVersion, Update entries include it. */
export function managerKey(r: Pick<ManagerRecord, "manager" | "operation" | "apiVersion" | "subresource">): string {
  // NUL never occurs in these names (kube requires printable managers), so the join is unambiguous
  // and much cheaper than JSON.stringify on a path run for every record of every write.
  return `${r.manager}\u0000${r.operation}\u0000${r.operation === "Apply" ? "" : r.apiVersion}\u0000${r.subresource ?? ""}`;
}

/**
 * FieldsV1 a set was decoded from, when that came from the stored object (written by this
 * encoder, so canonical). Sets are replaced, never edited, when ownership moves, so a record
 * whose set is still the decoded one re-encodes to exactly this value: reuse it.
 */
const storedEncoding = new WeakMap<FieldSet, JsonObject>();

/**
 * Decodes metadata.managedFields; entries with unknown field types are skipped. `stored` marks
 * entries read from the stored object, whose encoding can be reused (see storedEncoding).
 */
export function decodeManagedFields(entries: readonly ManagedFieldsEntry[] | undefined, stored = false): ManagerRecord[] {
  const out: ManagerRecord[] = [];
  for (const e of entries ?? []) {
    if (!e || typeof e.manager !== "string" || (e.operation !== "Apply" && e.operation !== "Update")) continue;
    const r: ManagerRecord = { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion, set: FieldSet.fromFieldsV1(e.fieldsV1) };
    if (stored && isPlainMeta(e.fieldsV1)) storedEncoding.set(r.set, e.fieldsV1);
    if (e.time) r.time = e.time;
    if (e.subresource) r.subresource = e.subresource;
    out.push(r);
  }
  return out;
}

/** Encodes records in kube's order (Apply before Update, then time, manager, apiVersion, subresource); empty sets vanish. */
export function encodeManagedFields(records: readonly ManagerRecord[]): ManagedFieldsEntry[] {
  const live = records.filter((r) => !r.set.isEmpty());
  live.sort((p, q) => {
    if (p.operation !== q.operation) return p.operation < q.operation ? -1 : 1;
    const pt = seconds(p.time);
    const qt = seconds(q.time);
    if (pt !== qt) return pt - qt;
    if (p.manager !== q.manager) return p.manager < q.manager ? -1 : 1;
    if (p.apiVersion !== q.apiVersion) return p.apiVersion < q.apiVersion ? -1 : 1;
    return (p.subresource ?? "") < (q.subresource ?? "") ? -1 : (p.subresource ?? "") > (q.subresource ?? "") ? 1 : 0;
  });
  return live.map((r) => {
    // Key order mirrors kube's JSON so stored objects read the same.
    const e: ManagedFieldsEntry = {
      manager: r.manager,
      operation: r.operation,
      apiVersion: r.apiVersion,
      ...(r.time ? { time: r.time } : {}),
      fieldsType: "FieldsV1",
      fieldsV1: storedEncoding.get(r.set) ?? r.set.toFieldsV1(),
      ...(r.subresource ? { subresource: r.subresource } : {}),
    };
    return e;
  });
}

function seconds(t: string | undefined): number {
  if (!t) return 0;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? 0 : Math.floor(ms / 1000);
}

/**
 * `a ∪ b`, returning one operand itself when the other is empty (a create has no previous
 * owners; most writes only add or only modify). Sets are never edited in place here, so
 * sharing is safe, and it spares a deep copy of the whole field set on every create.
 */
function unionOf(a: FieldSet, b: FieldSet): FieldSet {
  if (b.isEmpty()) return a;
  if (a.isEmpty()) return b;
  return a.union(b);
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** managedFields times are RFC 3339 with whole seconds, in UTC. */
export function managedFieldsTime(now: string | Date): string {
  // Date#toISOString output (what the write path passes) only needs its fraction dropped.
  if (typeof now === "string" && ISO_UTC.test(now)) return now.replace(/\.\d+Z$/, "Z");
  const d = typeof now === "string" ? new Date(now) : now;
  if (Number.isNaN(d.getTime())) return String(now);
  return d.toISOString().replace(/\.\d+Z$/, "Z");
}

/**
 * The manager of a write: the `fieldManager` parameter, else the User-Agent up to its first "/"
 * ("kubectl/v1.32.0 (linux/amd64)" → "kubectl"), as kube-apiserver derives it.
 */
export function defaultFieldManager(fieldManager?: string, userAgent?: string): string {
  if (fieldManager) return fieldManager;
  const prefix = (userAgent ?? "").split("/")[0];
  return prefix || "unknown";
}

/**
 * Which managedFields a write starts from (decodeLiveOrNew): `[]` or `[{}]` in the new object
 * resets them, other non-empty values sent by the client win, else the live object's are kept.
 */
export function startingRecords(live: KubeObject | undefined, updated: KubeObject): ManagerRecord[] {
  const sent = updated.metadata?.managedFields;
  const stored = live?.metadata?.managedFields;
  // A patch that left managedFields alone hands back the stored list itself; a controller's
  // update sends back an equal copy of it. Either way the stored encodings can be reused.
  if (sent !== undefined && (sent === stored || (Array.isArray(sent) && sent.length > 0 && jsonEqual(sent, stored)))) return decodeManagedFields(stored, true);
  if (Array.isArray(sent)) {
    if (sent.length === 0) return [];
    if (sent.length === 1 && sent[0] && Object.keys(sent[0]).length === 0) return [];
    const decoded = decodeManagedFields(sent);
    if (decoded.length) return decoded;
  }
  return decodeManagedFields(stored, true);
}

/** Result of moving ownership for a change: conflicts found per manager key. */
export interface OwnershipUpdate {
  compare: Comparison;
  conflicts: Map<string, FieldSet>;
}

/**
 * The core of merge.Updater.update: compares old and new, finds fields other managers own that
 * the change modifies (conflicts), and — unless the caller stops on conflicts — takes those
 * fields from them and drops removed fields from everyone. `records` is updated in place.
 */
export function moveOwnership(args: {
  records: ManagerRecord[];
  oldObj: JsonObject;
  newObj: JsonObject;
  meta: PatchMeta;
  self?: string;
  subresource?: string;
  force: boolean;
}): OwnershipUpdate {
  const compare = compareOwnable(args.oldObj, args.newObj, args.meta, args.subresource);
  const changed = unionOf(compare.modified, compare.added);
  const conflicts = new Map<string, FieldSet>();
  for (const r of args.records) {
    const key = managerKey(r);
    if (key === args.self) continue;
    const c = r.set.intersection(changed);
    if (!c.isEmpty()) conflicts.set(key, c);
  }
  if (!args.force && conflicts.size) return { compare, conflicts };
  for (const r of args.records) {
    if (managerKey(r) === args.self) continue;
    const c = conflicts.get(managerKey(r));
    if (c) r.set = r.set.difference(c);
    if (!compare.removed.isEmpty()) r.set = r.set.difference(compare.removed);
  }
  return { compare, conflicts };
}

/**
 * managedFields after a non-apply write (create, update/PUT, JSON/merge/strategic patch):
 * `manager` (operation Update, this apiVersion and subresource) gains the fields the write added
 * or changed, every manager loses the fields it removed, and the entry's time becomes `now`
 * only when the write changed something. `old` is absent on create.
 */
export function updateManagedFieldsForUpdate(args: {
  old?: KubeObject;
  updated: KubeObject;
  manager: string;
  apiVersion: string;
  now: string;
  subresource?: string;
  meta?: PatchMeta;
}): ManagedFieldsEntry[] {
  const meta = args.meta ?? fieldSchemaFor(args.updated.apiVersion, args.updated.kind);
  const records = startingRecords(args.old, args.updated);
  const oldObj = (args.old ?? {}) as unknown as JsonObject;
  const self: ManagerRecord = { manager: args.manager, operation: "Update", apiVersion: args.apiVersion, set: new FieldSet() };
  if (args.subresource) self.subresource = args.subresource;
  const key = managerKey(self);
  // The writer's own entry is left to the end, as in structured-merge-diff's Updater.Update:
  // it becomes (owned − removed) ∪ gained, and keeps its set object (so its stored encoding)
  // when that changes nothing, the common case of a controller re-writing its own fields.
  const { compare } = moveOwnership({ records, oldObj, newObj: args.updated as unknown as JsonObject, meta, subresource: args.subresource, force: true, self: key });
  const gained = unionOf(compare.modified, compare.added);
  const prev = records.find((r) => managerKey(r) === key);
  if (prev && !compare.removed.isEmpty() && !prev.set.intersection(compare.removed).isEmpty()) prev.set = prev.set.difference(compare.removed);
  if (!gained.isEmpty()) {
    const target = prev ?? (records.push(self), self);
    if (!target.set.contains(gained)) target.set = unionOf(target.set, gained);
    target.time = managedFieldsTime(args.now);
  }
  return encodeManagedFields(records);
}
