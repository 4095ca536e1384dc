import { describe, expect, it } from "vitest";
import type { JsonObject, KubeObject } from "../../kube/types";
import { FieldSet, pathString } from "./field-set";
import { compareObjects, toFieldSet } from "./field-walk";
import { defaultFieldManager, managedFieldsTime, updateManagedFieldsForUpdate } from "./managed-fields";
import { fieldSchemaFor } from "./patch-meta";

const T0 = "2024-05-01T10:00:00.123Z";
const T1 = "2024-05-01T11:00:00Z";

function deployment(): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default", labels: { app: "web" }, finalizers: ["x"] },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: {
          containers: [{ name: "web", image: "nginx", ports: [{ containerPort: 80 }] }],
          tolerations: [{ key: "a", operator: "Exists" }],
        },
      },
    },
  };
}

describe("FieldSet", () => {
  it("round-trips FieldsV1 with '.' markers and leaves", () => {
    const v1 = { "f:metadata": { "f:labels": { ".": {}, "f:app": {} } }, "f:spec": { "f:containers": { 'k:{"name":"web"}': { ".": {}, "f:image": {} } } } };
    const set = FieldSet.fromFieldsV1(v1);
    expect(set.has(["f:metadata", "f:labels"])).toBe(true);
    expect(set.has(["f:metadata"])).toBe(false);
    expect(set.toFieldsV1()).toEqual(v1);
  });

  it("set algebra keeps members only", () => {
    const a = new FieldSet().insert(["f:data", "f:a"]).insert(["f:data", "f:b"]);
    const b = new FieldSet().insert(["f:data", "f:b"]).insert(["f:data", "f:c"]);
    expect(a.intersection(b).paths()).toEqual([["f:data", "f:b"]]);
    expect(a.difference(b).paths()).toEqual([["f:data", "f:a"]]);
    expect(a.union(b).paths().length).toBe(3);
    expect(a.union(b).contains(a)).toBe(true);
    expect(a.contains(b)).toBe(false);
    expect(a.contains(new FieldSet())).toBe(true);
    expect(new FieldSet().insert(["f:data"]).contains(new FieldSet().insert(["f:data", "f:a"]))).toBe(false);
  });

  it.each([
    [["f:data", "f:mode"], ".data.mode"],
    [["f:spec", "f:containers", 'k:{"name":"web"}', "f:image"], '.spec.containers[name="web"].image'],
    [["f:spec", "f:ports", 'k:{"port":80,"protocol":"TCP"}'], '.spec.ports[port=80,protocol="TCP"]'],
    [["f:metadata", "f:finalizers", 'v:"x"'], '.metadata.finalizers[="x"]'],
  ])("prints %j as %s", (path, want) => {
    expect(pathString(path)).toBe(want);
  });
});

describe("toFieldSet", () => {
  it("encodes a Deployment the way Kubernetes does", () => {
    const fields = toFieldSet(deployment() as never, fieldSchemaFor("apps/v1", "Deployment")).toFieldsV1();
    expect(fields["f:metadata"]).toEqual({
      "f:name": {},
      "f:namespace": {},
      "f:labels": { "f:app": {} },
      "f:finalizers": { 'v:"x"': {} },
    });
    const spec = fields["f:spec"] as Record<string, unknown>;
    expect(spec["f:selector"]).toEqual({});
    const podSpec = (spec["f:template"] as Record<string, Record<string, unknown>>)["f:spec"];
    expect(podSpec["f:tolerations"]).toEqual({});
    expect(podSpec["f:containers"]).toEqual({
      'k:{"name":"web"}': {
        ".": {},
        "f:name": {},
        "f:image": {},
        "f:ports": { 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {} } },
      },
    });
  });
});

