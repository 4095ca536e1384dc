import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";
import { errors } from "../kube/errors";
import { labelSelectorToRequirements, selectorToString, type LabelSelector } from "../kube/selectors";
import { applyJsonPatch, applyMergePatch } from "./patch/index";
import type { ObjectApi, WriteQuery } from "./object-api";
import { clone } from "./object-utils";
import { prepareUpdate } from "./write-pipeline";

/**
 * The `/scale` subresource (autoscaling/v1 Scale) of kinds with spec.replicas: a view of
 * replicas and the selector, writable through PUT and merge/JSON/strategic patches.
 */
export function toScale(obj: KubeObject): KubeObject {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: LabelSelector };
  const status = (obj.status ?? {}) as { replicas?: number };
  const m = obj.metadata;
  const scale: KubeObject = {
    apiVersion: "autoscaling/v1",
    kind: "Scale",
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0 },
  };
  if (spec.selector) (scale.status as Record<string, unknown>).selector = selectorToString(labelSelectorToRequirements(spec.selector));
  return scale;
}

export async function getScale(api: ObjectApi, d: ResourceDescriptor, namespace: string | undefined, name: string): Promise<KubeObject> {
  return toScale(await api.get(d, namespace, name));
}

/** PUT or PATCH of a Scale: computes the new Scale, then writes only spec.replicas. */
export async function writeScale(
  api: ObjectApi,
  d: ResourceDescriptor,
  namespace: string | undefined,
  name: string,
  change: { put?: KubeObject; patchType?: string; patch?: unknown },
  q: WriteQuery = {},
): Promise<KubeObject> {
  const old = await api.get(d, namespace, name);
  const current = toScale(old);
  let next: KubeObject;
  if (change.put) next = change.put;
  else if (change.patchType === "application/json-patch+json") next = applyJsonPatch(clone(current), change.patch);
  else if (change.patchType === "application/merge-patch+json" || change.patchType === "application/strategic-merge-patch+json")
    next = applyMergePatch(clone(current), change.patch);
  else throw errors.unsupportedMediaType(change.patchType ?? "");
  const rv = next.metadata?.resourceVersion;
  if (rv && rv !== old.metadata.resourceVersion) throw api.conflict(d, name);
  const replicas = (next.spec as { replicas?: unknown } | undefined)?.replicas;
  if (typeof replicas !== "number" || !Number.isInteger(replicas) || replicas < 0)
    throw errors.invalid("Scale", name, [{ reason: "FieldValueInvalid", field: "spec.replicas", message: `Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0` }], "autoscaling");
  const updated = clone(old);
  updated.spec = { ...(updated.spec as object), replicas };
  const prepared = prepareUpdate(updated, { descriptor: d, old });
  return toScale(await api.commitUpdate(d, old, prepared, q));
}
