import { describe, expect, it } from "vitest";
import { parseRoute } from "./router";

describe("parseRoute", () => {
  it.each([
    ["/version", { type: "version" }],
    ["/healthz", { type: "health", name: "healthz" }],
    ["/api", { type: "coreVersions" }],
    ["/apis", { type: "groupList" }],
    ["/apis/apps", { type: "group", group: "apps" }],
    ["/api/v1", { type: "resourceList", group: "", version: "v1" }],
    ["/apis/apps/v1", { type: "resourceList", group: "apps", version: "v1" }],
    ["/openapi/v2", { type: "openapiV2" }],
    ["/openapi/v3", { type: "openapiV3Index" }],
    ["/openapi/v3/api/v1", { type: "openapiV3Doc", group: "", version: "v1" }],
    ["/openapi/v3/apis/apps/v1", { type: "openapiV3Doc", group: "apps", version: "v1" }],
    ["/api/v1/namespaces", { type: "resource", group: "", version: "v1", plural: "namespaces" }],
    ["/api/v1/namespaces/x", { type: "resource", group: "", version: "v1", plural: "namespaces", name: "x" }],
    ["/api/v1/namespaces/x/status", { type: "resource", group: "", version: "v1", plural: "namespaces", name: "x", subresource: "status" }],
    ["/api/v1/namespaces/x/finalize", { type: "resource", group: "", version: "v1", plural: "namespaces", name: "x", subresource: "finalize" }],
    ["/api/v1/namespaces/x/configmaps", { type: "resource", group: "", version: "v1", namespace: "x", plural: "configmaps" }],
    ["/api/v1/configmaps", { type: "resource", group: "", version: "v1", plural: "configmaps" }],
    [
      "/apis/apps/v1/namespaces/d/deployments/web/scale",
      { type: "resource", group: "apps", version: "v1", namespace: "d", plural: "deployments", name: "web", subresource: "scale" },
    ],
    ["/apis/apps/v1/namespaces/d/deployments/web/scale/x", { type: "notFound" }],
    ["/nothing", { type: "notFound" }],
    ["/api/v1/namespaces/d/configmaps/a%3Ab", { type: "resource", group: "", version: "v1", namespace: "d", plural: "configmaps", name: "a:b" }],
    ["/api/v1/namespaces/d/configmaps/bad%zz", { type: "resource", group: "", version: "v1", namespace: "d", plural: "configmaps", name: "bad%zz" }],
    ["//api//v1/configmaps/", { type: "resource", group: "", version: "v1", plural: "configmaps" }],
    ["/api/v1/namespaces/d/pods/p/status/x", { type: "notFound" }],
    ["/api/v1/nodes/n/status/x", { type: "notFound" }],
  ])("%s", (path, want) => {
    expect(parseRoute(path)).toEqual(want);
  });
});
