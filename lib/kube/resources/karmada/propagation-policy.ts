import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { causes } from "../../errors";
import { arr, dig, rec, str } from "../format";
import { LABEL_CPP_PERMANENT_ID, LABEL_PP_PERMANENT_ID } from "../../karmada";
import { karmadaCRDDescriptor, withWebhook } from "./crds";
import { validatePlacement } from "./placement-validation";
import { isLabelKey } from "./content";
import { updateBaseline } from "../../validation/update-baseline";

export const PP_FINALIZER = "karmada.io/propagation-policy-controller";
export const CPP_FINALIZER = "karmada.io/cluster-propagation-policy-controller";

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Karmada's PropagationPolicy mutating webhook (the ClusterPropagationPolicy one is the same
 * minus the selector namespace): selector namespaces, spread constraint defaults, Divided
 * without preference → Weighted, failover gracePeriodSeconds 600, ServiceImport forces
 * propagateDeps, and the permanent-id label. The finalizer is left to the policy controller
 * (exported as PP_FINALIZER / CPP_FINALIZER) so deletes never hang without one.
 */
export function mutatePropagationPolicy(obj: KubeObject, namespaced = obj.kind !== "ClusterPropagationPolicy"): void {
  const spec = rec(obj.spec);
  if (namespaced) for (const s of arr(spec.resourceSelectors)) if (!str(s.namespace) && obj.metadata.namespace) s.namespace = obj.metadata.namespace;
  const placement = rec(spec.placement);
  for (const c of arr(placement.spreadConstraints)) {
    if (!str(c.spreadByLabel) && !str(c.spreadByField)) c.spreadByField = "cluster";
    if (!c.minGroups) c.minGroups = 1;
  }
  // helper.ContainsServiceImport: exactly multicluster.x-k8s.io/v1alpha1, the MCS version Karmada serves.
  if (arr(spec.resourceSelectors).some((s) => s.kind === "ServiceImport" && s.apiVersion === "multicluster.x-k8s.io/v1alpha1")) spec.propagateDeps = true;
  const rs = rec(placement.replicaScheduling);
  if (rs.replicaSchedulingType === "Divided" && !str(rs.replicaDivisionPreference)) rs.replicaDivisionPreference = "Weighted";
  const app = dig(spec, "failover", "application") as Record<string, unknown> | undefined;
  if (app && typeof app === "object" && app.purgeMode === "Gracefully" && app.gracePeriodSeconds == null) app.gracePeriodSeconds = 600;
  // Create only (util.MergeLabel overwrites whatever the client sent); updates keep the label as
  // sent, and the validating webhook rejects any change to it. Creates run without an update baseline.
  const label = namespaced ? LABEL_PP_PERMANENT_ID : LABEL_CPP_PERMANENT_ID;
  if (updateBaseline() === undefined) obj.metadata.labels = { ...obj.metadata.labels, [label]: randomId() };
}

/** Karmada's PropagationPolicy validating webhook (ValidatePropagationSpec plus update rules). */
export function validatePropagationPolicy(obj: KubeObject, old?: KubeObject, namespaced = obj.kind !== "ClusterPropagationPolicy"): StatusCause[] {
  // The webhook denies with the first failing check: update rules, the permanent-id label, then the spec.
  const label = namespaced ? LABEL_PP_PERMANENT_ID : LABEL_CPP_PERMANENT_ID;
  if (old) {
    if (str(rec(obj.spec).schedulerName) !== str(rec(old.spec).schedulerName)) return [webhookDenial("the schedulerName should not be updated")];
    if ((obj.metadata.labels?.[label] ?? "") !== (old.metadata.labels?.[label] ?? ""))
      return [webhookDenial(`label ${label} is immutable, it can only be set by the system during creation`)];
  }
  if (obj.metadata.labels?.[label] === undefined)
    return [webhookDenial(`label ${label} is required, it should be set by the mutating admission webhook during creation`)];
  return validatePropagationSpec(obj.spec, namespaced ? obj.metadata.namespace ?? "" : "");
}

/** A webhook denial that is no field.Error (fmt.Errorf in Karmada): the message alone, no field. */
export function webhookDenial(message: string): StatusCause {
  return { reason: "FieldValueInvalid", message };
}

