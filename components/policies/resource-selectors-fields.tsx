"use client";

import { useFieldArray, type ArrayPath, type Control, type FieldArray, type FieldErrors, type FieldValues, type Path, type UseFormRegister } from "react-hook-form";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { errorAt, Row, Section } from "./form-bits";
import type { ResourceSelectorValues } from "./propagation-form-model";

const EMPTY: ResourceSelectorValues = { apiVersion: "apps/v1", kind: "Deployment", name: "", namespace: "", labelSelector: "" };

/** The resourceSelectors list, shared by the propagation and override forms. */
export function ResourceSelectorsFields<T extends FieldValues & { resourceSelectors: ResourceSelectorValues[] }>({
  control,
  register,
  errors,
  hint,
}: {
  control: Control<T>;
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  hint?: string;
}) {
  const { fields, append, remove } = useFieldArray({ control, name: "resourceSelectors" as ArrayPath<T> });
  const p = (i: number, f: keyof ResourceSelectorValues) => `resourceSelectors.${i}.${f}` as Path<T>;
  return (
    <Section title="Resource selectors" actions={<Button type="button" variant="secondary" onClick={() => append(EMPTY as FieldArray<T, ArrayPath<T>>)}>Add resource selector</Button>}>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      {errorAt(errors, "resourceSelectors") && <p className="text-xs text-rose-700 dark:text-rose-300">{errorAt(errors, "resourceSelectors")}</p>}
      {fields.map((f, i) => (
        <Row key={f.id} onRemove={() => remove(i)} removeLabel={`Remove resource selector ${i + 1}`}>
          <Field label={`Selector ${i + 1} API version`} error={errorAt(errors, `resourceSelectors.${i}.apiVersion`)}>
            <Input {...register(p(i, "apiVersion"))} className="w-32" />
          </Field>
          <Field label={`Selector ${i + 1} kind`} error={errorAt(errors, `resourceSelectors.${i}.kind`)}>
            <Input {...register(p(i, "kind"))} className="w-36" />
          </Field>
          <Field label={`Selector ${i + 1} name`}>
            <Input {...register(p(i, "name"))} placeholder="any" className="w-36" />
          </Field>
          <Field label={`Selector ${i + 1} namespace`}>
            <Input {...register(p(i, "namespace"))} placeholder="any" className="w-32" />
          </Field>
          <Field label={`Selector ${i + 1} labels`} error={errorAt(errors, `resourceSelectors.${i}.labelSelector`)}>
            <Input {...register(p(i, "labelSelector"))} placeholder="app=web" className="w-40" />
          </Field>
        </Row>
      ))}
    </Section>
  );
}
