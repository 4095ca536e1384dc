"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { queries } from "../../lib/kube/queries";
import type { TemplateKind } from "../../lib/console/resources/template-kinds";
import { kindToken } from "../../lib/console/resources/template-kinds";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";

/** Opens the workflow of any resource by kind, namespace and name. */
export function WorkflowPicker() {
  const router = useRouter();
  const kinds = useQuery(queries.rest<{ items: TemplateKind[] }>("resources/kinds"));
  const [kind, setKind] = useState("deployments.apps");
  const [namespace, setNamespace] = useState("default");
  const [name, setName] = useState("");
  const selected = kinds.data?.items.find((k) => kindToken(k) === kind);
  const namespaced = selected?.namespaced ?? true;
  function open(e: React.FormEvent) {
    e.preventDefault();
    if (!name) return;
    const parts = namespaced ? [namespace, kind, name] : [kind, name];
    router.push(`/workflow/${parts.map(encodeURIComponent).join("/")}`);
  }
  return (
    <form onSubmit={open} className="grid max-w-3xl gap-3 sm:grid-cols-4 sm:items-end" aria-label="Open a workflow">
      <Field label="Kind">
        <Select value={kind} onChange={(e) => setKind(e.target.value)}>
          {(kinds.data?.items ?? [{ group: "apps", version: "v1", kind: "Deployment", plural: "deployments", namespaced: true }]).map((k) => (
            <option key={kindToken(k)} value={kindToken(k)}>
              {k.kind} ({kindToken(k)})
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Namespace">
        <Input value={namespace} disabled={!namespaced} onChange={(e) => setNamespace(e.target.value)} />
      </Field>
      <Field label="Name">
        <Input value={name} onChange={(e) => setName(e.target.value)} required />
      </Field>
      <Button type="submit">Show workflow</Button>
    </form>
  );
}