describe("updateManagedFieldsForUpdate", () => {
  it("create: the manager owns every field it set, not identity fields", () => {
    const obj: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "d", labels: { a: "1" } }, data: { k: "v" } };
    const mf = updateManagedFieldsForUpdate({ updated: obj, manager: "kubectl-create", apiVersion: "v1", now: T0 });
    expect(mf).toEqual([
      {
        manager: "kubectl-create",
        operation: "Update",
        apiVersion: "v1",
        time: "2024-05-01T10:00:00Z",
        fieldsType: "FieldsV1",
        fieldsV1: { "f:data": { ".": {}, "f:k": {} }, "f:metadata": { "f:labels": { ".": {}, "f:a": {} } } },
      },
    ]);
  });

  it("update: a new manager gains only what changed, removed fields leave every manager", () => {
    const old: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "1", b: "2" } };
    old.metadata.managedFields = updateManagedFieldsForUpdate({ updated: old, manager: "creator", apiVersion: "v1", now: T0 });
    const updated: KubeObject = { ...old, metadata: { ...old.metadata, labels: { env: "prod" } }, data: { a: "1" } };
    const mf = updateManagedFieldsForUpdate({ old, updated, manager: "kubectl-label", apiVersion: "v1", now: T1 });
    expect(mf.map((e) => e.manager)).toEqual(["creator", "kubectl-label"]);
    expect(mf[0].fieldsV1).toEqual({ "f:data": { ".": {}, "f:a": {} } });
    expect(mf[1].fieldsV1).toEqual({ "f:metadata": { "f:labels": { ".": {}, "f:env": {} } } });
    expect(mf[1].time).toBe(T1);
  });

  it("a write that changes nothing adds no entry and keeps times", () => {
    const old: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "1" } };
    old.metadata.managedFields = updateManagedFieldsForUpdate({ updated: old, manager: "creator", apiVersion: "v1", now: T0 });
    const mf = updateManagedFieldsForUpdate({ old, updated: structuredClone(old), manager: "other", apiVersion: "v1", now: T1 });
    expect(mf).toEqual(old.metadata.managedFields);
  });

  it("taking a field moves it from its previous owner", () => {
    const old: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "1", b: "1" } };
    old.metadata.managedFields = updateManagedFieldsForUpdate({ updated: old, manager: "creator", apiVersion: "v1", now: T0 });
    const updated = { ...structuredClone(old), data: { a: "2", b: "1" } };
    const mf = updateManagedFieldsForUpdate({ old, updated, manager: "kubectl-edit", apiVersion: "v1", now: T1 });
    expect(mf.find((e) => e.manager === "creator")!.fieldsV1).toEqual({ "f:data": { ".": {}, "f:b": {} } });
    expect(mf.find((e) => e.manager === "kubectl-edit")!.fieldsV1).toEqual({ "f:data": { "f:a": {} } });
  });

  it("managedFields [{}] in the request resets ownership", () => {
    const old: KubeObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "1" } };
    old.metadata.managedFields = updateManagedFieldsForUpdate({ updated: old, manager: "creator", apiVersion: "v1", now: T0 });
    const updated = structuredClone(old);
    updated.metadata.managedFields = [{} as never];
    expect(updateManagedFieldsForUpdate({ old, updated, manager: "kubectl", apiVersion: "v1", now: T1 })).toEqual([]);
  });

  it("status writes are recorded under the status subresource only", () => {
    const old = deployment();
    const updated = { ...structuredClone(old), status: { replicas: 1 } };
    const mf = updateManagedFieldsForUpdate({ old, updated, manager: "kube-controller-manager", apiVersion: "apps/v1", now: T0, subresource: "status" });
    expect(mf).toEqual([
      expect.objectContaining({ manager: "kube-controller-manager", subresource: "status", fieldsV1: { "f:status": { "f:replicas": {} } } }),
    ]);
  });
});

describe("defaultFieldManager / managedFieldsTime", () => {
  it.each([
    ["kubectl-client-side-apply", "kubectl/v1.32.0 (linux/amd64) kubernetes/abc", "kubectl-client-side-apply"],
    [undefined, "kubectl/v1.32.0 (linux/amd64) kubernetes/abc", "kubectl"],
    [undefined, "node-fetch", "node-fetch"],
    ["", undefined, "unknown"],
  ])("%s / %s → %s", (fm, ua, want) => {
    expect(defaultFieldManager(fm, ua)).toBe(want);
  });
  it("drops sub-second precision", () => {
    expect(managedFieldsTime("2024-05-01T10:00:00.999Z")).toBe("2024-05-01T10:00:00Z");
  });
});

describe("updateManagedFieldsForUpdate over shared subtrees", () => {
  const base = (): KubeObject => ({
    apiVersion: "work.karmada.io/v1alpha2",
    kind: "ResourceBinding",
    metadata: { name: "b", namespace: "n" },
    spec: { replicas: 2, clusters: [{ name: "m1", replicas: 2 }] },
    status: { conditions: [{ type: "Scheduled", status: "False" }] },
  });
  const opts = { manager: "m", apiVersion: "work.karmada.io/v1alpha2", now: "2024-01-01T00:00:00Z" };

  it("gives the same result whether an unchanged spec is shared or copied", () => {
    const old = base();
    const copied = base();
    copied.status = { conditions: [{ type: "Scheduled", status: "True" }] };
    const shared = { ...old, metadata: { ...old.metadata }, status: copied.status };
    for (const subresource of [undefined, "status"]) {
      const a = updateManagedFieldsForUpdate({ old, updated: copied, ...opts, subresource });
      const b = updateManagedFieldsForUpdate({ old, updated: shared, ...opts, subresource });
      expect(b).toEqual(a);
    }
  });

  it("status writes own only status; main writes never own status", () => {
    const old = base();
    const updated = { ...old, spec: { replicas: 3, clusters: [] }, status: { conditions: [] } };
    const status = updateManagedFieldsForUpdate({ old, updated, ...opts, subresource: "status" });
    expect(Object.keys((status[0].fieldsV1 ?? {}) as object)).toEqual(["f:status"]);
    const main = updateManagedFieldsForUpdate({ old, updated, ...opts });
    expect(Object.keys((main[0].fieldsV1 ?? {}) as object)).toEqual(["f:spec"]);
  });
});

