import type { ResourceDescriptor } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";

/**
 * A handful of descriptors for lib/apiserver's own tests, so they do not depend on the full
 * resource catalogue. Not exported from the package index.
 */
export function testDescriptors(): ResourceDescriptor[] {
  const verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
  const age = { name: "Age", type: "date" as const, cell: (o: KubeObject) => o.metadata.creationTimestamp };
  return [
    {
      group: "", version: "v1", kind: "ConfigMap", listKind: "ConfigMapList", plural: "configmaps", singular: "configmap",
      namespaced: true, shortNames: ["cm"], verbs, subresources: {}, nameValidation: "dns1123-subdomain",
      columns: [{ name: "Data", type: "integer", cell: (o) => Object.keys((o.data as object) ?? {}).length + Object.keys((o.binaryData as object) ?? {}).length }, age],
      openAPISchema: { type: "object", properties: { data: { type: "object", additionalProperties: { type: "string" } }, binaryData: { type: "object", additionalProperties: { type: "string" } }, immutable: { type: "boolean" } } },
    },
    {
      group: "", version: "v1", kind: "Namespace", listKind: "NamespaceList", plural: "namespaces", singular: "namespace",
      namespaced: false, shortNames: ["ns"], verbs: verbs.filter((v) => v !== "deletecollection"), subresources: { status: true }, nameValidation: "dns1123-label",
      columns: [{ name: "Status", type: "string", cell: (o) => (o.status as { phase?: string } | undefined)?.phase }, age],
    },
    {
      group: "", version: "v1", kind: "Event", listKind: "EventList", plural: "events", singular: "event",
      namespaced: true, shortNames: ["ev"], verbs, subresources: {}, nameValidation: "dns1123-subdomain",
      fieldLabels: { "involvedObject.name": (o) => (o.involvedObject as { name?: string } | undefined)?.name },
    },
    {
      group: "apps", version: "v1", kind: "Deployment", listKind: "DeploymentList", plural: "deployments", singular: "deployment",
      namespaced: true, shortNames: ["deploy"], categories: ["all"], verbs, subresources: { status: true, scale: true }, nameValidation: "dns1123-subdomain",
      applyDefaults: (o) => {
        const spec = (o.spec ??= {}) as { replicas?: number };
        spec.replicas ??= 1;
      },
      validate: (o) => ((o.spec as { replicas?: number }).replicas! < 0 ? [{ reason: "FieldValueInvalid", field: "spec.replicas", message: "Invalid value: -1: must be greater than or equal to 0" }] : []),
      columns: [{ name: "Ready", type: "string", cell: (o) => `${(o.status as { readyReplicas?: number } | undefined)?.readyReplicas ?? 0}/${(o.spec as { replicas?: number }).replicas}` }, age],
    },
    {
      group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition", listKind: "CustomResourceDefinitionList", plural: "customresourcedefinitions", singular: "customresourcedefinition",
      namespaced: false, shortNames: ["crd", "crds"], verbs, subresources: { status: true }, nameValidation: "dns1123-subdomain",
    },
  ];
}
