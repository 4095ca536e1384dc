"use client";

import { useRouter } from "next/navigation";
import { descriptorFor } from "../../lib/console/resources/manifest-diagnostics";
import { kindToken } from "../../lib/console/resources/template-kinds";
import { consoleDescriptors } from "../editor/manifest-validator";
import { ManifestEditorForm } from "./manifest-editor-form";
import { resourceHref } from "./resource-href";

/** "Create resource": the manifest editor, then the new object's page. */
export function CreateResourceView({ initialText }: { initialText: string }) {
  const router = useRouter();
  return (
    <ManifestEditorForm
      initialText={initialText}
      submitLabel="Create"
      onApplied={(obj) => {
        const d = descriptorFor(consoleDescriptors(), obj.apiVersion, obj.kind);
        // Policies are not templates: they have their own pages.
        if (d?.group === "policy.karmada.io") return router.push("/policies");
        router.push(d ? resourceHref({ namespace: obj.metadata.namespace, kindToken: kindToken(d), name: obj.metadata.name ?? "" }) : "/resources");
      }}
    />
  );
}
