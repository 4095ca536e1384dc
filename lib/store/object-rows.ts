import { internValues } from "./string-pool";
import type { StorageEvent } from "../apiserver/storage";
import type { KubeObject } from "../kube/types";
import type { Row } from "./sql-client";

/** Columns derived from an object for indexing; the object itself stays the source of truth. */
export function objectColumns(obj: KubeObject) {
  const m = obj.metadata ?? {};
  return {
    uid: typeof m.uid === "string" ? m.uid : "",
    kind: typeof obj.kind === "string" ? obj.kind : "",
    rv: Number(m.resourceVersion),
    generation: Number.isSafeInteger(m.generation) ? m.generation : 0,
    labels: m.labels && typeof m.labels === "object" ? m.labels : {},
    deletion_timestamp: isoOrNull(m.deletionTimestamp),
    created_at: isoOrNull(m.creationTimestamp),
  };
}

/** A timestamp Postgres will accept, or null: a malformed one must not fail a whole group commit. */
function isoOrNull(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** jsonb comes back parsed from pg and PGlite; be tolerant of text in case a driver is configured otherwise. */
export function asObject(v: unknown): KubeObject {
  const obj = (typeof v === "string" ? JSON.parse(v) : v) as KubeObject;
  // Fresh from the driver: pool its strings before caches keep it (string-pool.ts).
  internValues(obj);
  return obj;
}

/** A row of object_events as a StorageEvent. */
export function eventFromRow(r: Row): StorageEvent {
  return {
    type: r.type as StorageEvent["type"],
    key: { group: r.group as string, resource: r.resource as string },
    namespace: r.namespace as string,
    name: r.name as string,
    object: asObject(r.object),
    resourceVersion: String(r.rv),
  };
}
