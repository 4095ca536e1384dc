import type { PrinterColumn, ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";
import { humanDuration } from "../kube/resources/format";

/**
 * Server-side printing: meta.k8s.io Tables for `kubectl get` (kube-api-surface.md §3).
 * Cells are final strings/numbers; dates become ages like kubectl's (5s, 3m2s, 10m, 3h4m, 5d).
 */
export type TableVersion = "v1" | "v1beta1";
export type IncludeObject = "None" | "Metadata" | "Object";

export interface TableOptions {
  version: TableVersion;
  includeObject: IncludeObject;
  now: Date;
  /** Only the first event of a watch needs the column definitions. */
  omitHeaders?: boolean;
}

const NAME_COLUMN = {
  name: "Name",
  type: "string",
  format: "name",
  description: "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
  priority: 0,
};

const AGE_COLUMN: PrinterColumn = {
  name: "Age",
  type: "date",
  description: "CreationTimestamp is a timestamp representing the server time when this object was created.",
  cell: (o) => o.metadata.creationTimestamp,
};

/** Columns after NAME: the descriptor's, or just AGE (kube's default table). */
export function columnsOf(d: ResourceDescriptor): PrinterColumn[] {
  return d.columns?.length ? d.columns : [AGE_COLUMN];
}

/** Renders an age cell; unparsable or missing timestamps print as "<unknown>" like kubectl. */
export function ageCell(ts: unknown, now: Date): string {
  if (typeof ts !== "string" || !ts) return "<unknown>";
  const t = Date.parse(ts);
  return Number.isNaN(t) ? "<unknown>" : humanDuration(now.getTime() - t);
}

function cellOf(c: PrinterColumn, obj: KubeObject, now: Date): string | number | boolean | null {
  let v: unknown;
  try {
    v = c.cell(obj);
  } catch {
    v = undefined;
  }
  if (c.type === "date") return v === undefined || v === null ? null : ageCell(v, now);
  return v === undefined ? null : (v as string | number | boolean | null);
}

function rowObject(obj: KubeObject, opts: TableOptions): unknown {
  if (opts.includeObject === "None") return undefined;
  if (opts.includeObject === "Object") return obj;
  return { kind: "PartialObjectMetadata", apiVersion: `meta.k8s.io/${opts.version}`, metadata: obj.metadata };
}

/** A Table of `objects`; `listMeta` carries the list's resourceVersion and continue token. */
export function toTable(d: ResourceDescriptor, objects: KubeObject[], opts: TableOptions, listMeta: { resourceVersion?: string; continue?: string } = {}) {
  const columns = columnsOf(d);
  // A descriptor that places its own `format: "name"` column (Events: NAME only in wide output)
  // gets exactly its columns; otherwise NAME comes first, as kube's default printer does.
  const ownName = columns.some((c) => c.format === "name");
  const columnDefinitions = opts.omitHeaders
    ? []
    : [
        ...(ownName ? [] : [NAME_COLUMN]),
        ...columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? "", description: c.description ?? "", priority: c.priority ?? 0 })),
      ];
  const rows = objects.map((obj) => {
    const cells = columns.map((c) => cellOf(c, obj, opts.now));
    const row: Record<string, unknown> = { cells: ownName ? cells : [obj.metadata.name ?? "", ...cells] };
    const o = rowObject(obj, opts);
    if (o !== undefined) row.object = o;
    return row;
  });
  const metadata: Record<string, string> = {};
  if (listMeta.resourceVersion) metadata.resourceVersion = listMeta.resourceVersion;
  if (listMeta.continue) metadata.continue = listMeta.continue;
  return { kind: "Table", apiVersion: `meta.k8s.io/${opts.version}`, metadata, columnDefinitions, rows };
}
