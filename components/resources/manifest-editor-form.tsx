"use client";

import { useDeferredValue, useMemo, useState } from "react";
import type { KubeObject } from "../../lib/kube/types";
import { ApiError } from "../../lib/kube/errors";
import { checkEditorManifest } from "../editor/manifest-validator";
import { YamlEditor } from "../editor/yaml-editor";
import { YamlFileButton } from "../editor/yaml-file-button";
import { Button } from "../ui/button";
import { ErrorState } from "../ui/states";
import { toast } from "../ui/toast-store";
import { useApplyManifest } from "./use-apply-manifest";

/**
 * Create or edit any object as YAML: inline validation with the server's own validators,
 * file upload, then server-side apply through /k8s. Apply stays disabled while the manifest
 * has errors; a field-ownership conflict offers "Apply and take ownership" (force).
 */
export function ManifestEditorForm({ initialText, submitLabel = "Apply", onApplied }: { initialText: string; submitLabel?: string; onApplied?: (obj: KubeObject) => void }) {
  const [text, setText] = useState(initialText);
  const deferred = useDeferredValue(text);
  const check = useMemo(() => checkEditorManifest(deferred), [deferred]);
  const apply = useApplyManifest();
  const errors = check.diagnostics.filter((d) => d.severity === "error").length;
  const conflict = ApiError.is(apply.error) && apply.error.code === 409;
  function submit(force = false) {
    if (!check.object || !check.descriptor) return;
    apply.mutate(
      { object: check.object, descriptor: check.descriptor, force },
      {
        onSuccess: (obj) => {
          toast({ title: `${obj.kind} ${obj.metadata.name} applied`, tone: "success" });
          onApplied?.(obj);
        },
      },
    );
  }
  return (
    <form
      aria-label="Manifest"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-slate-500 dark:text-slate-400">{check.descriptor ? `${check.descriptor.kind} (${check.descriptor.group || "core"}/${check.descriptor.version})` : "Paste, type or upload a manifest."}</p>
        <YamlFileButton onLoad={(t) => setText(t)} />
      </div>
      <YamlEditor label="Manifest YAML" value={text} onChange={setText} diagnostics={check.diagnostics} />
      {apply.isError && <ErrorState error={apply.error} title="The server refused the manifest" />}
      <div className="flex gap-2">
        <Button type="submit" disabled={errors > 0 || !check.descriptor || apply.isPending}>
          {apply.isPending ? "Applying…" : submitLabel}
        </Button>
        {conflict && (
          <Button type="button" variant="danger" onClick={() => submit(true)}>
            Apply and take ownership
          </Button>
        )}
      </div>
    </form>
  );
}
