"use client";

import { useEffect, useRef } from "react";
import { Controller, useFieldArray, useForm, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { PropagationPolicy } from "../../lib/kube/karmada";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { ClusterPicker } from "./cluster-picker";
import { useClusterNames } from "./cluster-options";
import { errorAt, Row, Section } from "./form-bits";
import { propagationFormSchema, propagationToValues, valuesToPropagation, type PropagationFormValues } from "./propagation-form-model";
import { ResourceSelectorsFields } from "./resource-selectors-fields";

type Form = UseFormReturn<PropagationFormValues>;

/**
 * The PropagationPolicy / ClusterPropagationPolicy form. It starts from `value` and reports
 * every edit as a whole policy through `onChange` (built on top of the previous object, so
 * YAML-only fields survive); validation errors show beside their fields as you type.
 */
export function PropagationPolicyForm({ value, onChange, lockIdentity }: { value: PropagationPolicy; onChange: (p: PropagationPolicy) => void; lockIdentity?: boolean }) {
  const form = useForm<PropagationFormValues>({ resolver: zodResolver(propagationFormSchema), defaultValues: propagationToValues(value), mode: "all" });
  useReportChanges(form, value, onChange);
  useEffect(() => {
    void form.trigger();
  }, [form]);
  const { register, formState } = form;
  const errors = formState.errors;
  const kind = form.watch("kind");
  return (
    <div className="space-y-4" aria-label="Propagation policy form" role="group">
      <Section title="Policy">
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Kind">
            <Select {...register("kind")} disabled={lockIdentity}>
              <option value="PropagationPolicy">PropagationPolicy</option>
              <option value="ClusterPropagationPolicy">ClusterPropagationPolicy</option>
            </Select>
          </Field>
          <Field label="Name" error={errorAt(errors, "name")}>
            <Input {...register("name")} readOnly={lockIdentity} />
          </Field>
          {kind === "PropagationPolicy" && (
            <Field label="Namespace" error={errorAt(errors, "namespace")}>
              <Input {...register("namespace")} readOnly={lockIdentity} />
            </Field>
          )}
        </div>
      </Section>
      <ResourceSelectorsFields control={form.control} register={register} errors={errors} />
      <AffinitySection form={form} />
      <TolerationsSection form={form} />
      <SpreadSection form={form} />
      <ReplicaSection form={form} />
      <Section title="Priority">
        <Field label="Priority" hint="Higher priority policies win when several select a resource" error={errorAt(errors, "priority")}>
          <Input type="number" {...register("priority", { valueAsNumber: true })} className="w-32" />
        </Field>
      </Section>
    </div>
  );
}

/** Converts every value change to a policy and hands it up; conversion errors (invalid text) wait for a fix. */
function useReportChanges(form: Form, value: PropagationPolicy, onChange: (p: PropagationPolicy) => void) {
  const base = useRef(value);
  base.current = value;
  const report = useRef(onChange);
  report.current = onChange;
  useEffect(() => {
    const sub = form.watch((values) => {
      try {
        report.current(valuesToPropagation(values as PropagationFormValues, base.current));
      } catch {
        // Half-typed input (e.g. "env in (a"): the field shows its error; the object keeps its last good state.
      }
    });
    return () => sub.unsubscribe();
  }, [form]);
}

function AffinitySection({ form }: { form: Form }) {
  const errors = form.formState.errors;
  return (
    <Section title="Cluster affinity">
      <Controller control={form.control} name="clusterNames" render={({ field }) => <ClusterPicker label="Clusters" value={field.value} onChange={field.onChange} />} />
      <Field label="Cluster label selector" hint="e.g. env=prod,region in (eu,us)" error={errorAt(errors, "clusterLabelSelector")}>
        <Input {...form.register("clusterLabelSelector")} />
      </Field>
      <Controller control={form.control} name="exclude" render={({ field }) => <ClusterPicker label="Excluded clusters" value={field.value} onChange={field.onChange} />} />
    </Section>
  );
}

function TolerationsSection({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "tolerations" });
  return (
    <Section title="Tolerations" actions={<Button type="button" variant="secondary" onClick={() => append({ key: "", operator: "Exists", value: "", effect: "" })}>Add toleration</Button>}>
      {fields.map((f, i) => (
        <Row key={f.id} onRemove={() => remove(i)} removeLabel={`Remove toleration ${i + 1}`}>
          <Field label={`Toleration ${i + 1} key`}>
            <Input {...form.register(`tolerations.${i}.key`)} placeholder="cluster.karmada.io/not-ready" className="w-64" />
          </Field>
          <Field label={`Toleration ${i + 1} operator`}>
            <Select {...form.register(`tolerations.${i}.operator`)}>
              <option value="Exists">Exists</option>
              <option value="Equal">Equal</option>
            </Select>
          </Field>
          <Field label={`Toleration ${i + 1} value`}>
            <Input {...form.register(`tolerations.${i}.value`)} className="w-32" />
          </Field>
          <Field label={`Toleration ${i + 1} effect`}>
            <Select {...form.register(`tolerations.${i}.effect`)}>
              <option value="">Any</option>
              <option value="NoSchedule">NoSchedule</option>
              <option value="PreferNoSchedule">PreferNoSchedule</option>
              <option value="NoExecute">NoExecute</option>
            </Select>
          </Field>
        </Row>
      ))}
    </Section>
  );
}

