import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { namespaceDescriptor } from "./namespace";
import { configMapDescriptor } from "./configmap";
import { secretDescriptor } from "./secret";
import { serviceDescriptor } from "./service";
import { pvcDescriptor } from "./pvc";
import { eventDescriptor } from "./event";
import { nodeDescriptor } from "./node";
import { podDescriptor } from "./pod";

const ts = "2024-01-01T00:00:00Z";
function obj(apiVersion: string, kind: string, rest: Record<string, unknown> = {}, name = "x"): KubeObject {
  return { apiVersion, kind, metadata: { name, namespace: "default", creationTimestamp: ts }, ...rest };
}
const fields = (causes: { field?: string; message?: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);

describe("Namespace", () => {
  const d = namespaceDescriptor();
  it("defaults finalizers, phase and the name label", () => {
    const ns: KubeObject = { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } };
    d.applyDefaults!(ns);
    expect(ns.spec).toEqual({ finalizers: ["kubernetes"] });
    expect(ns.status).toEqual({ phase: "Active" });
    expect(ns.metadata.labels).toEqual({ "kubernetes.io/metadata.name": "team-a" });
    expect(d.columns!.map((c) => c.cell({ ...ns, metadata: { ...ns.metadata, creationTimestamp: ts } }))).toEqual(["Active", ts]);
    expect(d.fieldLabels!["status.phase"](ns)).toBe("Active");
    expect(d.nameValidation).toBe("dns1123-label");
  });
});

describe("ConfigMap", () => {
  const d = configMapDescriptor();
  it("counts data and binaryData", () => {
    expect(d.columns![0].cell(obj("v1", "ConfigMap", { data: { a: "1", b: "2" }, binaryData: { c: "AA==" } }))).toBe(3);
    expect(d.columns![0].cell(obj("v1", "ConfigMap"))).toBe(0);
  });
  it.each([
    [{ data: { "ok.key_1-x": "v" } }, []],
    [{ data: { "bad key": "v" } }, ['data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters']],
    [{ data: { "..x": "v" } }, ['data[..x]: Invalid value: "..x": must not start with \'..\'']],
    [{ data: { a: "v" }, binaryData: { a: "AA==" } }, ["binaryData[a]: Invalid value: \"a\": duplicate of key present in data"]],
  ])("keys %j", (body, expected) => {
    const got = fields(d.validate!(obj("v1", "ConfigMap", body)));
    expect(got.length).toBe(expected.length);
    expected.forEach((e, i) => expect(got[i].startsWith(e), got[i]).toBe(true));
  });
  it("immutable configmaps reject data changes", () => {
    const old = obj("v1", "ConfigMap", { immutable: true, data: { a: "1" } });
    expect(fields(d.validate!(obj("v1", "ConfigMap", { immutable: true, data: { a: "2" } }), old))[0]).toContain("field is immutable");
  });
});

describe("Secret", () => {
  const d = secretDescriptor();
  it("defaults type Opaque and merges stringData into base64 data", () => {
    const s = obj("v1", "Secret", { data: { a: "eA==" }, stringData: { b: "héllo" } });
    d.applyDefaults!(s);
    expect(s.type).toBe("Opaque");
    expect(s.stringData).toBeUndefined();
    expect(s.data).toEqual({ a: "eA==", b: "aMOpbGxv" });
    expect(d.columns!.map((c) => c.cell(s))).toEqual(["Opaque", 2, ts]);
    expect(d.fieldLabels!.type(s)).toBe("Opaque");
  });
  it("TLS secrets need tls.crt and tls.key; type is immutable", () => {
    expect(fields(d.validate!(obj("v1", "Secret", { type: "kubernetes.io/tls", data: { "tls.crt": "eA==" } })))).toEqual(["data[tls.key]: Required value"]);
    const old = obj("v1", "Secret", { type: "Opaque" });
    expect(fields(d.validate!(obj("v1", "Secret", { type: "kubernetes.io/basic-auth", data: { username: "eA==" } }), old))).toEqual(['type: Invalid value: "kubernetes.io/basic-auth": field is immutable']);
  });
});

