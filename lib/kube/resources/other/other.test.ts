import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { ingressDescriptor } from "./ingress";
import { leaseDescriptor } from "./lease";
import { endpointSliceDescriptor } from "./endpoint-slice";
import { crdDescriptor } from "./crd";

const ts = "2024-01-01T00:00:00Z";
const mk = (apiVersion: string, kind: string, rest: Record<string, unknown>): KubeObject => ({ apiVersion, kind, metadata: { name: "x", namespace: "default", creationTimestamp: ts }, ...rest });
const msgs = (cs: { field?: string; message?: string }[]) => cs.map((c) => `${c.field}: ${c.message}`);

const backend = { service: { name: "web", port: { number: 80 } } };

describe("Ingress", () => {
  const d = ingressDescriptor();
  it("prints CLASS HOSTS ADDRESS PORTS AGE", () => {
    const ing = mk("networking.k8s.io/v1", "Ingress", {
      spec: { ingressClassName: "nginx", tls: [{ hosts: ["a.com"] }], rules: [{ host: "a.com" }, { host: "b.com" }, {}, { host: "d.com" }] },
      status: { loadBalancer: { ingress: [{ ip: "1.2.3.4" }, { hostname: "lb.example" }] } },
    });
    expect(d.columns!.map((c) => c.cell(ing))).toEqual(["nginx", "a.com,b.com,* + 1 more...", "1.2.3.4,lb.example", "80, 443", ts]);
    expect(d.columns!.map((c) => c.cell(mk("networking.k8s.io/v1", "Ingress", { spec: {} })))).toEqual(["<none>", "*", "", "80", ts]);
  });

  it("defaults pathType and validates rules", () => {
    const ing = mk("networking.k8s.io/v1", "Ingress", { spec: { rules: [{ host: "a.com", http: { paths: [{ path: "/", backend }] } }] } });
    d.applyDefaults!(ing);
    expect(d.validate!(ing)).toEqual([]);
    expect(msgs(d.validate!(mk("networking.k8s.io/v1", "Ingress", { spec: {} })))).toEqual(["spec.rules: Invalid value: []: either `defaultBackend` or `rules` must be specified"]);
    const bad = mk("networking.k8s.io/v1", "Ingress", { spec: { rules: [{ host: "A_B", http: { paths: [{ path: "x", pathType: "Prefix", backend: { service: { name: "web" } } }] } }] } });
    const got = msgs(d.validate!(bad));
    expect(got).toContain('spec.rules[0].http.paths[0].path: Invalid value: "x": must be an absolute path');
    expect(got).toContain("spec.rules[0].http.paths[0].backend.service.port: Required value: port name or number is required");
    expect(got.some((m) => m.startsWith('spec.rules[0].host: Invalid value: "A_B"'))).toBe(true);
  });
});

describe("Lease, EndpointSlice, CRD", () => {
  it("Lease HOLDER", () => {
    const d = leaseDescriptor();
    const l = mk("coordination.k8s.io/v1", "Lease", { spec: { holderIdentity: "agent-1", leaseDurationSeconds: 40 } });
    expect(d.columns!.map((c) => c.cell(l))).toEqual(["agent-1", ts]);
    expect(msgs(d.validate!(mk("coordination.k8s.io/v1", "Lease", { spec: { leaseDurationSeconds: 0 } })))).toEqual(["spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0"]);
  });

  it("EndpointSlice ADDRESSTYPE PORTS ENDPOINTS", () => {
    const d = endpointSliceDescriptor();
    const s = mk("discovery.k8s.io/v1", "EndpointSlice", { addressType: "IPv4", ports: [{ port: 80 }, { port: 443 }], endpoints: [{ addresses: ["10.0.0.1"] }, { addresses: ["10.0.0.2", "10.0.0.3", "10.0.0.4"] }] });
    expect(d.columns!.map((c) => c.cell(s))).toEqual(["IPv4", "80,443", "10.0.0.1,10.0.0.2,10.0.0.3 + 1 more...", ts]);
    expect(msgs(d.validate!(mk("discovery.k8s.io/v1", "EndpointSlice", {})))).toEqual(["addressType: Required value"]);
  });

  it("CRD CREATED AT is an RFC 3339 timestamp and names are defaulted", () => {
    const d = crdDescriptor();
    const crd = mk("apiextensions.k8s.io/v1", "CustomResourceDefinition", { spec: { names: { kind: "Foo", plural: "foos" } } });
    crd.metadata.creationTimestamp = "2024-01-01T00:00:00.000Z";
    expect(d.columns!.map((c) => c.cell(crd))).toEqual(["2024-01-01T00:00:00Z"]);
    d.applyDefaults!(crd);
    expect((crd.spec as { names: unknown }).names).toEqual({ kind: "Foo", plural: "foos", singular: "foo", listKind: "FooList" });
  });
});
