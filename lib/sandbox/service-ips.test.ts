import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { ServiceIpAllocator } from "./service-ips";

const svc = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec });

describe("ServiceIpAllocator", () => {
  it("hands out distinct cluster IPs in order", () => {
    const a = new ServiceIpAllocator();
    const one = svc({ type: "ClusterIP", ports: [{ port: 80 }] });
    const two = svc({ type: "ClusterIP", ports: [{ port: 80 }] });
    a.assign(one);
    a.assign(two);
    expect(one.spec).toMatchObject({ clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10"] });
    expect((two.spec as { clusterIP: string }).clusterIP).toBe("10.96.0.11");
  });

  it("keeps given IPs, headless and ExternalName services", () => {
    const a = new ServiceIpAllocator();
    const fixed = svc({ clusterIP: "10.96.5.5" });
    const headless = svc({ clusterIP: "None" });
    const ext = svc({ type: "ExternalName", externalName: "example.com" });
    for (const s of [fixed, headless, ext]) a.assign(s);
    expect(fixed.spec).toMatchObject({ clusterIP: "10.96.5.5", clusterIPs: ["10.96.5.5"] });
    expect(headless.spec).toMatchObject({ clusterIPs: ["None"] });
    expect(ext.spec).not.toHaveProperty("clusterIP");
  });

  it("allocates node ports for NodePort and LoadBalancer services", () => {
    const a = new ServiceIpAllocator();
    const lb = svc({ type: "LoadBalancer", ports: [{ port: 80 }, { port: 443 }] });
    a.assign(lb);
    expect((lb.spec as { ports: { nodePort: number }[] }).ports.map((p) => p.nodePort)).toEqual([30000, 30001]);
  });

  it("continues after addresses seen in storage", () => {
    const a = new ServiceIpAllocator();
    a.observe(svc({ clusterIP: "10.96.1.3", ports: [{ port: 80, nodePort: 31000 }] }));
    const s = svc({ type: "NodePort", ports: [{ port: 80 }] });
    a.assign(s);
    expect(s.spec).toMatchObject({ clusterIP: "10.96.1.4", ports: [{ nodePort: 31001 }] });
  });
});
