import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../types";
import { deploymentDescriptor } from "./deployment";
import { statefulSetDescriptor } from "./statefulset";
import { daemonSetDescriptor } from "./daemonset";
import { replicaSetDescriptor } from "./replicaset";

const d = deploymentDescriptor();

function deployment(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "nginx", namespace: "default", creationTimestamp: "2024-01-01T00:00:00Z" },
    spec: {
      selector: { matchLabels: { app: "nginx" } },
      template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.25", ports: [{ containerPort: 80 }] }] } },
      ...spec,
    },
  };
}

describe("Deployment defaults", () => {
  it("sets replicas, strategy, history, deadline and pod template defaults", () => {
    const obj = deployment();
    d.applyDefaults!(obj);
    expect(obj.spec).toMatchObject({
      replicas: 1,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        spec: {
          restartPolicy: "Always",
          terminationGracePeriodSeconds: 30,
          dnsPolicy: "ClusterFirst",
          schedulerName: "default-scheduler",
          securityContext: {},
          containers: [
            {
              terminationMessagePath: "/dev/termination-log",
              terminationMessagePolicy: "File",
              imagePullPolicy: "IfNotPresent",
              resources: {},
              ports: [{ containerPort: 80, protocol: "TCP" }],
            },
          ],
        },
      },
    });
  });

  it.each([
    ["nginx", "Always"],
    ["nginx:latest", "Always"],
    ["registry:5000/nginx", "Always"],
    ["registry:5000/nginx:1.2", "IfNotPresent"],
    ["nginx@sha256:abc", "IfNotPresent"],
  ])("imagePullPolicy for %s is %s", (image, policy) => {
    const obj = deployment();
    (obj.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0].image = image;
    d.applyDefaults!(obj);
    expect((obj.spec as { template: { spec: { containers: { imagePullPolicy: string }[] } } }).template.spec.containers[0].imagePullPolicy).toBe(policy);
  });

  it("keeps user values and Recreate without rollingUpdate", () => {
    const obj = deployment({ replicas: 0, strategy: { type: "Recreate" } });
    d.applyDefaults!(obj);
    expect(obj.spec).toMatchObject({ replicas: 0, strategy: { type: "Recreate" } });
    expect((obj.spec as { strategy: Record<string, unknown> }).strategy.rollingUpdate).toBeUndefined();
  });
});

describe("Deployment validation", () => {
  it("accepts a valid deployment", () => {
    expect(d.validate!(deployment())).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["selector required", { selector: undefined }, "spec.selector: Required value"],
    ["selector must match labels", { selector: { matchLabels: { app: "web" } } }, 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"nginx"}: `selector` does not match template `labels`'],
    ["empty selector", { selector: {} }, "spec.selector: Invalid value: {}: empty selector is invalid for deployment"],
    ["replicas >= 0", { replicas: -1 }, "spec.replicas: Invalid value: -1: must be greater than or equal to 0"],
    ["containers required", { template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [] } } }, "spec.template.spec.containers: Required value"],
    ["container image required", { template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "c" }] } } }, "spec.template.spec.containers[0].image: Required value"],
    ["container name DNS label", { template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "Web_1", image: "x" }] } } }, 'spec.template.spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label'],
    ["duplicate container names", { template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "a", image: "x" }, { name: "a", image: "y" }] } } }, 'spec.template.spec.containers[1].name: Duplicate value: "a"'],
    ["container port range", { template: { metadata: { labels: { app: "nginx" } }, spec: { containers: [{ name: "a", image: "x", ports: [{ containerPort: 70000 }] }] } } }, "spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive"],
    ["restartPolicy Always only", { template: { metadata: { labels: { app: "nginx" } }, spec: { restartPolicy: "Never", containers: [{ name: "a", image: "x" }] } } }, 'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    ["strategy type", { strategy: { type: "BlueGreen" } }, 'spec.strategy.type: Unsupported value: "BlueGreen": supported values: "Recreate", "RollingUpdate"'],
  ])("%s", (_n, spec, expected) => {
    const all = d.validate!(deployment(spec)).map((c) => `${c.field}: ${c.message}`);
    expect(all.some((m) => m.startsWith(expected)), all.join("\n")).toBe(true);
  });

  it("selector is immutable", () => {
    const old = deployment();
    const updated = deployment({ selector: { matchLabels: { app: "nginx", tier: "web" } }, template: { metadata: { labels: { app: "nginx", tier: "web" } }, spec: { containers: [{ name: "a", image: "x" }] } } });
    expect(d.validate!(updated, old).map((c) => c.message)).toContainEqual(expect.stringContaining("field is immutable"));
  });
});

describe("apps columns", () => {
  it("Deployment READY UP-TO-DATE AVAILABLE AGE + wide", () => {
    const obj = deployment({ replicas: 3 });
    obj.status = { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 };
    expect(d.columns!.map((c) => c.name)).toEqual(["Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector"]);
    expect(d.columns!.map((c) => c.cell(obj))).toEqual(["2/3", 3, 2, "2024-01-01T00:00:00Z", "nginx", "nginx:1.25", "app=nginx"]);
    expect(d.columns!.filter((c) => c.priority === 1).map((c) => c.name)).toEqual(["Containers", "Images", "Selector"]);
  });

  it("StatefulSet READY AGE, DaemonSet counts, ReplicaSet DESIRED CURRENT READY", () => {
    const sts = deployment({ replicas: 2 });
    sts.status = { readyReplicas: 1 };
    expect(statefulSetDescriptor().columns!.map((c) => c.cell(sts)).slice(0, 1)).toEqual(["1/2"]);
    const ds = deployment();
    (ds.spec as { template: { spec: Record<string, unknown> } }).template.spec.nodeSelector = { disk: "ssd", zone: "a" };
    ds.status = { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 };
    expect(daemonSetDescriptor().columns!.map((c) => c.cell(ds)).slice(0, 6)).toEqual([3, 3, 2, 3, 2, "disk=ssd,zone=a"]);
    const rs = deployment({ replicas: 4 });
    rs.status = { replicas: 4, readyReplicas: 1 };
    const rsd = replicaSetDescriptor();
    expect(rsd.columns!.map((c) => c.cell(rs)).slice(0, 3)).toEqual([4, 4, 1]);
    expect(rsd.fieldLabels!["status.replicas"](rs)).toBe("4");
  });

  it("StatefulSet defaults", () => {
    const sts = deployment();
    sts.kind = "StatefulSet";
    statefulSetDescriptor().applyDefaults!(sts);
    expect(sts.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: "OrderedReady",
      updateStrategy: { type: "RollingUpdate", rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: "Retain", whenScaled: "Retain" },
    });
  });
});
