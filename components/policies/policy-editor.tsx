"use client";

import { useRouter } from "next/navigation";
import { useDeferredValue, useMemo, useState } from "react";
import type { OverridePolicy, PropagationPolicy } from "../../lib/kube/karmada";
import type { ManifestDiagnostic } from "../../lib/console/resources/manifest-diagnostics";
import { checkEditorManifest } from "../editor/manifest-validator";
import { YamlEditor } from "../editor/yaml-editor";
import { YamlFileButton } from "../editor/yaml-file-button";
import { useApplyManifest } from "../resources/use-apply-manifest";
import { Button } from "../ui/button";
import { ErrorState } from "../ui/states";
import { Tabs } from "../ui/tabs";
import { toast } from "../ui/toast-store";
import { OverrideDiffPreview } from "./override-diff-preview";
import { OverridePolicyForm } from "./override-policy-form";
import { PlacementPreview } from "./placement-preview";
import { policyHref, type AnyPolicy } from "./policy-kinds";
import { PropagationPolicyForm } from "./propagation-policy-form";
import { usePolicyDraft } from "./use-policy-draft";

/**
 * Authoring a policy: a form tab and a YAML tab over the same object (switching tabs shows
 * the other side's latest valid edit), the server's validation as you type, a live preview
 * beside it (placement for propagation policies, per-cluster diffs for override policies),
 * and Save through server-side apply.
 */
export function PolicyEditor({ initial, mode }: { initial: AnyPolicy; mode: "create" | "edit" }) {
  const router = useRouter();
  const { draft, setObject, setText } = usePolicyDraft<AnyPolicy>(initial);
  const [tab, setTab] = useState("form");
  const text = useDeferredValue(draft.text);
  const check = useMemo(() => checkEditorManifest(text), [text]);
  const diagnostics: ManifestDiagnostic[] = draft.textError ? [{ from: 0, to: 1, severity: "error", message: draft.textError }] : check.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === "error");
  const apply = useApplyManifest();
  const isOverride = draft.object.kind === "OverridePolicy" || draft.object.kind === "ClusterOverridePolicy";
  const lock = mode === "edit";
  function save() {
    if (!check.object || !check.descriptor) return;
    apply.mutate(
      { object: check.object, descriptor: check.descriptor },
      {
        onSuccess: (obj) => {
          toast({ title: `${obj.kind} ${obj.metadata.name} saved`, tone: "success" });
          router.push(policyHref(obj.kind, obj.metadata.namespace, obj.metadata.name ?? ""));
        },
      },
    );
  }
  const form = isOverride ? (
    <OverridePolicyForm value={draft.object as OverridePolicy} onChange={setObject} lockIdentity={lock} />
  ) : (
    <PropagationPolicyForm value={draft.object as PropagationPolicy} onChange={setObject} lockIdentity={lock} />
  );
  const yaml = (
    <div className="space-y-2">
      <div className="flex justify-end">
        <YamlFileButton onLoad={(t) => setText(t)} />
      </div>
      <YamlEditor label="Policy YAML" value={draft.text} onChange={setText} diagnostics={diagnostics} />
    </div>
  );
  return (
    <div className="grid gap-6 xl:grid-cols-[1fr_26rem]">
      <div className="space-y-4">
        <Tabs label="Edit as" value={tab} onChange={setTab} items={[{ id: "form", label: "Form", content: form }, { id: "yaml", label: "YAML", content: yaml }]} />
        {tab === "form" && errors.length > 0 && (
          <div role="region" aria-label="Validation" className="rounded-md border border-rose-300 p-3 text-sm text-rose-800 dark:border-rose-800 dark:text-rose-200">
            <p className="font-medium">The server would refuse this policy:</p>
            <ul className="list-disc pl-5">
              {errors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          </div>
        )}
        {apply.isError && <ErrorState error={apply.error} title="Saving failed" />}
        <Button type="button" onClick={save} disabled={errors.length > 0 || apply.isPending}>
          {apply.isPending ? "Saving…" : mode === "create" ? "Create policy" : "Save policy"}
        </Button>
      </div>
      <aside aria-label="Preview">{isOverride ? <OverrideDiffPreview policy={draft.object as OverridePolicy} /> : <PlacementPreview policy={draft.object as PropagationPolicy} />}</aside>
    </div>
  );
}
