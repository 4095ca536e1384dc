import { describe, expect, it } from "vitest";
import { ApiError } from "../../kube/errors";
import { patchMetaFor, supportsStrategicMergePatch } from "./patch-meta";
import { applyStrategicMergePatch } from "./strategic-merge-patch";

const deployMeta = patchMetaFor("apps/v1", "Deployment");
const cmMeta = patchMetaFor("v1", "ConfigMap");
const svcMeta = patchMetaFor("v1", "Service");

function deployment(containers: unknown[], extra: Record<string, unknown> = {}) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default", labels: { app: "web" } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: "web" } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers, ...extra } },
    },
  };
}

const web = { name: "web", image: "nginx:1.0", ports: [{ containerPort: 80, protocol: "TCP" }], env: [{ name: "A", value: "1" }] };
const side = { name: "side", image: "busybox" };

// Tests read deep into results; a loose type keeps them short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
function smp(original: unknown, patch: unknown, meta: Parameters<typeof applyStrategicMergePatch>[2]): Loose {
  return applyStrategicMergePatch<Loose>(original, patch, meta);
}

function err(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (ApiError.is(e)) return e;
    throw e;
  }
  throw new Error("expected an ApiError");
}

describe("applyStrategicMergePatch: patches kubectl sends", () => {
  it("client-side apply: $setElementOrder/containers plus a changed image merges per container", () => {
    const live = deployment([web, side]);
    const patch = {
      metadata: { annotations: { "kubectl.kubernetes.io/last-applied-configuration": '{"kind":"Deployment"}\n' } },
      spec: { template: { spec: { "$setElementOrder/containers": [{ name: "web" }, { name: "side" }], containers: [{ image: "nginx:1.1", name: "web" }] } } },
    };
    const out = smp(live, patch, deployMeta);
    expect(out.spec.template.spec.containers).toEqual([{ ...web, image: "nginx:1.1" }, side]);
    expect(out.metadata.annotations).toEqual({ "kubectl.kubernetes.io/last-applied-configuration": '{"kind":"Deployment"}\n' });
    expect(out.metadata.labels).toEqual({ app: "web" });
    expect((live.spec.template.spec.containers[0] as { image: string }).image).toBe("nginx:1.0");
  });

  it("client-side apply: a removed manifest key arrives as null and is deleted", () => {
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { a: "1", b: "2" } };
    expect(smp(cm, { data: { b: null, c: "3" } }, cmMeta).data).toEqual({ a: "1", c: "3" });
  });

  it("kubectl label adds a label and keeps the others", () => {
    const out = smp(deployment([web]), { metadata: { labels: { env: "prod" } } }, deployMeta);
    expect(out.metadata.labels).toEqual({ app: "web", env: "prod" });
  });

  it("kubectl label key- removes a label with null", () => {
    const out = smp(deployment([web]), { metadata: { labels: { app: null } } }, deployMeta);
    expect(out.metadata.labels).toEqual({});
  });

  it("removing a container from the manifest sends $patch: delete", () => {
    const patch = { spec: { template: { spec: { "$setElementOrder/containers": [{ name: "web" }], containers: [{ $patch: "delete", name: "side" }] } } } };
    expect(smp(deployment([web, side]), patch, deployMeta).spec.template.spec.containers).toEqual([web]);
  });

  it("a container added in the middle lands where $setElementOrder puts it", () => {
    const mid = { name: "mid", image: "redis" };
    const patch = {
      spec: { template: { spec: { "$setElementOrder/containers": [{ name: "web" }, { name: "mid" }, { name: "side" }], containers: [mid] } } },
    };
    const names = smp(deployment([web, side]), patch, deployMeta).spec.template.spec.containers.map((c: { name: string }) => c.name);
    expect(names).toEqual(["web", "mid", "side"]);
  });

  it("env merges by name and $setElementOrder/env reorders", () => {
    const patch = {
      spec: { template: { spec: { containers: [{ name: "web", "$setElementOrder/env": [{ name: "B" }, { name: "A" }], env: [{ name: "B", value: "2" }] }] } } },
    };
    const c = smp(deployment([web]), patch, deployMeta).spec.template.spec.containers[0];
    expect(c.env).toEqual([{ name: "B", value: "2" }, { name: "A", value: "1" }]);
  });

  it("container ports merge by containerPort", () => {
    const patch = { spec: { template: { spec: { containers: [{ name: "web", ports: [{ containerPort: 80, name: "http" }, { containerPort: 443 }] }] } } } };
    const c = smp(deployment([web]), patch, deployMeta).spec.template.spec.containers[0];
    expect(c.ports).toEqual([{ containerPort: 80, protocol: "TCP", name: "http" }, { containerPort: 443 }]);
  });

  it("$retainKeys on the Deployment strategy drops rollingUpdate when switching to Recreate", () => {
    const patch = { spec: { strategy: { $retainKeys: ["type"], rollingUpdate: null, type: "Recreate" } } };
    expect(smp(deployment([web]), patch, deployMeta).spec.strategy).toEqual({ type: "Recreate" });
  });

  it("$retainKeys keeps only listed keys even without nulls", () => {
    const patch = { spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } } };
    expect(smp(deployment([web]), patch, deployMeta).spec.strategy).toEqual({ type: "Recreate" });
  });

  it("tolerations are replaced whole (no merge strategy)", () => {
    const live = deployment([web], { tolerations: [{ key: "a", operator: "Exists" }] });
    const patch = { spec: { template: { spec: { tolerations: [{ key: "b", operator: "Exists" }] } } } };
    expect(smp(live, patch, deployMeta).spec.template.spec.tolerations).toEqual([{ key: "b", operator: "Exists" }]);
  });

  it("volumes merge by name", () => {
    const live = deployment([web], { volumes: [{ name: "a", emptyDir: {} }, { name: "b", configMap: { name: "x" } }] });
    const patch = { spec: { template: { spec: { volumes: [{ name: "b", configMap: { name: "y" } }] } } } };
    expect(smp(live, patch, deployMeta).spec.template.spec.volumes).toEqual([
      { name: "a", emptyDir: {} },
      { name: "b", configMap: { name: "y" } },
    ]);
  });

  it("$patch: replace on a list replaces it", () => {
    const patch = { spec: { template: { spec: { containers: [{ name: "only", image: "x" }, { $patch: "replace" }] } } } };
    expect(smp(deployment([web, side]), patch, deployMeta).spec.template.spec.containers).toEqual([{ name: "only", image: "x" }]);
  });

  it("$patch: replace on a map replaces it", () => {
    const patch = { metadata: { labels: { $patch: "replace", only: "x" } } };
    expect(smp(deployment([web]), patch, deployMeta).metadata.labels).toEqual({ only: "x" });
  });

  it("$patch: delete on a map empties it", () => {
    expect(smp(deployment([web]), { metadata: { labels: { $patch: "delete" } } }, deployMeta).metadata.labels).toEqual({});
  });

  it("finalizers merge as a set and $deleteFromPrimitiveList removes", () => {
    const live = { ...deployment([web]), metadata: { name: "web", finalizers: ["a", "b"] } };
    expect(smp(live, { metadata: { finalizers: ["b", "c"] } }, deployMeta).metadata.finalizers).toEqual(["a", "b", "c"]);
    expect(smp(live, { metadata: { "$deleteFromPrimitiveList/finalizers": ["a"] } }, deployMeta).metadata.finalizers).toEqual(["b"]);
  });

  it("$setElementOrder/finalizers orders a primitive list", () => {
    const live = { ...deployment([web]), metadata: { name: "web", finalizers: ["a", "b"] } };
    const out = smp(live, { metadata: { "$setElementOrder/finalizers": ["b", "c", "a"], finalizers: ["c"] } }, deployMeta);
    expect(out.metadata.finalizers).toEqual(["b", "c", "a"]);
  });

  // Without $setElementOrder, kube puts patched items not in the live list before server-only ones.
  it("ownerReferences merge by uid; a new item goes before server-only items", () => {
    const live = { ...deployment([web]), metadata: { name: "web", ownerReferences: [{ uid: "1", name: "a", kind: "K", apiVersion: "v1" }] } };
    const out = smp(live, { metadata: { ownerReferences: [{ uid: "2", name: "b", kind: "K", apiVersion: "v1" }] } }, deployMeta);
    expect(out.metadata.ownerReferences.map((o: { uid: string }) => o.uid)).toEqual(["2", "1"]);
  });

  it("Service ports merge by port", () => {
    const svc = { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { selector: { app: "a" }, ports: [{ port: 80, targetPort: 8080, protocol: "TCP" }] } };
    const out = smp(svc, { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } }, svcMeta);
    expect(out.spec.ports).toEqual([{ port: 80, targetPort: 9090, protocol: "TCP" }, { port: 443 }]);
  });

  it("status conditions merge by type", () => {
    const live = { ...deployment([web]), status: { conditions: [{ type: "Available", status: "False" }, { type: "Progressing", status: "True" }] } };
    const out = smp(live, { status: { conditions: [{ type: "Available", status: "True" }] } }, deployMeta);
    expect(out.status.conditions).toEqual([{ type: "Available", status: "True" }, { type: "Progressing", status: "True" }]);
  });

  it("new subtrees are stored without nulls or directives", () => {
    const out = smp({ metadata: { name: "x" } }, { spec: { a: null, b: { $patch: "delete" }, c: [{ d: null, e: 1 }] } }, deployMeta);
    expect(out).toEqual({ metadata: { name: "x" }, spec: { c: [{ e: 1 }] } });
  });

  it("unknown lists replace (deduced schema)", () => {
    const out = smp({ spec: { items: [1, 2] } }, { spec: { items: [3] } }, deployMeta);
    expect(out.spec.items).toEqual([3]);
  });
});

