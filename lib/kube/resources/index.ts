import type { KubeObject } from "../types";
import type { ResourceDescriptor } from "../resource-descriptor";
import { namespaceDescriptor } from "./core/namespace";
import { configMapDescriptor } from "./core/configmap";
import { secretDescriptor } from "./core/secret";
import { serviceDescriptor } from "./core/service";
import { serviceAccountDescriptor } from "./core/service-account";
import { pvcDescriptor } from "./core/pvc";
import { eventDescriptor } from "./core/event";
import { nodeDescriptor } from "./core/node";
import { podDescriptor } from "./core/pod";
import { deploymentDescriptor } from "./apps/deployment";
import { statefulSetDescriptor } from "./apps/statefulset";
import { daemonSetDescriptor } from "./apps/daemonset";
import { replicaSetDescriptor } from "./apps/replicaset";
import { jobDescriptor } from "./batch/job";
import { cronJobDescriptor } from "./batch/cronjob";
import { ingressDescriptor } from "./other/ingress";
import { crdDescriptor } from "./other/crd";
import { leaseDescriptor } from "./other/lease";
import { endpointSliceDescriptor } from "./other/endpoint-slice";
import { karmadaDescriptors } from "./karmada";
import { descriptorsFromCRD as fromCRD } from "./crd-descriptors";

/** Kinds every API server serves, control plane and sandbox members alike. */
export function commonDescriptors(): ResourceDescriptor[] {
  return [
    namespaceDescriptor(),
    configMapDescriptor(),
    secretDescriptor(),
    serviceDescriptor(),
    serviceAccountDescriptor(),
    pvcDescriptor(),
    eventDescriptor(),
    deploymentDescriptor(),
    statefulSetDescriptor(),
    daemonSetDescriptor(),
    replicaSetDescriptor(),
    jobDescriptor(),
    cronJobDescriptor(),
    ingressDescriptor(),
    crdDescriptor(),
    leaseDescriptor(),
    endpointSliceDescriptor(),
  ];
}

/** The control plane: common kinds plus Karmada's (Cluster, policies, bindings, Work, ClusterTaintPolicy). */
export function controlPlaneDescriptors(): ResourceDescriptor[] {
  return [...commonDescriptors(), ...karmadaDescriptors()];
}

/** Sandbox member clusters: common kinds plus Node and Pod. */
export function memberClusterDescriptors(): ResourceDescriptor[] {
  return [...commonDescriptors(), nodeDescriptor(), podDescriptor()];
}

/** One descriptor per served version of a CustomResourceDefinition (see crd-descriptors.ts). */
export function descriptorsFromCRD(crd: KubeObject): ResourceDescriptor[] {
  return fromCRD(crd);
}

export { validateCRD } from "./other/crd";
export { generateJobSelector, JOB_CONTROLLER_UID_LABEL, JOB_NAME_LABEL } from "./batch/job";
export { unknownFields } from "./unknown-fields";
export { humanDuration } from "./format";
export { compileJsonPath, evaluateJsonPath } from "./jsonpath";
export { karmadaDescriptors } from "./karmada";
export { karmadaCRDs } from "./karmada/crds";
export { mutateCluster, defaultResourceModels } from "./karmada/cluster";
export { mutatePropagationPolicy, validatePropagationPolicy, PP_FINALIZER, CPP_FINALIZER } from "./karmada/propagation-policy";
export { validateOverridePolicy } from "./karmada/override-policy";
export { validatePlacement, validateSpreadConstraints, validateClusterAffinity } from "./karmada/placement-validation";
export { validatePodSpec, defaultPodSpec, pullPolicyFor } from "./core/pod-spec";
