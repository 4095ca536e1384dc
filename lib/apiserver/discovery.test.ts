import { describe, expect, it } from "vitest";
import { ResourceRegistry } from "../kube/resources/registry";
import { aggregatedDiscovery, apiGroupList, apiResourceList } from "./discovery";
import { testDescriptors } from "./test-descriptors";

const registry = new ResourceRegistry(testDescriptors());

describe("discovery", () => {
  it("aggregates the core group under /api with responseKind and subresources", () => {
    const doc = aggregatedDiscovery(registry, true, "v2");
    expect(doc.items.map((i) => i.metadata.name)).toEqual([""]);
    const cm = doc.items[0].versions[0].resources.find((r) => r.resource === "configmaps");
    expect(cm).toMatchObject({ responseKind: { group: "", version: "v1", kind: "ConfigMap" }, scope: "Namespaced", shortNames: ["cm"] });
  });

  it("lists other groups under /apis with scale subresources", () => {
    const doc = aggregatedDiscovery(registry, false, "v2beta1");
    expect(doc.apiVersion).toBe("apidiscovery.k8s.io/v2beta1");
    const apps = doc.items.find((i) => i.metadata.name === "apps")!;
    expect(apps.versions[0].resources[0]).toMatchObject({
      resource: "deployments",
      subresources: [
        { subresource: "scale", responseKind: { group: "autoscaling", version: "v1", kind: "Scale" } },
        { subresource: "status" },
      ],
    });
    expect(apiGroupList(registry).groups.map((g) => g.name)).toEqual(["apiextensions.k8s.io", "apps"]);
  });

  it("puts main resources before their subresources in APIResourceList", () => {
    const names = apiResourceList(registry, "apps", "v1")!.resources.map((r) => r.name);
    expect(names).toEqual(["deployments", "deployments/scale", "deployments/status"]);
    expect(apiResourceList(registry, "nope", "v1")).toBeUndefined();
  });
});
