import { describe, it, expect } from "vitest";
import { serviceDescriptor } from "./service";
import { nodeStatus } from "./node";

describe("Service port names", () => {
  it("accepts DNS-1123 labels such as kubectl's 80-8080 and rejects others", () => {
    const d = serviceDescriptor();
    const svc = (name: string) => ({ apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { type: "LoadBalancer", ports: [{ name, port: 80, targetPort: 8080 }] } });
    expect(d.validate!(svc("80-8080"))).toEqual([]);
    expect(d.validate!(svc("Bad_Name")).map((c) => c.field)).toContain("spec.ports[0].name");
  });
});

describe("Node STATUS column", () => {
  it("prints NotReady for a Ready condition that is Unknown, as printers.go does", () => {
    const node = (status?: string) => ({ apiVersion: "v1", kind: "Node", metadata: { name: "n" }, status: status ? { conditions: [{ type: "Ready", status }] } : {} });
    expect(nodeStatus(node("True"))).toBe("Ready");
    expect(nodeStatus(node("Unknown"))).toBe("NotReady");
    expect(nodeStatus(node())).toBe("Unknown");
  });
});
