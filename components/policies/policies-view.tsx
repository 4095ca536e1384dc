"use client";

import Link from "next/link";
import { useState } from "react";
import { useNamespaceFilter } from "../shell/use-namespace-filter";
import type { OverridePolicy, PropagationPolicy } from "../../lib/kube/karmada";
import { ResourceTable, type ColumnSpec } from "../resource/resource-table";
import { usePagedKubeList } from "../resource/use-paged-list";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Tabs } from "../ui/tabs";
import { policyHref, policyResource, POLICY_KINDS, type AnyPolicy, type PolicyKindInfo } from "./policy-kinds";
import { overrideSummary, placementSummary, selectorsSummary } from "./policy-summary";

/** The four policy kinds as tabs, each a server-paginated table. */
export function PoliciesView({ initialKind = "PropagationPolicy" }: { initialKind?: string }) {
  const [tab, setTab] = useState(initialKind);
  // Starts from the header's namespace filter (?ns=); the field below refines it for this page.
  const { namespace: headerNamespace } = useNamespaceFilter();
  const [namespace, setNamespace] = useState(headerNamespace ?? "");
  return (
    <div className="space-y-4">
      <Field label="Namespace" hint="Empty for all namespaces (cluster-scoped kinds ignore it)">
        <Input value={namespace} onChange={(e) => setNamespace(e.target.value.trim())} placeholder="All namespaces" className="max-w-xs" />
      </Field>
      <Tabs label="Policy kinds" value={tab} onChange={setTab} items={POLICY_KINDS.map((k) => ({ id: k.kind, label: k.kind, content: <PolicyTable info={k} namespace={namespace} /> }))} />
    </div>
  );
}

function PolicyTable({ info, namespace }: { info: PolicyKindInfo; namespace: string }) {
  const { query, pagination } = usePagedKubeList<AnyPolicy>(policyResource(info), info.namespaced ? namespace || undefined : undefined);
  const columns: ColumnSpec<AnyPolicy>[] = [
    "name",
    ...(info.namespaced ? (["namespace"] as const) : []),
    { id: "selectors", header: "Selects", cell: (p) => selectorsSummary(p.spec?.resourceSelectors) },
    info.family === "propagation"
      ? { id: "placement", header: "Placement", cell: (p) => placementSummary(p as PropagationPolicy) }
      : { id: "rules", header: "Overrides", cell: (p) => overrideSummary(p as OverridePolicy) },
    "age",
  ];
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <Link href={`/policies/new?kind=${info.kind}`} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500">
          Create {info.kind}
        </Link>
      </div>
      <ResourceTable
        label={`${info.kind} list`}
        items={query.data?.items}
        columns={columns}
        href={(p) => policyHref(p.kind, p.metadata.namespace, p.metadata.name ?? "")}
        isLoading={query.isPending}
        error={query.error}
        onRetry={() => query.refetch()}
        emptyTitle={`No ${info.kind} yet`}
        pagination={pagination}
      />
    </div>
  );
}
