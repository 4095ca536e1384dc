import type { ResourceDescriptor } from "../../resource-descriptor";
import { clusterDescriptor } from "./cluster";
import { karmadaCRDDescriptor } from "./crds";

/** Every Karmada kind the control plane serves. */
export function karmadaDescriptors(): ResourceDescriptor[] {
  return [
    clusterDescriptor(),
    karmadaCRDDescriptor("PropagationPolicy"),
    karmadaCRDDescriptor("ClusterPropagationPolicy"),
    karmadaCRDDescriptor("OverridePolicy"),
    karmadaCRDDescriptor("ClusterOverridePolicy"),
    karmadaCRDDescriptor("ClusterTaintPolicy"),
    karmadaCRDDescriptor("ResourceBinding"),
    karmadaCRDDescriptor("ClusterResourceBinding"),
    karmadaCRDDescriptor("Work"),
  ];
}
