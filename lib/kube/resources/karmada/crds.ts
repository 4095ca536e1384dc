import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { descriptorsFromCRD } from "../crd-descriptors";
import { karmadaCRDObjects } from "./crd-definitions";

/**
 * Karmada's CRD-defined kinds as CustomResourceDefinition objects (hand-written from Karmada's
 * API types in crd-definitions.ts and schemas/): discovery names, printer columns, schema
 * defaults, pruning and schema validation come from there; webhook behaviour is layered on by
 * `withWebhook`. Each call returns fresh objects, so callers may mutate them.
 */
export function karmadaCRDs(): KubeObject[] {
  return karmadaCRDObjects();
}

/** The descriptor of one Karmada CRD kind (its storage version). */
export function karmadaCRDDescriptor(kind: string): ResourceDescriptor {
  const crd = karmadaCRDs().find((c) => (c.spec as { names: { kind: string } }).names.kind === kind);
  if (!crd) throw new Error(`no Karmada CRD for kind ${kind}`);
  const [d] = descriptorsFromCRD(crd);
  // Served natively by Flotilla, not through a stored CRD object.
  delete d.fromCRD;
  return d;
}

export interface Webhook {
  /** Mutating webhook, run after schema defaults (Karmada's webhooks see CRD-defaulted objects). */
  mutate?: (obj: KubeObject) => void;
  /** Validating webhook rules, run after schema validation. */
  validate?: (obj: KubeObject, old?: KubeObject) => StatusCause[];
}

/** Adds Karmada's mutating/validating webhook behaviour on top of a CRD descriptor. */
export function withWebhook(d: ResourceDescriptor, hook: Webhook): ResourceDescriptor {
  const schemaDefaults = d.applyDefaults;
  const schemaValidate = d.validate;
  return {
    ...d,
    applyDefaults: (obj) => {
      schemaDefaults?.(obj);
      hook.mutate?.(obj);
    },
    validate: (obj, old) => {
      const base = schemaValidate ? schemaValidate(obj, old) : [];
      // kube-apiserver calls validating webhooks only for objects that passed the schema
      // (strategy validation fails the request first), so webhook causes never mix in.
      if (base.length) return base;
      return hook.validate ? dedupeCauses(hook.validate(obj, old)) : [];
    },
  };
}

/** field.ErrorList.ToAggregate drops repeated errors (same field and message) from the webhook's answer. */
export function dedupeCauses(list: StatusCause[]): StatusCause[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const k = `${c.field ?? ""}\u0000${c.message ?? ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
