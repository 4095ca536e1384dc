"use client";

import { useRouter } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { queries } from "../../lib/kube/queries";
import type { OverridePolicy, PropagationPolicy } from "../../lib/kube/karmada";
import { descriptorFor } from "../../lib/console/resources/manifest-diagnostics";
import { consoleDescriptors } from "../editor/manifest-validator";
import { YamlEditor } from "../editor/yaml-editor";
import { ObjectEvents } from "../resource/event-list";
import { ObjectMetaCard } from "../resource/object-meta-card";
import { editableManifest } from "../resources/editable-manifest";
import { useDeleteObject } from "../resources/use-apply-manifest";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Dialog } from "../ui/dialog";
import { ErrorState, LoadingState } from "../ui/states";
import { Tabs } from "../ui/tabs";
import { toast } from "../ui/toast-store";
import { objectYaml } from "../workflow/object-yaml";
import { PolicyEditor } from "./policy-editor";
import { policyResource, type AnyPolicy, type PolicyKindInfo } from "./policy-kinds";
import { overrideSummary, placementSummary, selectorsSummary } from "./policy-summary";

/** One policy: what it selects and does, its events, editing (form + YAML + preview) and delete. */
export function PolicyDetailView({ info, namespace, name }: { info: PolicyKindInfo; namespace?: string; name: string }) {
  const router = useRouter();
  const q = useQuery(queries.detail<AnyPolicy>(policyResource(info), namespace, name));
  const [tab, setTab] = useState("overview");
  const [confirm, setConfirm] = useState(false);
  const del = useDeleteObject();
  if (q.isPending) return <LoadingState label="Loading policy…" />;
  if (q.isError) return <ErrorState error={q.error} title="The policy could not be loaded" onRetry={() => q.refetch()} />;
  const policy = q.data;
  const descriptor = descriptorFor(consoleDescriptors(), policy.apiVersion, policy.kind);
  function remove() {
    if (!descriptor) return;
    del.mutate(
      { descriptor, namespace, name },
      {
        onSuccess: () => {
          toast({ title: `${policy.kind} ${name} deleted`, tone: "success" });
          router.push("/policies");
        },
      },
    );
  }
  const overview = (
    <div className="space-y-4">
      <Card title="Summary">
        <dl className="grid grid-cols-[10rem_1fr] gap-2 text-sm">
          <dt className="font-medium">Selects</dt>
          <dd>{selectorsSummary(policy.spec?.resourceSelectors)}</dd>
          <dt className="font-medium">{info.family === "propagation" ? "Placement" : "Overrides"}</dt>
          <dd>{info.family === "propagation" ? placementSummary(policy as PropagationPolicy) : overrideSummary(policy as OverridePolicy)}</dd>
        </dl>
      </Card>
      <ObjectMetaCard metadata={policy.metadata} />
      <Card title="Events">
        <ObjectEvents kind={policy.kind} namespace={namespace ?? "default"} name={name} />
      </Card>
    </div>
  );
  return (
    <div className="space-y-4">
      <div className="flex justify-end">
        <Button variant="danger" onClick={() => setConfirm(true)}>
          Delete
        </Button>
      </div>
      <Tabs
        label="Policy"
        value={tab}
        onChange={setTab}
        items={[
          { id: "overview", label: "Overview", content: overview },
          { id: "edit", label: "Edit", content: <PolicyEditor initial={editableManifest(policy) as AnyPolicy} mode="edit" /> },
          { id: "yaml", label: "YAML", content: <YamlEditor label={`YAML of ${name}`} value={objectYaml(policy)} readOnly /> },
        ]}
      />
      <Dialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title={`Delete ${policy.kind} ${name}?`}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirm(false)}>
              Cancel
            </Button>
            <Button variant="danger" onClick={remove} disabled={del.isPending}>
              Delete
            </Button>
          </>
        }
      >
        <p className="text-sm">{info.family === "propagation" ? "The resources it claimed are released; each resource's workflow shows what happens to them next." : "Member clusters then receive the manifests without this policy's overrides."}</p>
        {del.isError && <ErrorState error={del.error} title="The delete failed" />}
      </Dialog>
    </div>
  );
}