describe("updateManagedFieldsForUpdate reuses stored encodings only when unchanged", () => {
  const opts = { manager: "b", apiVersion: "v1", now: "2024-01-01T00:00:00Z" };
  const old: KubeObject = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      name: "c",
      managedFields: [
        // Not in kube's canonical order: stored entries are trusted, sent ones are re-encoded.
        { manager: "a", operation: "Update", apiVersion: "v1", time: "2023-01-01T00:00:00Z", fieldsType: "FieldsV1", fieldsV1: { "f:data": { "f:y": {}, "f:x": {} } } },
      ],
    },
    data: { x: "1", y: "2" },
  };

  it("keeps an untouched manager's stored fieldsV1 and drops removed fields from a touched one", () => {
    const untouched = updateManagedFieldsForUpdate({ old, updated: { ...old, data: { x: "1", y: "2", z: "3" } }, ...opts });
    expect(untouched.find((e) => e.manager === "a")!.fieldsV1).toBe(old.metadata.managedFields![0].fieldsV1);
    const removed = updateManagedFieldsForUpdate({ old, updated: { ...old, data: { x: "1" } }, ...opts });
    expect(Object.keys(removed.find((e) => e.manager === "a")!.fieldsV1["f:data"] as object)).toEqual(["f:x"]);
  });

  it("re-encodes managedFields a client sent", () => {
    const sent = { ...old, metadata: { ...old.metadata, managedFields: old.metadata.managedFields!.map((e) => ({ ...e, time: "2023-06-01T00:00:00Z", fieldsV1: { ...e.fieldsV1 } })) } };
    const out = updateManagedFieldsForUpdate({ old, updated: sent, ...opts });
    expect(Object.keys(out[0].fieldsV1["f:data"] as object)).toEqual(["f:x", "f:y"]);
    expect(out[0].time).toBe("2023-06-01T00:00:00Z");
  });

  it("takes an equal copy of the stored list (a controller's read-modify-write) as the stored list", () => {
    const sent = { ...old, data: { x: "1", y: "2", z: "3" }, metadata: { ...old.metadata, managedFields: structuredClone(old.metadata.managedFields) } };
    const out = updateManagedFieldsForUpdate({ old, updated: sent, ...opts });
    expect(out.find((e) => e.manager === "a")!.fieldsV1).toBe(old.metadata.managedFields![0].fieldsV1);
    expect(out.find((e) => e.manager === "b")!.fieldsV1).toEqual({ "f:data": { "f:z": {} } });
  });

  it("a manager re-writing fields it owns keeps its stored encoding and gets a new time", () => {
    const once = { ...old, metadata: { ...old.metadata, managedFields: updateManagedFieldsForUpdate({ old, updated: { ...old, data: { x: "9", y: "2" } }, ...opts }) }, data: { x: "9", y: "2" } };
    const again = updateManagedFieldsForUpdate({ old: once, updated: { ...once, data: { x: "8", y: "2" } }, ...opts, now: "2024-02-01T00:00:00Z" });
    const b = again.find((e) => e.manager === "b")!;
    expect(b.fieldsV1).toBe(once.metadata.managedFields!.find((e) => e.manager === "b")!.fieldsV1);
    expect(b.time).toBe("2024-02-01T00:00:00Z");
  });
});

describe("compareObjects on a create (built directly) matches the general walk", () => {
  const objects: KubeObject[] = [
    deployment(),
    { apiVersion: "v1", kind: "Service", metadata: { name: "s", labels: {} }, spec: { ports: [{ port: 80, protocol: "TCP" }, { port: 80, protocol: "UDP" }, { port: 80, protocol: "TCP" }], selector: { app: "a" }, clusterIPs: [] } },
    { apiVersion: "v1", kind: "Event", metadata: { name: "e.1", namespace: "default" }, involvedObject: { kind: "Work", name: "w" }, reason: "R", count: 1, source: { component: "c" }, related: null } as unknown as KubeObject,
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", finalizers: ["a", "b", "a"], annotations: { x: "" } }, data: { k: "v", gone: undefined } } as unknown as KubeObject,
    { apiVersion: "work.karmada.io/v1alpha1", kind: "Work", metadata: { name: "w", namespace: "karmada-es-m1" }, spec: { workload: { manifests: [deployment(), { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: {} }] } } },
    { apiVersion: "example.com/v1", kind: "Unknown", metadata: { name: "u" }, spec: { list: [1, { a: [] }], nested: { empty: {}, none: null } } },
  ];
  it.each(objects.map((o) => [o.kind, o]))("%s", (_kind, obj) => {
    const o = obj as unknown as JsonObject;
    const meta = fieldSchemaFor(obj.apiVersion, obj.kind);
    // An unrelated old key forces the general walk; its own entry only lands in `removed`.
    const general = compareObjects({ "zz-unrelated": 1 }, o, meta).added;
    expect(compareObjects({}, o, meta).added.toFieldsV1()).toEqual(general.toFieldsV1());
    expect(compareObjects(undefined, o, meta).added.paths()).toEqual(general.paths());
  });
});
