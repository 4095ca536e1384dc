import type { ResourceDescriptor } from "../../resource-descriptor";
import { clusterDescriptor } from "./cluster";
import { clusterTaintPolicyDescriptor } from "./cluster-taint-policy";
import { clusterPropagationPolicyDescriptor, propagationPolicyDescriptor } from "./propagation-policy";
import { clusterOverridePolicyDescriptor, overridePolicyDescriptor } from "./override-policy";
import { clusterResourceBindingDescriptor, resourceBindingDescriptor, workDescriptor } from "./binding";

/** Every Karmada kind the control plane serves, with Karmada's webhook defaults and validation. */
export function karmadaDescriptors(): ResourceDescriptor[] {
  return [
    clusterDescriptor(),
    propagationPolicyDescriptor(),
    clusterPropagationPolicyDescriptor(),
    overridePolicyDescriptor(),
    clusterOverridePolicyDescriptor(),
    clusterTaintPolicyDescriptor(),
    resourceBindingDescriptor(),
    clusterResourceBindingDescriptor(),
    workDescriptor(),
  ];
}
