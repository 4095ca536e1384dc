import type { KubeObject } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { LABEL_CRB_PERMANENT_ID, LABEL_RB_PERMANENT_ID, LABEL_WORK_PERMANENT_ID } from "../../karmada";
import { karmadaCRDDescriptor, withWebhook } from "./crds";

/** Sets a random permanent-id label when absent, as Karmada's binding and Work mutating webhooks do. */
export function ensurePermanentId(obj: KubeObject, label: string): void {
  if (obj.metadata.labels?.[label]) return;
  obj.metadata.labels = { ...obj.metadata.labels, [label]: globalThis.crypto.randomUUID() };
}

export function resourceBindingDescriptor(): ResourceDescriptor {
  return withWebhook(karmadaCRDDescriptor("ResourceBinding"), { mutate: (o) => ensurePermanentId(o, LABEL_RB_PERMANENT_ID) });
}

export function clusterResourceBindingDescriptor(): ResourceDescriptor {
  return withWebhook(karmadaCRDDescriptor("ClusterResourceBinding"), { mutate: (o) => ensurePermanentId(o, LABEL_CRB_PERMANENT_ID) });
}

/** Work: permanent-id label; manifests are stored as given (the binding controller already pruned them). */
export function workDescriptor(): ResourceDescriptor {
  return withWebhook(karmadaCRDDescriptor("Work"), { mutate: (o) => ensurePermanentId(o, LABEL_WORK_PERMANENT_ID) });
}