function SpreadSection({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "spreadConstraints" });
  const errors = form.formState.errors;
  return (
    <Section title="Spread constraints" actions={<Button type="button" variant="secondary" onClick={() => append({ spreadByField: "cluster", minGroups: 1, maxGroups: 0 })}>Add spread constraint</Button>}>
      {fields.map((f, i) => (
        <Row key={f.id} onRemove={() => remove(i)} removeLabel={`Remove spread constraint ${i + 1}`}>
          <Field label={`Spread ${i + 1} by`}>
            <Select {...form.register(`spreadConstraints.${i}.spreadByField`)}>
              {["cluster", "region", "zone", "provider"].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={`Spread ${i + 1} min groups`} error={errorAt(errors, `spreadConstraints.${i}.minGroups`)}>
            <Input type="number" {...form.register(`spreadConstraints.${i}.minGroups`, { valueAsNumber: true })} className="w-24" />
          </Field>
          <Field label={`Spread ${i + 1} max groups`} hint="0 = no limit">
            <Input type="number" {...form.register(`spreadConstraints.${i}.maxGroups`, { valueAsNumber: true })} className="w-24" />
          </Field>
        </Row>
      ))}
    </Section>
  );
}

function ReplicaSection({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "weights" });
  const { names } = useClusterNames();
  const errors = form.formState.errors;
  const type = form.watch("replicaSchedulingType");
  const pref = form.watch("divisionPreference");
  return (
    <Section title="Replica scheduling">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Replica scheduling type">
          <Select {...form.register("replicaSchedulingType")}>
            <option value="">Default (Divided, Weighted equally)</option>
            <option value="Duplicated">Duplicated (every cluster runs all replicas)</option>
            <option value="Divided">Divided (replicas split across clusters)</option>
          </Select>
        </Field>
        {type === "Divided" && (
          <Field label="Division preference" error={errorAt(errors, "divisionPreference")}>
            <Select {...form.register("divisionPreference")}>
              <option value="">Choose…</option>
              <option value="Aggregated">Aggregated (as few clusters as possible)</option>
              <option value="Weighted">Weighted</option>
            </Select>
          </Field>
        )}
      </div>
      {type === "Divided" && pref === "Weighted" && (
        <div className="space-y-2">
          {errorAt(errors, "weights") && <p className="text-xs text-rose-700 dark:text-rose-300">{errorAt(errors, "weights")}</p>}
          {fields.map((f, i) => (
            <Row key={f.id} onRemove={() => remove(i)} removeLabel={`Remove weight ${i + 1}`}>
              <Field label={`Weight ${i + 1} cluster`} error={errorAt(errors, `weights.${i}.cluster`)}>
                <Input list="flotilla-cluster-names" {...form.register(`weights.${i}.cluster`)} className="w-40" />
              </Field>
              <Field label={`Weight ${i + 1} value`} error={errorAt(errors, `weights.${i}.weight`)}>
                <Input type="number" {...form.register(`weights.${i}.weight`, { valueAsNumber: true })} className="w-24" />
              </Field>
            </Row>
          ))}
          <datalist id="flotilla-cluster-names">
            {names.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <Button type="button" variant="secondary" onClick={() => append({ cluster: names[fields.length] ?? "", weight: 1 })}>
            Add weight
          </Button>
        </div>
      )}
    </Section>
  );
}
