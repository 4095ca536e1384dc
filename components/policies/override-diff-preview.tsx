"use client";

import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "../../lib/kube/fetch";
import { kubePath } from "../../lib/kube/queries";
import type { OverridePolicy } from "../../lib/kube/karmada";
import type { KubeObject } from "../../lib/kube/types";
import type { OverridePreview } from "../../lib/placement/override-preview";
import { descriptorFor } from "../../lib/console/resources/manifest-diagnostics";
import { consoleDescriptors } from "../editor/manifest-validator";
import { editableYaml } from "../resources/editable-manifest";
import { Card } from "../ui/card";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { ErrorState } from "../ui/states";
import { useClusterNames } from "./cluster-options";
import { hasChanges, lineDiff } from "./line-diff";
import { useDebounced } from "../ui/use-debounced";

/**
 * While an override policy is edited: pick a resource (defaults to the first selector's) and
 * see, per registered cluster, the manifest before and after the draft policy's rules.
 */
export function OverrideDiffPreview({ policy }: { policy: OverridePolicy }) {
  const sel = policy.spec?.resourceSelectors?.[0];
  const [apiVersion, setApiVersion] = useState(sel?.apiVersion ?? "apps/v1");
  const [kind, setKind] = useState(sel?.kind ?? "Deployment");
  const [namespace, setNamespace] = useState(sel?.namespace ?? policy.metadata?.namespace ?? "default");
  const [name, setName] = useState(sel?.name ?? "");
  const { names } = useClusterNames();
  const settled = useDebounced(JSON.stringify({ policy, apiVersion, kind, namespace, name }), 400);
  const results = useQueries({
    queries: name
      ? names.map((cluster) => ({
          queryKey: ["rest", "overrides", "preview", cluster, settled],
          queryFn: ({ signal }: { signal: AbortSignal }) => previewFor(settled, cluster, signal),
          placeholderData: keepPreviousData,
          retry: false,
        }))
      : [],
  });
  return (
    <Card title="Override preview">
      <div className="space-y-3 text-sm">
        <div className="grid grid-cols-2 gap-2">
          <Field label="Preview API version">
            <Input value={apiVersion} onChange={(e) => setApiVersion(e.target.value)} />
          </Field>
          <Field label="Preview kind">
            <Input value={kind} onChange={(e) => setKind(e.target.value)} />
          </Field>
          <Field label="Preview namespace">
            <Input value={namespace} onChange={(e) => setNamespace(e.target.value)} />
          </Field>
          <Field label="Preview name">
            <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="an existing object" />
          </Field>
        </div>
        {!name && <p className="text-slate-500">Name a resource to see each cluster&apos;s manifest before and after this policy.</p>}
        {name &&
          names.map((cluster, i) => {
            const r = results[i];
            return (
              <section key={cluster} aria-label={`Override diff for ${cluster}`} className="space-y-1">
                <h3 className="font-medium">{cluster}</h3>
                {r?.isError && <ErrorState error={r.error} title={`Preview for ${cluster} failed`} />}
                {r?.data && <DiffBlock before={r.data.before} after={r.data.after} errors={r.data.preview.errors} />}
              </section>
            );
          })}
      </div>
    </Card>
  );
}

async function previewFor(settled: string, cluster: string, signal: AbortSignal) {
  const { policy, apiVersion, kind, namespace, name } = JSON.parse(settled) as { policy: OverridePolicy; apiVersion: string; kind: string; namespace: string; name: string };
  const d = descriptorFor(consoleDescriptors(), apiVersion, kind);
  if (!d) throw new Error(`${kind} in ${apiVersion} is not a known kind`);
  const resource = await apiFetch<KubeObject>(kubePath(d, namespace, name), { signal });
  const preview = await apiFetch<OverridePreview>("/api/v1/overrides/preview", { method: "POST", json: { resource, overridePolicies: [policy], cluster }, signal });
  return { preview, before: editableYaml(resource), after: editableYaml(preview.manifest) };
}

function DiffBlock({ before, after, errors }: { before: string; after: string; errors?: OverridePreview["errors"] }) {
  const diff = lineDiff(before, after);
  if (errors?.length) return <p role="alert" className="text-rose-700 dark:text-rose-300">{errors.map((e) => `${e.policy} rule ${e.rule}: ${e.message}`).join("; ")}</p>;
  if (!hasChanges(diff)) return <p className="text-slate-500">No change on this cluster</p>;
  return (
    <pre className="max-h-64 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs dark:bg-slate-950">
      {diff
        .filter((l, i) => l.kind !== "same" || diff.slice(Math.max(0, i - 2), i + 3).some((n) => n.kind !== "same"))
        .map((l, i) => (
          <div key={i} className={l.kind === "added" ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" : l.kind === "removed" ? "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200" : ""}>
            {l.kind === "added" ? "+ " : l.kind === "removed" ? "- " : "  "}
            {l.text}
          </div>
        ))}
    </pre>
  );
}