/** Karmada's ValidatePropagationSpec (pkg/util/validation); policyNamespace "" skips the selector namespace check. */
export function validatePropagationSpec(specValue: unknown, policyNamespace: string): StatusCause[] {
  const out: StatusCause[] = [];
  const spec = rec(specValue);
  out.push(...validatePlacement(spec.placement, "spec.placement"));
  const failover = rec(spec.failover);
  if (failover.application != null && spec.propagateDeps !== true)
    out.push(causes.invalid("spec.propagateDeps", spec.propagateDeps ?? false, "application failover is set, propagateDeps must be true"));
  out.push(...validateApplicationFailover(failover.application, "spec.failover.application"));
  out.push(...validateClusterFailover(failover.cluster, "spec.failover.cluster"));
  out.push(...validateSelectorNamespaces(arr(spec.resourceSelectors), policyNamespace, "spec.resourceSelectors"));
  if (spec.preemption === "Always")
    arr(spec.resourceSelectors).forEach((s, i) => {
      if (!str(s.name)) out.push(causes.invalid(`spec.resourceSelectors[${i}].name`, "", "name cannot be empty if preemption is Always, the empty name may cause unexpected resources preemption"));
    });
  const susp = rec(spec.suspension);
  if (susp.dispatching === true && arr(dig(susp, "dispatchingOnClusters", "clusterNames")).length > 0)
    out.push(causes.invalid("spec.suspension.suspension", susp, "suspension dispatching cannot co-exist with dispatchingOnClusters.clusterNames"));
  return out;
}

/** A namespaced policy may only select objects in its own namespace. */
export function validateSelectorNamespaces(selectors: Record<string, unknown>[], ns: string, path: string): StatusCause[] {
  if (!ns) return [];
  return selectors.flatMap((s, i) =>
    str(s.namespace) !== ns ? [causes.invalid(`${path}[${i}].namespace`, str(s.namespace), "namespace of resource selector must be the same as the namespace of the policy")] : [],
  );
}

/** Karmada's ValidateApplicationFailover. */
export function validateApplicationFailover(value: unknown, path: string): StatusCause[] {
  if (value == null) return [];
  const out: StatusCause[] = [];
  const app = rec(value);
  const tol = dig(app, "decisionConditions", "tolerationSeconds");
  if (typeof tol === "number" && tol < 0) out.push(causes.invalid(`${path}.decisionConditions.tolerationSeconds`, tol, "must be greater than or equal to 0"));
  const grace = app.gracePeriodSeconds;
  if (app.purgeMode !== "Gracefully" && grace != null) out.push(causes.invalid(`${path}.gracePeriodSeconds`, grace, "only takes effect when purgeMode is gracefully"));
  if (app.purgeMode === "Gracefully" && grace == null) out.push(causes.invalid(`${path}.gracePeriodSeconds`, null, "should not be empty when purgeMode is gracefully"));
  if (typeof grace === "number" && grace <= 0) out.push(causes.invalid(`${path}.gracePeriodSeconds`, grace, "must be greater than 0"));
  out.push(...validateStateRules(arr(dig(app, "statePreservation", "rules")), `${path}.statePreservation.rules`));
  return out;
}

/** Karmada's validateClusterFailover. */
export function validateClusterFailover(value: unknown, path: string): StatusCause[] {
  if (value == null) return [];
  return validateStateRules(arr(dig(value, "statePreservation", "rules")), `${path}.statePreservation.rules`);
}

function validateStateRules(rules: Record<string, unknown>[], path: string): StatusCause[] {
  return rules.flatMap((r, i) => isLabelKey(str(r.aliasLabelName)).map((e) => causes.invalid(`${path}[${i}].aliasLabelName`, str(r.aliasLabelName), e)));
}

export function propagationPolicyDescriptor(): ResourceDescriptor {
  return withWebhook(karmadaCRDDescriptor("PropagationPolicy"), {
    mutate: (o) => mutatePropagationPolicy(o, true),
    validate: (o, old) => validatePropagationPolicy(o, old, true),
  });
}

export function clusterPropagationPolicyDescriptor(): ResourceDescriptor {
  return withWebhook(karmadaCRDDescriptor("ClusterPropagationPolicy"), {
    mutate: (o) => mutatePropagationPolicy(o, false),
    validate: (o, old) => validatePropagationPolicy(o, old, false),
  });
}
