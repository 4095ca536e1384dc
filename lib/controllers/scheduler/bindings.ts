import type { ResourceBinding } from "../../kube/karmada";
import { LABEL_CPP_PERMANENT_ID, LABEL_PP_PERMANENT_ID, WORK_V1ALPHA2 } from "../../kube/karmada";
import type { KubeObject } from "../../kube/types";
import type { InformerSpec } from "../runtime/informer";
import type { Request } from "../runtime/keys";

/**
 * The two binding kinds the scheduler serves, and how a work-queue key names one: a key with a
 * namespace is a ResourceBinding, a key without is a ClusterResourceBinding (the kinds' scopes
 * make the two key spaces disjoint, so one controller can serve both).
 */

/** Karmada's default scheduler name (bindings with an empty schedulerName belong to it). */
export const DEFAULT_SCHEDULER_NAME = "default-scheduler";

/** Karmada's `binding.karmada.io/managed-by` label: bindings made by other Karmada features. */
export const LABEL_BINDING_MANAGED_BY = "binding.karmada.io/managed-by";

export const RESOURCE_BINDINGS: InformerSpec = { apiVersion: WORK_V1ALPHA2, kind: "ResourceBinding" };
export const CLUSTER_RESOURCE_BINDINGS: InformerSpec = { apiVersion: WORK_V1ALPHA2, kind: "ClusterResourceBinding" };

/** The informer spec holding the binding a request names. */
export function bindingSpecOf(req: Request): InformerSpec {
  return req.namespace ? RESOURCE_BINDINGS : CLUSTER_RESOURCE_BINDINGS;
}

/** The request naming a binding (its own key). */
export function bindingRequest(b: KubeObject): Request {
  return { namespace: b.kind === "ResourceBinding" ? b.metadata.namespace : undefined, name: b.metadata.name ?? "" };
}

/**
 * Karmada's `resourceBindingEventFilter`: the binding is this scheduler's (schedulerName,
 * empty meaning the default one), scheduling is not suspended, and it was made by a policy
 * (PP/CPP permanent-id label) or by another Karmada feature (managed-by label).
 */
export function isSchedulerManaged(binding: ResourceBinding, schedulerName = DEFAULT_SCHEDULER_NAME): boolean {
  if (!isForScheduler(binding, schedulerName)) return false;
  const labels = binding.metadata.labels ?? {};
  return !!(labels[LABEL_PP_PERMANENT_ID] || labels[LABEL_CPP_PERMANENT_ID] || labels[LABEL_BINDING_MANAGED_BY]);
}

/** The binding names this scheduler (empty: the default one) and is not suspended for scheduling. */
export function isForScheduler(binding: ResourceBinding, schedulerName = DEFAULT_SCHEDULER_NAME): boolean {
  if ((binding.spec?.schedulerName || DEFAULT_SCHEDULER_NAME) !== schedulerName) return false;
  return binding.spec?.suspension?.scheduling !== true;
}
