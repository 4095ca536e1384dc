"use client";

import { useFormContext } from "react-hook-form";
import { listKubeconfigContexts } from "../../lib/kube/kubeconfig";
import type { RegistrationFormInput } from "../../lib/console/registration-schema";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { Textarea } from "../ui/textarea";

/** Contexts of the pasted kubeconfig, [] while it does not parse (the field error says why). */
export function safeContexts(text: string): string[] {
  try {
    return text.trim() ? listKubeconfigContexts(text) : [];
  } catch {
    return [];
  }
}

/** Kubeconfig (paste or upload, with context choice) or endpoint + token + CA; fields of the surrounding registration form. */
export function CredentialsFields() {
  const { register, watch, setValue, formState } = useFormContext<RegistrationFormInput>();
  const errors = formState.errors;
  const credentials = watch("credentials");
  const contexts = safeContexts(watch("kubeconfig") ?? "");
  if (credentials === "token") {
    return (
      <div className="space-y-4">
        <Field label="API endpoint" error={errors.apiEndpoint?.message} hint="e.g. https://10.0.0.1:6443">
          <Input {...register("apiEndpoint")} />
        </Field>
        <Field label="Bearer token" error={errors.token?.message}>
          <Input type="password" {...register("token")} autoComplete="off" />
        </Field>
        <Field label="CA certificate (PEM)" error={errors.caData?.message}>
          <Textarea rows={5} {...register("caData")} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...register("insecureSkipTLSVerification")} />
          Skip TLS verification (insecure)
        </label>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <Field label="Kubeconfig" error={errors.kubeconfig?.message} hint="Paste a kubeconfig with embedded credentials (kubectl config view --flatten --minify), or upload the file.">
        <Textarea rows={10} {...register("kubeconfig")} spellCheck={false} />
      </Field>
      <Field label="Upload kubeconfig">
        <input
          type="file"
          className="block text-sm"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setValue("kubeconfig", await file.text(), { shouldValidate: formState.isSubmitted, shouldDirty: true });
          }}
        />
      </Field>
      <Field label="Context" error={errors.context?.message} hint={contexts.length ? undefined : "The contexts of the kubeconfig appear here once it parses."}>
        <Select {...register("context")} disabled={!contexts.length}>
          <option value="">Current context</option>
          {contexts.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
