import type { ResourceKey, StorageEvent } from "../apiserver/storage";
import { errors } from "../kube/errors";
import type { KubeObject } from "../kube/types";
import { cloneJson, internedCopy } from "./json-clone";
import { writeResult } from "./resource-version";

/** One queued write. `expectedRv` "" / undefined = unconditional. */
export type WriteOp =
  | { kind: "create"; key: ResourceKey; namespace: string; name: string; object: KubeObject }
  | { kind: "update"; key: ResourceKey; namespace: string; name: string; object: KubeObject; expectedRv: string }
  | { kind: "delete"; key: ResourceKey; namespace: string; name: string; expectedRv?: string };

/** `object`: the caller's own result (never the store's shared copy). */
export type WriteOutcome = { ok: true; object: KubeObject } | { ok: false; error: Error };

export interface WritePlan {
  outcomes: WriteOutcome[];
  /** Final state per touched key: the object to store, or null to delete the row. */
  finals: Map<string, { key: ResourceKey; namespace: string; name: string; object: KubeObject | null }>;
  /** Events in resourceVersion order, base+1 … base+events.length. */
  events: StorageEvent[];
  /** The counter after this batch. */
  lastRv: number;
}

export const CONFLICT_MESSAGE = "the object has been modified; please apply your changes to the latest version and try again";

/** Row identity across resources, for maps keyed by stored object. */
export function rowId(key: ResourceKey, namespace: string, name: string): string {
  return JSON.stringify([key.group, key.resource, namespace, name]);
}

/**
 * Plans a group commit: runs the queued ops in order against the current rows (as read under
 * the counter lock), each with its own existence and compare-and-set check, numbering the
 * successful ones base+1, base+2, … Failed ops consume no number, so versions stay contiguous.
 * Pure: the caller reads `current` and writes the plan in one transaction.
 */
export function planWrites(ops: WriteOp[], current: Map<string, KubeObject>, baseRv: number): WritePlan {
  const state = new Map(current);
  const finals: WritePlan["finals"] = new Map();
  const events: StorageEvent[] = [];
  const outcomes: WriteOutcome[] = [];
  let rv = baseRv;
  for (const op of ops) {
    const id = rowId(op.key, op.namespace, op.name);
    const existing = state.get(id);
    const error = check(op, existing);
    if (error) {
      outcomes.push({ ok: false, error });
      continue;
    }
    rv++;
    const source = op.kind === "delete" ? existing! : op.object;
    // The store's one private copy of the write: rows, events, the read cache and read-only
    // watchers share it, so it never reaches a caller uncopied.
    const stamped = internedCopy(source);
    const version = String(rv);
    stamped.metadata.resourceVersion = version;
    if (op.kind === "delete") state.delete(id);
    else state.set(id, stamped);
    finals.set(id, { key: op.key, namespace: op.namespace, name: op.name, object: op.kind === "delete" ? null : stamped });
    const type = op.kind === "create" ? "ADDED" : op.kind === "update" ? "MODIFIED" : "DELETED";
    events.push({ type, key: { group: op.key.group, resource: op.key.resource }, namespace: op.namespace, name: op.name, object: stamped, resourceVersion: version });
    // A create or update answers with the caller's own object re-rooted (no second deep copy);
    // a delete's last state exists only as the store's copy, so its caller gets a copy of that.
    outcomes.push({ ok: true, object: op.kind === "delete" ? cloneJson(stamped) : writeResult(op.object, version) });
  }
  return { outcomes, finals, events, lastRv: rv };
}

function check(op: WriteOp, existing: KubeObject | undefined): Error | undefined {
  const { resource, group } = op.key;
  if (op.kind === "create") return existing ? errors.alreadyExists(resource, op.name, group) : undefined;
  if (!existing) return errors.notFound(resource, op.name, group);
  if (op.expectedRv && existing.metadata.resourceVersion !== op.expectedRv) return errors.conflict(resource, op.name, CONFLICT_MESSAGE, group);
  return undefined;
}
