"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useMemo, useState } from "react";
import { queries } from "../../lib/kube/queries";
import type { TemplateRow } from "../../lib/console/resources/list-templates";
import { kindToken, type TemplateKind } from "../../lib/console/resources/template-kinds";
import type { KubeObject } from "../../lib/kube/types";
import { ResourceTable, type ColumnSpec } from "../resource/resource-table";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { workflowHref } from "../workflow/workflow-path";
import { ClusterBadges, PropagationStateBadge } from "./propagation-badges";
import { resourceHref } from "./resource-href";
import { useTemplatePage } from "./use-template-page";
import type { TemplateFilters } from "./template-query";

/** A row as the generic table expects an object (identity in metadata, the summary beside it). */
type RowObject = KubeObject & { row: TemplateRow };

const COLUMNS: ColumnSpec<RowObject>[] = [
  "name",
  "namespace",
  { id: "policy", header: "Policy", cell: (o) => o.row.propagation.policy?.name ?? "—" },
  { id: "state", header: "Propagation", cell: (o) => <PropagationStateBadge summary={o.row.propagation} /> },
  { id: "clusters", header: "Clusters", cell: (o) => <ClusterBadges summary={o.row.propagation} /> },
  {
    id: "workflow",
    header: "Workflow",
    cell: (o) => (
      <Link className="text-indigo-700 hover:underline dark:text-indigo-300" href={workflowHref({ namespace: o.row.namespace, kind: o.kind, name: o.row.name })} aria-label={`Workflow of ${o.row.name}`}>
        Workflow
      </Link>
    ),
  },
  "age",
];

/** Resource templates by kind and namespace with their propagation per cluster, paginated on the server. */
export function ResourcesView({ initial }: { initial: TemplateFilters }) {
  const [kind, setKind] = useState(initial.kind);
  const [namespace, setNamespace] = useState(initial.namespace);
  const [search, setSearch] = useState(initial.search);
  const filters = { kind, namespace: useDeferredValue(namespace), search: useDeferredValue(search) };
  const kinds = useQuery(queries.rest<{ items: TemplateKind[] }>("resources/kinds"));
  const { query, pagination } = useTemplatePage(filters);
  const token = query.data ? kindToken(query.data.kind) : kind;
  const items = useMemo<RowObject[] | undefined>(
    () =>
      query.data?.items.map((row) => ({
        apiVersion: row.apiVersion,
        kind: row.kind,
        metadata: { name: row.name, namespace: row.namespace, uid: row.uid, creationTimestamp: row.creationTimestamp, labels: row.labels },
        row,
      })),
    [query.data],
  );
  return (
    <div className="space-y-4">
      <div role="search" className="grid gap-3 sm:grid-cols-3">
        <Field label="Kind">
          <Select value={kind} onChange={(e) => setKind(e.target.value)}>
            {(kinds.data?.items ?? []).map((k) => (
              <option key={kindToken(k)} value={kindToken(k)}>
                {k.kind}
              </option>
            ))}
            {!kinds.data && <option value={kind}>{kind}</option>}
          </Select>
        </Field>
        <Field label="Namespace" hint="Empty for all namespaces">
          <Input value={namespace} onChange={(e) => setNamespace(e.target.value)} placeholder="All namespaces" />
        </Field>
        <Field label="Search">
          <Input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Name contains…" />
        </Field>
      </div>
      <ResourceTable
        label="Resource templates"
        items={items}
        columns={COLUMNS}
        href={(o) => resourceHref({ namespace: o.row.namespace, kindToken: token, name: o.row.name })}
        isLoading={query.isPending}
        error={query.error}
        onRetry={() => query.refetch()}
        emptyTitle="No resource templates match"
        emptyHint={<Link href={`/resources/new?kind=${encodeURIComponent(kind)}`}>Create one from YAML</Link>}
        pagination={pagination}
      />
    </div>
  );
}
