"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { parseTaints } from "../../lib/console/registration";
import { apiFetch } from "../../lib/kube/fetch";
import type { Taint } from "../../lib/kube/karmada";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Textarea } from "../ui/textarea";
import { describeError } from "../ui/states";
import { toast } from "../ui/toast-store";

export function formatTaints(taints: readonly Taint[]): string {
  return taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ""}:${t.effect}`).join("\n");
}

/** The cluster's taints, editable: PATCH /api/v1/clusters/{name} replaces the whole list. */
export function TaintsEditor({ cluster, taints }: { cluster: string; taints: readonly Taint[] }) {
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(formatTaints(taints));
  let parseError: string | undefined;
  try {
    parseTaints(text);
  } catch (e) {
    parseError = (e as Error).message;
  }
  const save = useMutation({
    mutationFn: () => apiFetch(`/api/v1/clusters/${encodeURIComponent(cluster)}`, { method: "PATCH", json: { taints: parseTaints(text) } }),
    onSuccess: () => {
      toast({ title: `Taints of ${cluster} saved`, tone: "success" });
      setEditing(false);
      return Promise.all([client.invalidateQueries({ queryKey: ["kube", "cluster.karmada.io"] }), client.invalidateQueries({ queryKey: ["rest"] })]);
    },
    onError: (e) => toast({ title: "Saving taints failed", description: describeError(e).message, tone: "danger" }),
  });
  if (!editing) {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <ul aria-label="Taints" className="flex flex-wrap gap-1">
          {taints.length === 0 && <li className="text-sm text-slate-400">No taints</li>}
          {taints.map((t) => (
            <li key={`${t.key}:${t.effect}`}>
              <Badge tone={t.effect === "NoExecute" ? "danger" : "warning"} className="font-mono">
                {t.key}
                {t.value ? `=${t.value}` : ""}:{t.effect}
              </Badge>
            </li>
          ))}
        </ul>
        <Button
          variant="secondary"
          onClick={() => {
            setText(formatTaints(taints));
            setEditing(true);
          }}
        >
          Edit taints
        </Button>
      </div>
    );
  }
  return (
    <form
      aria-label="Edit taints"
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (!parseError) save.mutate();
      }}
    >
      <Field label="Taints" error={parseError} hint="One per line: key[=value]:NoSchedule|NoExecute">
        <Textarea rows={4} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={!!parseError || save.isPending}>
          {save.isPending ? "Saving…" : "Save taints"}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
