"use client";

import { listKubeconfigContexts } from "../../lib/kube/kubeconfig";
import type { FieldErrors, RegistrationForm } from "../../lib/console/registration";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { Textarea } from "../ui/textarea";

type Props = { form: RegistrationForm; errors: FieldErrors; set: <K extends keyof RegistrationForm>(k: K, v: RegistrationForm[K]) => void };

/** Contexts of the pasted kubeconfig, [] while it does not parse (the field error says why). */
export function safeContexts(text: string): string[] {
  try {
    return text.trim() ? listKubeconfigContexts(text) : [];
  } catch {
    return [];
  }
}

/** Kubeconfig (paste or upload, with context choice) or endpoint + token + CA. */
export function CredentialsFields({ form, errors, set }: Props) {
  const contexts = safeContexts(form.kubeconfig);
  if (form.credentials === "token") {
    return (
      <div className="space-y-4">
        <Field label="API endpoint" error={errors.apiEndpoint} hint="e.g. https://10.0.0.1:6443">
          <Input value={form.apiEndpoint} onChange={(e) => set("apiEndpoint", e.target.value)} />
        </Field>
        <Field label="Bearer token" error={errors.token}>
          <Input type="password" value={form.token} onChange={(e) => set("token", e.target.value)} autoComplete="off" />
        </Field>
        <Field label="CA certificate (PEM)" error={errors.caData}>
          <Textarea rows={5} value={form.caData} onChange={(e) => set("caData", e.target.value)} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.insecureSkipTLSVerification} onChange={(e) => set("insecureSkipTLSVerification", e.target.checked)} />
          Skip TLS verification (insecure)
        </label>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <Field label="Kubeconfig" error={errors.kubeconfig} hint="Paste a kubeconfig with embedded credentials (kubectl config view --flatten --minify), or upload the file.">
        <Textarea rows={10} value={form.kubeconfig} onChange={(e) => set("kubeconfig", e.target.value)} spellCheck={false} />
      </Field>
      <Field label="Upload kubeconfig">
        <input
          type="file"
          className="block text-sm"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) set("kubeconfig", await file.text());
          }}
        />
      </Field>
      <Field label="Context" error={errors.context} hint={contexts.length ? undefined : "The contexts of the kubeconfig appear here once it parses."}>
        <Select value={form.context} onChange={(e) => set("context", e.target.value)} disabled={!contexts.length}>
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
