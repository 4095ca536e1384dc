"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "../../lib/kube/fetch";
import { ApiError } from "../../lib/kube/errors";
import { causesToFieldErrors, EMPTY_REGISTRATION, toRegistrationRequest, validateRegistration, type FieldErrors, type RegistrationForm as Form } from "../../lib/console/registration";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { Textarea } from "../ui/textarea";
import { Progress } from "../ui/spinner";
import { describeError } from "../ui/states";
import { toast } from "../ui/toast-store";
import { CredentialsFields } from "./credentials-fields";
import { PullCommand } from "./pull-command";

/**
 * Registers a member cluster: validates as the user goes (same rules as the request), shows
 * progress while the server checks connectivity, and puts the server's field causes next to
 * the fields they name.
 */
export function RegistrationForm({ onRegistered }: { onRegistered?: (name: string) => void }) {
  const router = useRouter();
  const client = useQueryClient();
  const [form, setForm] = useState<Form>(EMPTY_REGISTRATION);
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<{ fields: FieldErrors; general: string[] }>({ fields: {}, general: [] });
  const [pullFor, setPullFor] = useState<string>();
  const local = touched ? validateRegistration(form) : {};
  const errors: FieldErrors = { ...serverErrors.fields, ...local };
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setServerErrors((s) => ({ fields: { ...s.fields, [k]: undefined }, general: s.general }));
  };

  const register = useMutation({
    mutationFn: (f: Form) => apiFetch("/api/v1/clusters", { method: "POST", json: toRegistrationRequest(f) }),
    onSuccess: async (_d, f) => {
      toast({ title: `Cluster ${f.name} registered`, tone: "success" });
      await client.invalidateQueries({ queryKey: ["rest"] });
      await client.invalidateQueries({ queryKey: ["kube", "cluster.karmada.io"] });
      if (onRegistered) onRegistered(f.name);
      else router.push(`/clusters/${encodeURIComponent(f.name)}`);
    },
    onError: (e) => {
      setServerErrors(ApiError.is(e) ? causesToFieldErrors(e.status.details?.causes) : { fields: {}, general: [] });
      toast({ title: "Registration failed", description: describeError(e).message, tone: "danger" });
    },
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setTouched(true);
    if (Object.keys(validateRegistration(form)).length) return;
    // Pull clusters register through their agent: the console only issues the join command.
    if (form.syncMode === "Pull") setPullFor(form.name);
    else register.mutate(form);
  }

  if (pullFor) return <PullCommand cluster={pullFor} />;
  return (
    <form aria-label="Register cluster" noValidate onSubmit={submit} className="max-w-2xl space-y-5">
      <Field label="Cluster name" error={errors.name}>
        <Input value={form.name} onChange={(e) => set("name", e.target.value)} autoComplete="off" />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Sync mode</legend>
        {(["Push", "Pull"] as const).map((m) => (
          <label key={m} className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="radio" name="syncMode" value={m} checked={form.syncMode === m} onChange={() => set("syncMode", m)} />
            {m === "Push" ? "Push (Flotilla connects to the cluster)" : "Pull (an agent in the cluster connects to Flotilla)"}
          </label>
        ))}
      </fieldset>
      {form.syncMode === "Push" && (
        <>
          <Field label="Credentials">
            <Select value={form.credentials} onChange={(e) => set("credentials", e.target.value as Form["credentials"])}>
              <option value="kubeconfig">Kubeconfig</option>
              <option value="token">API endpoint, token and CA</option>
            </Select>
          </Field>
          <CredentialsFields form={form} errors={errors} set={set} />
        </>
      )}
      <div className="grid grid-cols-3 gap-4">
        <Field label="Provider" error={errors.provider}>
          <Input value={form.provider} onChange={(e) => set("provider", e.target.value)} />
        </Field>
        <Field label="Region" error={errors.region}>
          <Input value={form.region} onChange={(e) => set("region", e.target.value)} />
        </Field>
        <Field label="Zones" error={errors.zones} hint="Comma-separated">
          <Input value={form.zones} onChange={(e) => set("zones", e.target.value)} />
        </Field>
      </div>
      <Field label="Labels" error={errors.labels} hint="key=value, one per line or comma-separated">
        <Textarea rows={2} value={form.labels} onChange={(e) => set("labels", e.target.value)} />
      </Field>
      <Field label="Taints" error={errors.taints} hint="key[=value]:NoSchedule|PreferNoSchedule|NoExecute">
        <Textarea rows={2} value={form.taints} onChange={(e) => set("taints", e.target.value)} />
      </Field>
      {serverErrors.general.length > 0 && (
        <ul role="alert" className="list-disc rounded-md bg-rose-50 p-3 pl-8 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
          {serverErrors.general.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      )}
      {register.isPending && (
        <div className="space-y-1">
          <Progress label="Checking connectivity" />
          <p className="text-sm text-slate-500" role="status">
            Checking connectivity to the cluster…
          </p>
        </div>
      )}
      <Button type="submit" disabled={register.isPending}>
        Register cluster
      </Button>
    </form>
  );
}
