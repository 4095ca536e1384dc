"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { apiFetch } from "../../lib/kube/fetch";
import { ApiError } from "../../lib/kube/errors";
import { causesToFieldErrors, EMPTY_REGISTRATION, toRegistrationRequest, type RegistrationForm as Form } from "../../lib/console/registration";
import { registrationFormSchema, type RegistrationFormInput } from "../../lib/console/registration-schema";
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
 * Registers a member cluster (react-hook-form + zodResolver over the shared registration
 * rules): nothing is sent while the form is invalid, fields re-validate as the user edits after
 * the first submit, progress shows while the server checks connectivity, and the server's
 * Status causes land on the fields they name. Pull mode shows the agent's join command instead.
 */
export function RegistrationForm({ onRegistered }: { onRegistered?: (name: string) => void }) {
  const router = useRouter();
  const client = useQueryClient();
  const methods = useForm<RegistrationFormInput, unknown, Form>({ resolver: zodResolver(registrationFormSchema), defaultValues: EMPTY_REGISTRATION, mode: "onSubmit", reValidateMode: "onChange" });
  const { register, handleSubmit, watch, setError, formState } = methods;
  const [general, setGeneral] = useState<string[]>([]);
  const [pullFor, setPullFor] = useState<string>();
  const syncMode = watch("syncMode");
  const errors = formState.errors;

  const registerCluster = useMutation({
    mutationFn: (f: Form) => apiFetch("/api/v1/clusters", { method: "POST", json: toRegistrationRequest(f) }),
    onSuccess: async (_d, f) => {
      toast({ title: `Cluster ${f.name} registered`, tone: "success" });
      await client.invalidateQueries({ queryKey: ["rest"] });
      await client.invalidateQueries({ queryKey: ["kube", "cluster.karmada.io"] });
      if (onRegistered) onRegistered(f.name);
      else router.push(`/clusters/${encodeURIComponent(f.name)}`);
    },
    onError: (e) => {
      const mapped = ApiError.is(e) ? causesToFieldErrors(e.status.details?.causes) : { fields: {}, general: [] };
      for (const [field, message] of Object.entries(mapped.fields)) if (message) setError(field as keyof Form, { type: "server", message });
      setGeneral(mapped.general);
      toast({ title: "Registration failed", description: describeError(e).message, tone: "danger" });
    },
  });

  const submit = handleSubmit((form) => {
    setGeneral([]);
    // Pull clusters register through their agent: the console only issues the join command.
    if (form.syncMode === "Pull") setPullFor(form.name);
    else registerCluster.mutate(form);
  });

  if (pullFor) return <PullCommand cluster={pullFor} />;
  return (
    <FormProvider {...methods}>
      <form aria-label="Register cluster" noValidate onSubmit={submit} className="max-w-2xl space-y-5">
        <Field label="Cluster name" error={errors.name?.message}>
          <Input {...register("name")} autoComplete="off" />
        </Field>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Sync mode</legend>
          {(["Push", "Pull"] as const).map((m) => (
            <label key={m} className="mr-4 inline-flex items-center gap-2 text-sm">
              <input type="radio" value={m} {...register("syncMode")} />
              {m === "Push" ? "Push (Flotilla connects to the cluster)" : "Pull (an agent in the cluster connects to Flotilla)"}
            </label>
          ))}
        </fieldset>
        {syncMode === "Push" && (
          <>
            <Field label="Credentials">
              <Select {...register("credentials")}>
                <option value="kubeconfig">Kubeconfig</option>
                <option value="token">API endpoint, token and CA</option>
              </Select>
            </Field>
            <CredentialsFields />
          </>
        )}
        <div className="grid grid-cols-3 gap-4">
          <Field label="Provider" error={errors.provider?.message}>
            <Input {...register("provider")} />
          </Field>
          <Field label="Region" error={errors.region?.message}>
            <Input {...register("region")} />
          </Field>
          <Field label="Zones" error={errors.zones?.message} hint="Comma-separated">
            <Input {...register("zones")} />
          </Field>
        </div>
        <Field label="Labels" error={errors.labels?.message} hint="key=value, one per line or comma-separated">
          <Textarea rows={2} {...register("labels")} />
        </Field>
        <Field label="Taints" error={errors.taints?.message} hint="key[=value]:NoSchedule|NoExecute">
          <Textarea rows={2} {...register("taints")} />
        </Field>
        {general.length > 0 && (
          <ul role="alert" className="list-disc rounded-md bg-rose-50 p-3 pl-8 text-sm text-rose-800 dark:bg-rose-950 dark:text-rose-200">
            {general.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        )}
        {registerCluster.isPending && (
          <div className="space-y-1">
            <Progress label="Checking connectivity" />
            <p className="text-sm text-slate-500 dark:text-slate-400" role="status">
              Checking connectivity to the cluster…
            </p>
          </div>
        )}
        <Button type="submit" disabled={registerCluster.isPending}>
          Register cluster
        </Button>
      </form>
    </FormProvider>
  );
}
