import { ApiError, statusFailure } from "../../kube/errors";
import type { StatusCause } from "../../kube/types";
import type { FieldSet } from "./field-set";
import { pathString } from "./field-set";
import type { ManagerRecord } from "./managed-fields";
import { managerKey } from "./managed-fields";

/**
 * How kube prints a manager in conflict messages (printManager): `"name"` for appliers,
 * `"name" using v1 at 2024-01-01T00:00:00Z` for updaters, with `with subresource "status"`.
 */
export function printManager(r: ManagerRecord): string {
  let s = JSON.stringify(r.manager);
  if (r.subresource) s += ` with subresource ${JSON.stringify(r.subresource)}`;
  if (r.operation !== "Update") return s;
  return r.time ? `${s} using ${r.apiVersion} at ${r.time}` : `${s} using ${r.apiVersion}`;
}

/**
 * The 409 Conflict of a failed apply (NewConflictError): one cause per conflicting field with
 * reason FieldManagerConflict, and the message kubectl prints before its --force-conflicts advice.
 */
export function applyConflictError(conflicts: Map<string, FieldSet>, records: readonly ManagerRecord[]): ApiError {
  const byKey = new Map(records.map((r) => [managerKey(r), r]));
  const groups = [...conflicts.entries()]
    .map(([key, set]) => ({ label: printManager(byKey.get(key)!), name: byKey.get(key)!.manager, paths: set.paths().map(pathString) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.label < b.label ? -1 : 1));
  const causes: StatusCause[] = [];
  for (const g of groups) for (const p of g.paths) causes.push({ reason: "FieldManagerConflict", message: `conflict with ${g.label}`, field: p });
  let message: string;
  if (causes.length === 1) {
    message = `Apply failed with 1 conflict: conflict with ${groups[0].label}: ${groups[0].paths[0]}`;
  } else {
    const lines: string[] = [];
    for (const g of groups) {
      lines.push(`conflicts with ${g.label}:`);
      for (const p of g.paths) lines.push(`- ${p}`);
    }
    message = `Apply failed with ${causes.length} conflicts: ${lines.join("\n")}`;
  }
  return new ApiError(statusFailure(409, "Conflict", message, { causes }));
}
