"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "../../lib/kube/fetch";
import { queries, restKey } from "../../lib/kube/queries";
import type { SandboxFaults, SandboxInfo } from "../../lib/sandbox/types";
import { StatusBadge } from "../resource/status-badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { describeError, EmptyState, ErrorState, LoadingState } from "../ui/states";
import { Spinner } from "../ui/spinner";
import { toast } from "../ui/toast-store";

export const sandboxesQuery = () => queries.rest<{ items: SandboxInfo[] }>("sandboxes");

/** Human summary of a sandbox's injected faults ("down, slow 2000ms"), "none" when healthy. */
export function faultSummary(f: SandboxFaults): string {
  const parts: string[] = [];
  if (f.down) parts.push("down");
  if (f.partitioned) parts.push("partitioned");
  if (f.slowMs) parts.push(`slow ${f.slowMs}ms`);
  if (f.failing) parts.push(`failing ${Math.round(f.failing.fraction * 100)}% (${f.failing.statusCode})`);
  if (f.nodeFailure) parts.push(`${f.nodeFailure} node(s) failed`);
  if (f.capacity) parts.push("capacity changed");
  return parts.join(", ") || "none";
}

/** Sandbox controls for demos: create and delete sandboxes, set and clear their faults. */
export function SandboxPanel() {
  const q = useQuery(sandboxesQuery());
  return (
    <Card title="Sandbox clusters" actions={<CreateSandboxForm />}>
      {q.isPending ? (
        <LoadingState label="Loading sandboxes…" />
      ) : q.isError ? (
        <ErrorState error={q.error} title="Sandboxes are not available" onRetry={() => q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState title="No sandbox clusters" />
      ) : (
        <ul aria-label="Sandboxes" className="divide-y divide-slate-100 dark:divide-slate-800">
          {q.data.items.map((s) => (
            <SandboxRow key={s.name} sandbox={s} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function useSandboxMutation<V>(fn: (v: V) => Promise<unknown>, success: (v: V) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (_d, v) => toast({ title: success(v), tone: "success" }),
    onError: (e) => toast({ title: "Sandbox action failed", description: describeError(e).message, tone: "danger" }),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: restKey("sandboxes").slice(0, 2) }), client.invalidateQueries({ queryKey: ["rest", "overview"] })]),
  });
}

function SandboxRow({ sandbox: s }: { sandbox: SandboxInfo }) {
  const faults = useSandboxMutation(
    (f: SandboxFaults) => apiFetch(`/api/v1/sandboxes/${encodeURIComponent(s.name)}/faults`, { method: "PUT", json: f }),
    () => `Faults of ${s.name} updated`,
  );
  const remove = useSandboxMutation(() => apiFetch(`/api/v1/sandboxes/${encodeURIComponent(s.name)}`, { method: "DELETE" }), () => `Sandbox ${s.name} deleted`);
  const busy = faults.isPending || remove.isPending;
  return (
    <li aria-label={`Sandbox ${s.name}`} className="flex flex-wrap items-center gap-3 py-3 text-sm">
      <span className="w-32 font-medium">{s.name}</span>
      <StatusBadge text={s.phase} tone={s.phase === "Running" ? "success" : s.phase === "Down" ? "danger" : "neutral"} />
      <span className="text-xs text-slate-500">
        {s.spec.mode} · {s.spec.nodes} nodes · faults: {faultSummary(s.faults)}
      </span>
      <span className="ml-auto flex items-center gap-2">
        {busy && <Spinner label={`Updating ${s.name}`} />}
        <Button variant="secondary" disabled={busy} onClick={() => faults.mutate({ ...s.faults, down: !s.faults.down })}>
          {s.faults.down ? `Bring ${s.name} up` : `Set ${s.name} down`}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => faults.mutate({ ...s.faults, slowMs: s.faults.slowMs ? undefined : 2000 })}>
          {s.faults.slowMs ? "Clear slowness" : "Make slow"}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => faults.mutate({ ...s.faults, nodeFailure: s.faults.nodeFailure ? undefined : 1 })}>
          {s.faults.nodeFailure ? "Restore nodes" : "Fail a node"}
        </Button>
        <Button variant="ghost" disabled={busy || faultSummary(s.faults) === "none"} onClick={() => faults.mutate({})}>
          Clear faults
        </Button>
        <Button
          variant="danger"
          disabled={busy}
          onClick={() => {
            if (window.confirm(`Delete sandbox ${s.name}? Its Cluster is unregistered.`)) remove.mutate(undefined);
          }}
        >
          Delete {s.name}
        </Button>
      </span>
    </li>
  );
}

function CreateSandboxForm() {
  const [name, setName] = useState("");
  const [nodes, setNodes] = useState("3");
  const [mode, setMode] = useState("Push");
  const create = useSandboxMutation(
    (body: { name: string; nodes: number; mode: string }) => apiFetch("/api/v1/sandboxes", { method: "POST", json: body }),
    (v) => `Sandbox ${v.name} created`,
  );
  const err = create.error ? describeError(create.error) : undefined;
  return (
    <form
      aria-label="Create sandbox"
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name, nodes: Number(nodes), mode }, { onSuccess: () => setName("") });
      }}
    >
      <Field label="Sandbox name" error={err?.causes.find((c) => c.startsWith("name"))}>
        <Input value={name} onChange={(e) => setName(e.target.value)} required className="w-36" />
      </Field>
      <Field label="Nodes">
        <Input type="number" min={1} max={50} value={nodes} onChange={(e) => setNodes(e.target.value)} className="w-20" />
      </Field>
      <Field label="Mode">
        <Select value={mode} onChange={(e) => setMode(e.target.value)}>
          <option>Push</option>
          <option>Pull</option>
        </Select>
      </Field>
      <Button type="submit" disabled={create.isPending || !name}>
        {create.isPending && <Spinner label="Creating sandbox" />}
        Create sandbox
      </Button>
    </form>
  );
}