describe("Service", () => {
  const d = serviceDescriptor();
  it("defaults like kube-apiserver", () => {
    const s = obj("v1", "Service", { spec: { selector: { app: "web" }, ports: [{ port: 80 }] } });
    d.applyDefaults!(s);
    expect(s.spec).toEqual({
      selector: { app: "web" },
      ports: [{ port: 80, protocol: "TCP", targetPort: 80 }],
      type: "ClusterIP",
      sessionAffinity: "None",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      internalTrafficPolicy: "Cluster",
    });
  });
  it("prints TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR", () => {
    const s = obj("v1", "Service", { spec: { type: "NodePort", clusterIP: "10.96.0.10", selector: { app: "web" }, ports: [{ port: 80, nodePort: 30080, protocol: "TCP" }, { port: 53, protocol: "UDP" }] } });
    expect(d.columns!.map((c) => c.cell(s))).toEqual(["NodePort", "10.96.0.10", "<none>", "80:30080/TCP,53/UDP", ts, "app=web"]);
    const lb = obj("v1", "Service", { spec: { type: "LoadBalancer", ports: [] } });
    expect(d.columns!.map((c) => c.cell(lb)).slice(0, 4)).toEqual(["LoadBalancer", "<none>", "<pending>", "<none>"]);
  });
  it.each<[Record<string, unknown>, string]>([
    [{ ports: [{ port: 0 }] }, "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"],
    [{ ports: [{ port: 80, name: "http" }, { port: 81, name: "http" }] }, 'spec.ports[1].name: Duplicate value: "http"'],
    [{ ports: [{ port: 80 }, { port: 81, name: "b" }] }, "spec.ports[0].name: Required value"],
    [{ type: "Magic", ports: [{ port: 80 }] }, 'spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    [{ ports: [] }, "spec.ports: Required value"],
    [{ type: "ExternalName" }, "spec.externalName: Required value"],
  ])("rejects %j", (spec, expected) => {
    expect(fields(d.validate!(obj("v1", "Service", { spec })))).toContain(expected);
  });
});

describe("PVC, Event, Node, Pod", () => {
  it("PVC defaults and columns", () => {
    const d = pvcDescriptor();
    const pvc = obj("v1", "PersistentVolumeClaim", { spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } });
    d.applyDefaults!(pvc);
    expect(pvc).toMatchObject({ spec: { volumeMode: "Filesystem" }, status: { phase: "Pending" } });
    expect(d.validate!(pvc)).toEqual([]);
    expect(fields(d.validate!(obj("v1", "PersistentVolumeClaim", { spec: {} })))).toEqual([
      "spec.accessModes: Required value: at least 1 access mode is required",
      "spec.resources[storage]: Required value",
    ]);
    pvc.status = { phase: "Bound", capacity: { storage: "1Gi" }, accessModes: ["ReadWriteOnce"] };
    (pvc.spec as Record<string, unknown>).volumeName = "pv-1";
    expect(d.columns!.map((c) => c.cell(pvc))).toEqual(["Bound", "pv-1", "1Gi", "RWO", "", "<unset>", ts, "Filesystem"]);
  });

  it("Event columns and field selectors", () => {
    const d = eventDescriptor();
    const ev = obj("v1", "Event", {
      involvedObject: { kind: "Deployment", name: "nginx", namespace: "default", uid: "u1", apiVersion: "apps/v1" },
      reason: "ScalingReplicaSet",
      type: "Normal",
      message: " Scaled up ",
      source: { component: "deployment-controller" },
      firstTimestamp: "2024-01-01T00:00:00Z",
      lastTimestamp: "2024-01-02T00:00:00Z",
      count: 2,
    });
    expect(d.columns!.filter((c) => !c.priority).map((c) => c.name)).toEqual(["Last Seen", "Type", "Reason", "Object", "Message"]);
    expect(d.columns!.map((c) => c.cell(ev))).toEqual(["2024-01-02T00:00:00Z", "Normal", "ScalingReplicaSet", "deployment/nginx", "", "deployment-controller", "Scaled up", "2024-01-01T00:00:00Z", 2, "x"]);
    expect(d.columns!.find((c) => c.format === "name")?.name).toBe("Name");
    const f = d.fieldLabels!;
    expect([f["involvedObject.name"](ev), f["involvedObject.kind"](ev), f["involvedObject.uid"](ev), f.reason(ev), f.source(ev), f.type(ev), f["involvedObject.fieldPath"](ev)]).toEqual(["nginx", "Deployment", "u1", "ScalingReplicaSet", "deployment-controller", "Normal", ""]);
  });

  it("Node status and roles", () => {
    const d = nodeDescriptor();
    const n: KubeObject = {
      apiVersion: "v1",
      kind: "Node",
      metadata: { name: "n1", creationTimestamp: ts, labels: { "node-role.kubernetes.io/control-plane": "", "node-role.kubernetes.io/worker": "" } },
      spec: { unschedulable: true },
      status: { conditions: [{ type: "Ready", status: "True" }], nodeInfo: { kubeletVersion: "v1.32.0" }, addresses: [{ type: "InternalIP", address: "10.0.0.5" }] },
    };
    expect(d.columns!.map((c) => c.cell(n)).slice(0, 6)).toEqual(["Ready,SchedulingDisabled", "control-plane,worker", ts, "v1.32.0", "10.0.0.5", "<none>"]);
    expect(d.fieldLabels!["spec.unschedulable"](n)).toBe("true");
  });

  it("Pod defaults, columns and field labels", () => {
    const d = podDescriptor();
    const p = obj("v1", "Pod", { spec: { containers: [{ name: "a", image: "nginx" }, { name: "b", image: "busybox:1" }] } });
    d.applyDefaults!(p);
    expect(p).toMatchObject({ spec: { restartPolicy: "Always", enableServiceLinks: true, serviceAccountName: "default" }, status: { phase: "Pending" } });
    p.status = {
      phase: "Running",
      podIP: "10.1.0.4",
      containerStatuses: [
        { name: "a", ready: true, restartCount: 0, state: { running: {} } },
        { name: "b", ready: false, restartCount: 0, state: { waiting: { reason: "CrashLoopBackOff" } } },
      ],
    };
    (p.spec as Record<string, unknown>).nodeName = "n1";
    expect(d.columns!.map((c) => c.cell(p)).slice(0, 6)).toEqual(["1/2", "CrashLoopBackOff", "0", ts, "10.1.0.4", "n1"]);
    expect([d.fieldLabels!["spec.nodeName"](p), d.fieldLabels!["status.phase"](p)]).toEqual(["n1", "Running"]);
    expect(fields(d.validate!(obj("v1", "Pod", { spec: { containers: [{ name: "a" }] } })))).toEqual(["spec.containers[0].image: Required value"]);
  });
});