describe("applyStrategicMergePatch: errors", () => {
  it.each([
    ["$retainKeys that is not a list", { spec: { strategy: { $retainKeys: "type", type: "Recreate" } } }, 400],
    ["a patch key missing from $retainKeys", { spec: { strategy: { $retainKeys: ["type"], type: "Recreate", rollingUpdate: {} } } }, 400],
    ["a $setElementOrder key without a list name", { spec: { template: { spec: { $setElementOrder: [] } } } }, 400],
    ["a list item without its merge key", { spec: { template: { spec: { containers: [{ image: "x" }] } } } }, 500],
    ["a list of lists", { spec: { template: { spec: { containers: [[1]] } } } }, 422],
    ["an unknown $patch directive", { metadata: { labels: { $patch: "frob" } } }, 500],
    ["a patch body that is an array", [{}], 400],
  ])("%s → %i", (_name, patch, code) => {
    expect(err(() => smp(deployment([web]), patch, deployMeta)).code).toBe(code);
  });
});

describe("patchMetaFor / supportsStrategicMergePatch", () => {
  it.each([
    ["v1", "ConfigMap", true],
    ["v1", "Pod", true],
    ["apps/v1", "StatefulSet", true],
    ["batch/v1", "CronJob", true],
    ["networking.k8s.io/v1", "Ingress", true],
    ["policy.karmada.io/v1alpha1", "PropagationPolicy", false],
    ["cluster.karmada.io/v1alpha1", "Cluster", false],
  ])("%s %s → %s", (apiVersion, kind, want) => {
    expect(supportsStrategicMergePatch(apiVersion, kind)).toBe(want);
  });

  it("container ports use containerPort for SMP but containerPort+protocol for apply", () => {
    const ports = patchMetaFor("v1", "Pod")!.fields!.spec.fields!.containers.elem!.fields!.ports;
    expect(ports.mergeKey).toBe("containerPort");
    expect(ports.keys).toEqual(["containerPort", "protocol"]);
  });
});
