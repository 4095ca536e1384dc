import type { ObjectClient } from "../../kube/client";
import type { PropagationPolicy } from "../../kube/karmada";
import type { EventRecorder } from "../runtime/events";
import type { InformerSource } from "../runtime/shared-informers";
import type { Request } from "../runtime/keys";
import type { TemplateWatcher } from "./template-watcher";

/** What the detector's reconcile functions share. */
export interface DetectorContext {
  client: ObjectClient;
  informers: InformerSource;
  events: EventRecorder;
  templates: TemplateWatcher;
  enqueue: (req: Request) => void;
  /** Karmada's PropagationPolicyPreemption gate (alpha there; on by default here, as the issue asks). */
  preemption: boolean;
}

export const POLICY_API = "policy.karmada.io/v1alpha1";

export function propagationPolicies(ctx: DetectorContext, namespace?: string): PropagationPolicy[] {
  return ctx.informers.informerFor<PropagationPolicy>({ apiVersion: POLICY_API, kind: "PropagationPolicy" }).list(namespace);
}

export function clusterPropagationPolicies(ctx: DetectorContext): PropagationPolicy[] {
  return ctx.informers.informerFor<PropagationPolicy>({ apiVersion: POLICY_API, kind: "ClusterPropagationPolicy" }).list();
}

export function findPolicy(ctx: DetectorContext, kind: PropagationPolicy["kind"], namespace: string | undefined, name: string): PropagationPolicy | undefined {
  return ctx.informers.informerFor<PropagationPolicy>({ apiVersion: POLICY_API, kind }).get(kind === "PropagationPolicy" ? namespace : undefined, name);
}
