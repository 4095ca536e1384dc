"use client";

import { useQuery } from "@tanstack/react-query";
import { queries } from "../../lib/kube/queries";
import { Select } from "../ui/select";
import { useNamespaceFilter } from "./use-namespace-filter";

const NAMESPACES = { group: "", version: "v1", plural: "namespaces", namespaced: false } as const;
/** Enough for any console: namespaces beyond it can still be reached by URL. */
const NAMESPACE_LIMIT = 500;

/**
 * The header's namespace filter: the namespaces from /k8s/api/v1/namespaces, "All namespaces"
 * first. A namespace named in the URL but not (or no longer) listed is kept as an option, so the
 * control never silently shows a different choice from the one in force.
 */
export function NamespaceSelect() {
  const { namespace, setNamespace } = useNamespaceFilter();
  const q = useQuery({ ...queries.list(NAMESPACES, undefined, { limit: NAMESPACE_LIMIT }), staleTime: 30_000 });
  const names = (q.data?.items ?? []).map((n) => n.metadata.name ?? "").filter(Boolean);
  if (namespace && !names.includes(namespace)) names.unshift(namespace);
  return (
    <div className="w-48">
      <Select aria-label="Namespace filter" value={namespace ?? ""} onChange={(e) => setNamespace(e.target.value || undefined)} aria-busy={q.isPending || undefined}>
        <option value="">All namespaces</option>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </Select>
    </div>
  );
}
