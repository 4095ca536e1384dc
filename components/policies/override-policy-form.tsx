"use client";

import { useEffect, useRef } from "react";
import { Controller, useFieldArray, useForm, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { OverridePolicy } from "../../lib/kube/karmada";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { Textarea } from "../ui/textarea";
import { ClusterPicker } from "./cluster-picker";
import { errorAt, Row, Section } from "./form-bits";
import { emptyRule, overrideFormSchema, overrideToValues, valuesToOverride, type OverrideFormValues } from "./override-form-model";
import { ResourceSelectorsFields } from "./resource-selectors-fields";

type Form = UseFormReturn<OverrideFormValues>;

/**
 * The OverridePolicy / ClusterOverridePolicy form: resource selectors, then rules, each with
 * its target clusters and the image, labels, annotations, command, args and plaintext
 * overriders. Every edit is reported as a whole policy through `onChange`.
 */
export function OverridePolicyForm({ value, onChange, lockIdentity }: { value: OverridePolicy; onChange: (p: OverridePolicy) => void; lockIdentity?: boolean }) {
  const form = useForm<OverrideFormValues>({ resolver: zodResolver(overrideFormSchema), defaultValues: overrideToValues(value), mode: "all" });
  const base = useRef(value);
  base.current = value;
  const report = useRef(onChange);
  report.current = onChange;
  useEffect(() => {
    void form.trigger();
    const sub = form.watch((values) => {
      try {
        report.current(valuesToOverride(values as OverrideFormValues, base.current));
      } catch {
        // Invalid JSON or selector text mid-typing: the field shows why; the object waits.
      }
    });
    return () => sub.unsubscribe();
  }, [form]);
  const { register, formState } = form;
  const rules = useFieldArray({ control: form.control, name: "rules" });
  const kind = form.watch("kind");
  return (
    <div className="space-y-4" role="group" aria-label="Override policy form">
      <Section title="Policy">
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Kind">
            <Select {...register("kind")} disabled={lockIdentity}>
              <option value="OverridePolicy">OverridePolicy</option>
              <option value="ClusterOverridePolicy">ClusterOverridePolicy</option>
            </Select>
          </Field>
          <Field label="Name" error={errorAt(formState.errors, "name")}>
            <Input {...register("name")} readOnly={lockIdentity} />
          </Field>
          {kind === "OverridePolicy" && (
            <Field label="Namespace" error={errorAt(formState.errors, "namespace")}>
              <Input {...register("namespace")} readOnly={lockIdentity} />
            </Field>
          )}
        </div>
      </Section>
      <ResourceSelectorsFields control={form.control} register={register} errors={formState.errors} hint="No selector: the policy applies to every resource in its scope." />
      {errorAt(formState.errors, "rules") && <p className="text-xs text-rose-700 dark:text-rose-300">{errorAt(formState.errors, "rules")}</p>}
      {rules.fields.map((f, i) => (
        <Section key={f.id} title={`Rule ${i + 1}`} actions={<Button type="button" variant="ghost" onClick={() => rules.remove(i)}>Remove rule {i + 1}</Button>}>
          <RuleFields form={form} index={i} />
        </Section>
      ))}
      <Button type="button" variant="secondary" onClick={() => rules.append(emptyRule())}>
        Add rule
      </Button>
    </div>
  );
}

function RuleFields({ form, index }: { form: Form; index: number }) {
  const errors = form.formState.errors;
  const r = `rules.${index}` as const;
  return (
    <div className="space-y-3">
      <Controller control={form.control} name={`${r}.clusterNames`} render={({ field }) => <ClusterPicker label={`Rule ${index + 1} target clusters`} value={field.value} onChange={field.onChange} />} />
      <Field label={`Rule ${index + 1} cluster label selector`} hint="Empty with no clusters picked: every cluster" error={errorAt(errors, `${r}.clusterLabelSelector`)}>
        <Input {...form.register(`${r}.clusterLabelSelector`)} />
      </Field>
      <ImageFields form={form} index={index} />
      <KeyValueFields form={form} index={index} which="labels" />
      <KeyValueFields form={form} index={index} which="annotations" />
      <CommandFields form={form} index={index} which="command" />
      <CommandFields form={form} index={index} which="args" />
      <PlaintextFields form={form} index={index} />
    </div>
  );
}

const OPERATORS = ["add", "remove", "replace"] as const;

function OperatorSelect({ label, ...props }: { label: string } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label}>
      <Select {...props}>
        {OPERATORS.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function ImageFields({ form, index }: { form: Form; index: number }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: `rules.${index}.image` });
  const p = (i: number) => `rules.${index}.image.${i}` as const;
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">Image overriders</p>
      {fields.map((f, i) => (
        <Row key={f.id} onRemove={() => remove(i)} removeLabel={`Remove image overrider ${i + 1} of rule ${index + 1}`}>
          <Field label={`Rule ${index + 1} image ${i + 1} component`}>
            <Select {...form.register(`${p(i)}.component`)}>
              <option value="Registry">Registry</option>
              <option value="Repository">Repository</option>
              <option value="Tag">Tag</option>
            </Select>
          </Field>
          <OperatorSelect label={`Rule ${index + 1} image ${i + 1} operator`} {...form.register(`${p(i)}.operator`)} />
          <Field label={`Rule ${index + 1} image ${i + 1} value`}>
            <Input {...form.register(`${p(i)}.value`)} className="w-40" />
          </Field>
          <Field label={`Rule ${index + 1} image ${i + 1} path`} hint="Optional JSON pointer to the image field">
            <Input {...form.register(`${p(i)}.predicatePath`)} className="w-56" />
          </Field>
        </Row>
      ))}
      <Button type="button" variant="secondary" onClick={() => append({ component: "Tag", operator: "replace", value: "", predicatePath: "" })}>
        Add image overrider
      </Button>
    </div>
  );
}

