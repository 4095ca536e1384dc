import { randomUUID } from "node:crypto";
import type { KubeObject } from "../../kube/types";
import type { PropagationPolicy, ResourceBinding, ResourceBindingSpec } from "../../kube/karmada";
import { getReplicas } from "../../interpreter";
import { bindingName, claimMetadata } from "../../policies";
import { BINDING_API_VERSION, bindingFinalizer, bindingIdLabel, bindingKindFor } from "../binding/binding-meta";
import { deepEqual } from "../../apiserver/object-utils";
import { cloneJson } from "../../store/json-clone";

/**
 * Karmada's BuildResourceBinding + create-or-update merge (karmada-api.md §7.2): the binding of
 * `template` under `policy`, merged onto `existing` when there is one. Refreshed on every pass:
 * claim labels/annotations, the controller ownerReference, the finalizer, spec.resource,
 * replicas and replicaRequirements, placement and the policy-copied fields; suspension merged
 * with the binding's own `scheduling` flag. spec.clusters, requiredBy, eviction tasks and
 * status are kept as they are (others own them). A new binding gets a permanent-id label.
 */
export function buildBinding(template: KubeObject, policy: PropagationPolicy, existing?: ResourceBinding): ResourceBinding {
  const kind = bindingKindFor(template);
  const claim = claimMetadata(policy);
  const base: ResourceBinding = existing
    ? cloneJson(existing)
    : { apiVersion: BINDING_API_VERSION, kind, metadata: { name: bindingName(template.kind, template.metadata.name ?? ""), ...(template.metadata.namespace ? { namespace: template.metadata.namespace } : {}) }, spec: { resource: { apiVersion: "", kind: "", name: "" } } };
  const meta = base.metadata;
  const labels = { ...(meta.labels ?? {}), ...claim.labels };
  const annotations = { ...(meta.annotations ?? {}), ...claim.annotations };
  for (const k of claim.removeLabels) delete labels[k];
  for (const k of claim.removeAnnotations) delete annotations[k];
  labels[bindingIdLabel(kind)] ??= randomUUID();
  meta.labels = labels;
  meta.annotations = annotations;
  meta.finalizers = [...new Set([...(meta.finalizers ?? []), bindingFinalizer(kind)])];
  const owner = { apiVersion: template.apiVersion, kind: template.kind, name: template.metadata.name ?? "", uid: template.metadata.uid ?? "", controller: true, blockOwnerDeletion: true };
  meta.ownerReferences = [...(meta.ownerReferences ?? []).filter((r) => !r.controller), owner];
  base.spec = { ...base.spec, ...specFromPolicy(template, policy, base.spec) };
  return base;
}

function specFromPolicy(template: KubeObject, policy: PropagationPolicy, current: ResourceBindingSpec): ResourceBindingSpec {
  const p = policy.spec ?? {};
  const { replicas, replicaRequirements } = getReplicas(template);
  const spec: ResourceBindingSpec = {
    ...current,
    resource: {
      apiVersion: template.apiVersion,
      kind: template.kind,
      ...(template.metadata.namespace ? { namespace: template.metadata.namespace } : {}),
      name: template.metadata.name ?? "",
      uid: template.metadata.uid,
      resourceVersion: template.metadata.resourceVersion,
    },
    replicas,
    placement: cloneJson(p.placement ?? {}),
    schedulerName: p.schedulerName ?? "default-scheduler",
    conflictResolution: p.conflictResolution ?? "Abort",
  };
  setOrDelete(spec, "replicaRequirements", replicaRequirements);
  setOrDelete(spec, "propagateDeps", p.propagateDeps || undefined);
  setOrDelete(spec, "failover", p.failover);
  setOrDelete(spec, "preserveResourcesOnDeletion", p.preserveResourcesOnDeletion);
  const scheduling = current.suspension?.scheduling;
  const suspension = { ...(p.suspension ?? {}), ...(scheduling !== undefined ? { scheduling } : {}) };
  setOrDelete(spec, "suspension", Object.keys(suspension).length ? suspension : undefined);
  return spec;
}

function setOrDelete<K extends keyof ResourceBindingSpec>(spec: ResourceBindingSpec, key: K, value: ResourceBindingSpec[K] | undefined): void {
  if (value === undefined || value === null) delete spec[key];
  else spec[key] = cloneJson(value);
}

/** Whether two versions of a binding differ in what the detector writes (metadata + spec). */
export function bindingChanged(a: ResourceBinding, b: ResourceBinding): boolean {
  // Key order is not meaningful: the store may hand objects back with their keys reordered.
  const pick = (x: ResourceBinding) => [x.metadata.labels ?? {}, x.metadata.annotations ?? {}, x.metadata.finalizers ?? [], x.metadata.ownerReferences ?? [], x.spec];
  return !deepEqual(pick(a), pick(b));
}
