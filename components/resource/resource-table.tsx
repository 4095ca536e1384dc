"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import type { Condition, KubeObject } from "../../lib/kube/types";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { Age } from "./age";
import { primaryCondition } from "./condition-tone";
import { KeyValueList } from "./object-meta-card";
import { Pagination, type PaginationProps } from "./pagination";
import { StatusBadge } from "./status-badge";

/** Built-in columns by stable id (Headlamp's convention); anything else is a custom column. */
export type BuiltinColumnId = "name" | "namespace" | "age" | "conditions" | "labels";

export interface CustomColumn<T> {
  id: string;
  header: string;
  cell: (item: T) => ReactNode;
  className?: string;
}

export type ColumnSpec<T> = BuiltinColumnId | CustomColumn<T>;

export interface ResourceTableProps<T extends KubeObject> {
  /** Accessible name of the table ("Clusters", "Deployments in default"). */
  label: string;
  items: readonly T[] | undefined;
  columns: readonly ColumnSpec<T>[];
  /** Link target of the name cell; without it the name is plain text. */
  href?: (item: T) => string;
  isLoading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  emptyTitle?: string;
  emptyHint?: ReactNode;
  pagination?: PaginationProps;
}

/**
 * The generic object table: a list page is configuration (label, columns, href), while loading,
 * error, empty and pagination states come for free. Rows are keyed by uid.
 */
export function ResourceTable<T extends KubeObject>(props: ResourceTableProps<T>) {
  const { label, items, columns, href, isLoading, error, onRetry, emptyTitle = "Nothing here yet", emptyHint, pagination } = props;
  if (error) return <ErrorState error={error} title={`${label} could not be loaded`} onRetry={onRetry} />;
  if (isLoading || !items) return <LoadingState label={`Loading ${label.toLowerCase()}…`} />;
  const cols = columns.map((c) => resolveColumn(c, href));
  return (
    <div>
      {items.length === 0 ? (
        <EmptyState title={emptyTitle}>{emptyHint}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table aria-label={label} className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
              <tr>
                {cols.map((c) => (
                  <th key={c.id} scope="col" className={`px-4 py-2 font-medium ${c.className ?? ""}`}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {items.map((item) => (
                <tr key={item.metadata.uid ?? `${item.metadata.namespace}/${item.metadata.name}`} className="hover:bg-slate-50 dark:hover:bg-slate-800/50">
                  {cols.map((c) => (
                    <td key={c.id} className={`px-4 py-2 align-top ${c.className ?? ""}`}>
                      {c.cell(item)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pagination && (pagination.hasNext || pagination.hasPrevious) && <Pagination {...pagination} />}
    </div>
  );
}

function resolveColumn<T extends KubeObject>(c: ColumnSpec<T>, href?: (item: T) => string): CustomColumn<T> {
  if (typeof c !== "string") return c;
  switch (c) {
    case "name":
      return {
        id: "name",
        header: "Name",
        className: "font-medium",
        cell: (o) =>
          href ? (
            <Link href={href(o)} className="text-indigo-700 hover:underline dark:text-indigo-300">
              {o.metadata.name}
            </Link>
          ) : (
            o.metadata.name
          ),
      };
    case "namespace":
      return { id: "namespace", header: "Namespace", cell: (o) => o.metadata.namespace ?? "—" };
    case "age":
      return { id: "age", header: "Age", className: "whitespace-nowrap text-slate-500", cell: (o) => <Age timestamp={o.metadata.creationTimestamp} /> };
    case "labels":
      return { id: "labels", header: "Labels", cell: (o) => <KeyValueList values={o.metadata.labels} label={`Labels of ${o.metadata.name}`} /> };
    case "conditions":
      return { id: "conditions", header: "Status", cell: (o) => <ConditionsCell conditions={conditionsOf(o)} /> };
  }
}

/** The summarising condition as a badge (with its reason on hover), "—" when none yet. */
export function ConditionsCell({ conditions }: { conditions: readonly Condition[] | undefined }) {
  const c = primaryCondition(conditions);
  if (!c) return <StatusBadge text="Pending" tone="neutral" />;
  return <StatusBadge condition={c} />;
}

function conditionsOf(o: KubeObject): Condition[] | undefined {
  const status = o.status as { conditions?: Condition[] } | undefined;
  return Array.isArray(status?.conditions) ? status.conditions : undefined;
}