function KeyValueFields({ form, index, which }: { form: Form; index: number; which: "labels" | "annotations" }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: `rules.${index}.${which}` });
  const title = which === "labels" ? "Label" : "Annotation";
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">{title} overriders</p>
      {fields.map((f, i) => (
        <Row key={f.id} onRemove={() => remove(i)} removeLabel={`Remove ${which} overrider ${i + 1} of rule ${index + 1}`}>
          <OperatorSelect label={`Rule ${index + 1} ${which} ${i + 1} operator`} {...form.register(`rules.${index}.${which}.${i}.operator`)} />
          <Field label={`Rule ${index + 1} ${which} ${i + 1} key`} error={errorAt(form.formState.errors, `rules.${index}.${which}.${i}.key`)}>
            <Input {...form.register(`rules.${index}.${which}.${i}.key`)} className="w-48" />
          </Field>
          <Field label={`Rule ${index + 1} ${which} ${i + 1} value`}>
            <Input {...form.register(`rules.${index}.${which}.${i}.value`)} className="w-48" />
          </Field>
        </Row>
      ))}
      <Button type="button" variant="secondary" onClick={() => append({ operator: "add", key: "", value: "" })}>
        Add {title.toLowerCase()} overrider
      </Button>
    </div>
  );
}

function CommandFields({ form, index, which }: { form: Form; index: number; which: "command" | "args" }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: `rules.${index}.${which}` });
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">{which === "command" ? "Command" : "Args"} overriders</p>
      {fields.map((f, i) => (
        <Row key={f.id} onRemove={() => remove(i)} removeLabel={`Remove ${which} overrider ${i + 1} of rule ${index + 1}`}>
          <Field label={`Rule ${index + 1} ${which} ${i + 1} container`} error={errorAt(form.formState.errors, `rules.${index}.${which}.${i}.containerName`)}>
            <Input {...form.register(`rules.${index}.${which}.${i}.containerName`)} className="w-36" />
          </Field>
          <Field label={`Rule ${index + 1} ${which} ${i + 1} operator`}>
            <Select {...form.register(`rules.${index}.${which}.${i}.operator`)}>
              <option value="add">add</option>
              <option value="remove">remove</option>
            </Select>
          </Field>
          <Field label={`Rule ${index + 1} ${which} ${i + 1} values`} hint="One per line">
            <Textarea rows={2} {...form.register(`rules.${index}.${which}.${i}.values`)} className="w-56" />
          </Field>
        </Row>
      ))}
      <Button type="button" variant="secondary" onClick={() => append({ containerName: "", operator: "add", values: "" })}>
        Add {which} overrider
      </Button>
    </div>
  );
}

function PlaintextFields({ form, index }: { form: Form; index: number }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: `rules.${index}.plaintext` });
  const errors = form.formState.errors;
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">Plaintext overriders</p>
      {fields.map((f, i) => (
        <Row key={f.id} onRemove={() => remove(i)} removeLabel={`Remove plaintext overrider ${i + 1} of rule ${index + 1}`}>
          <Field label={`Rule ${index + 1} plaintext ${i + 1} path`} error={errorAt(errors, `rules.${index}.plaintext.${i}.path`)}>
            <Input {...form.register(`rules.${index}.plaintext.${i}.path`)} placeholder="/spec/replicas" className="w-48" />
          </Field>
          <OperatorSelect label={`Rule ${index + 1} plaintext ${i + 1} operator`} {...form.register(`rules.${index}.plaintext.${i}.operator`)} />
          <Field label={`Rule ${index + 1} plaintext ${i + 1} value`} hint="JSON" error={errorAt(errors, `rules.${index}.plaintext.${i}.value`)}>
            <Input {...form.register(`rules.${index}.plaintext.${i}.value`)} className="w-48" />
          </Field>
        </Row>
      ))}
      <Button type="button" variant="secondary" onClick={() => append({ path: "/", operator: "replace", value: "" })}>
        Add plaintext overrider
      </Button>
    </div>
  );
}
