"use client";

import { useQuery, keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "../../lib/kube/fetch";
import { kubePath } from "../../lib/kube/queries";
import type { PropagationPolicy } from "../../lib/kube/karmada";
import type { KubeObject } from "../../lib/kube/types";
import type { PlacementPreview as PreviewAnswer } from "../../lib/placement/preview";
import { Badge } from "../ui/badge";
import { Card } from "../ui/card";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Spinner } from "../ui/spinner";
import { ErrorState } from "../ui/states";
import { syntheticResource } from "./preview-resource";
import { useDebounced } from "../ui/use-debounced";
import { exclusionReason } from "./exclusion-reason";
import { descriptorFor } from "../../lib/console/resources/manifest-diagnostics";
import { consoleDescriptors } from "../editor/manifest-validator";

/**
 * Live placement preview while a propagation policy is edited: the scheduler's dry run on the
 * draft (debounced), showing selected clusters with their replicas and, for every other
 * cluster, the filter that excluded it. When the first resource selector names an existing
 * object it is scheduled as it is; otherwise a stand-in with the chosen replica count.
 */
/** Stands in for the name of a policy not named yet. */
const DRAFT_NAME = "draft";

export function PlacementPreview({ policy }: { policy: PropagationPolicy }) {
  const [replicas, setReplicas] = useState(3);
  const selector = policy.spec?.resourceSelectors?.[0];
  const namespace = policy.metadata?.namespace;
  const settled = useDebounced(JSON.stringify({ policy, replicas }), 400);
  const q = useQuery({
    queryKey: ["rest", "placement", "preview", settled],
    queryFn: async ({ signal }) => {
      const parsed = JSON.parse(settled) as { policy: PropagationPolicy; replicas: number };
      const n = parsed.replicas;
      // The name changes nothing about placement: a draft not named yet is previewed all the
      // same, instead of answering a new form with a validation error.
      const p = parsed.policy.metadata?.name ? parsed.policy : { ...parsed.policy, metadata: { ...parsed.policy.metadata, name: DRAFT_NAME } };
      const resource = (await realResource(p, signal)) ?? syntheticResource(p.spec?.resourceSelectors?.[0], p.metadata?.namespace, n);
      return apiFetch<PreviewAnswer>("/api/v1/placement/preview", { method: "POST", json: { resource, policy: p }, signal });
    },
    placeholderData: keepPreviousData,
    retry: false,
  });
  const excluded = q.data?.explanation.clusters.filter((c) => !q.data!.clusters.some((s) => s.name === c.name)) ?? [];
  return (
    <Card title="Placement preview" actions={q.isFetching ? <Spinner label="Updating preview" /> : undefined}>
      <div className="space-y-3 text-sm" aria-live="polite">
        {!selector?.name && (
          <Field label="Replicas to preview" hint={`No object named: previewing a ${selector?.kind ?? "Deployment"} in ${namespace ?? "default"}`}>
            <Input type="number" min={0} value={replicas} onChange={(e) => setReplicas(Math.max(0, Number(e.target.value) || 0))} className="w-24" />
          </Field>
        )}
        {q.isError && <ErrorState error={q.error} title="The preview failed" />}
        {q.data?.error && (
          <p role="alert" className="text-rose-700 dark:text-rose-300">
            {q.data.error.reason}: {q.data.error.message}
          </p>
        )}
        {q.data && (
          <>
            <p className="text-slate-600 dark:text-slate-300">{q.data.summary}</p>
            <ul aria-label="Selected clusters" className="space-y-1">
              {q.data.clusters.map((c) => (
                <li key={c.name} className="flex items-center justify-between">
                  <span className="font-medium">{c.name}</span>
                  <Badge tone="success">{c.replicas} replica(s)</Badge>
                </li>
              ))}
              {q.data.clusters.length === 0 && <li className="text-slate-500">No cluster selected</li>}
            </ul>
            {excluded.length > 0 && (
              <ul aria-label="Excluded clusters" className="space-y-1">
                {excluded.map((c) => (
                  <li key={c.name}>
                    <span className="font-medium">{c.name}</span>: <span className="text-slate-600 dark:text-slate-300">{exclusionReason(c)}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </Card>
  );
}

/** The named object of the first selector, when it exists; undefined otherwise (the preview then uses a stand-in). */
async function realResource(p: PropagationPolicy, signal: AbortSignal): Promise<KubeObject | undefined> {
  const s = p.spec?.resourceSelectors?.[0];
  if (!s?.name || !s.apiVersion || !s.kind) return undefined;
  const d = descriptorFor(consoleDescriptors(), s.apiVersion, s.kind);
  if (!d) return undefined;
  try {
    return await apiFetch<KubeObject>(kubePath(d, s.namespace || p.metadata?.namespace, s.name), { signal });
  } catch {
    return undefined;
  }
}
