import { describe, expect, it } from "vitest";
import type { KubeObject } from "../types";
import { controlPlaneDescriptors, memberClusterDescriptors, unknownFields } from "./index";

const find = (kind: string) => [...controlPlaneDescriptors(), ...memberClusterDescriptors()].find((d) => d.kind === kind)!;

describe("unknownFields for strict field validation", () => {
  it("reports typos in a Deployment down to containers", () => {
    const dep: KubeObject = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "d" },
      spec: {
        replicass: 2,
        selector: { matchLabels: { a: "b" } },
        template: { metadata: { labels: { a: "b" } }, spec: { containers: [{ name: "c", image: "i", imagePullpolicy: "Always", ports: [{ containerPort: 80, protocl: "TCP" }] }] } },
      },
    };
    expect(unknownFields(find("Deployment"), dep)).toEqual([
      'unknown field "spec.replicass"',
      'unknown field "spec.template.spec.containers[0].imagePullpolicy"',
      'unknown field "spec.template.spec.containers[0].ports[0].protocl"',
    ]);
  });

  it.each([
    ["ConfigMap", { data: { a: "1" }, datas: {} }, ['unknown field "datas"']],
    ["Service", { spec: { ports: [{ port: 80, targetport: 8080 }] } }, ['unknown field "spec.ports[0].targetport"']],
    ["Namespace", { spec: { finalizers: [] } }, []],
    ["CronJob", { spec: { schedule: "* * * * *", jobTemplate: { spec: { template: { spec: { containers: [], restartpolicy: "Never" } } } } } }, ['unknown field "spec.jobTemplate.spec.template.spec.restartpolicy"']],
    ["Pod", { spec: { containers: [{ name: "a", image: "b", resources: { anything: 1 } }] }, status: { whatever: 1 } }, []],
  ])("%s", (kind, body, expected) => {
    const o = { apiVersion: "v1", kind, metadata: { name: "x" }, ...body } as KubeObject;
    expect(unknownFields(find(kind), o)).toEqual(expected);
  });

  it("every built-in descriptor publishes a typed object schema", () => {
    for (const d of memberClusterDescriptors()) expect((d.openAPISchema as { type?: string }).type, d.kind).toBe("object");
  });
});
