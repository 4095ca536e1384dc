import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { getDependencies, interpretsDependencies } from "./dependencies";

// Ported from Karmada's pkg/resourceinterpreter/default/native/dependencies_test.go (31 cases;
// the ServiceImport case is skipped: Flotilla has no multi-cluster services). Karmada ranges over
// sets, so order within a kind is unspecified there; these tables have one name per kind.
const namespace = "karmada-test";
const ref = (kind: string, name: string) => ({ apiVersion: "v1", kind, namespace, name });

const testPairs: { podSpec: Record<string, unknown>; refs: ReturnType<typeof ref>[] }[] = [
  {
    podSpec: {
      serviceAccountName: "test-serviceaccount",
      volumes: [
        { name: "initcontainer-volume-mount", configMap: { name: "test-configmap" } },
        { name: "cloud-secret-volume", secret: { secretName: "cloud-secret" } },
        { name: "container-volume-mount", persistentVolumeClaim: { claimName: "test-pvc" } },
      ],
    },
    refs: [ref("ConfigMap", "test-configmap"), ref("Secret", "cloud-secret"), ref("ServiceAccount", "test-serviceaccount"), ref("PersistentVolumeClaim", "test-pvc")],
  },
  {
    podSpec: {
      serviceAccountName: "test-serviceaccount",
      imagePullSecrets: [{ name: "test-secret" }],
      initContainers: [
        {
          envFrom: [{ configMapRef: { name: "initcontainer-envfrom-configmap" }, secretRef: { name: "test-secret" } }],
          env: [{ valueFrom: { secretKeyRef: { name: "test-secret" } } }],
        },
      ],
    },
    refs: [ref("ConfigMap", "initcontainer-envfrom-configmap"), ref("Secret", "test-secret"), ref("ServiceAccount", "test-serviceaccount")],
  },
  {
    podSpec: {
      containers: [{ envFrom: [{ configMapRef: { name: "test-configmap" } }], env: [{ valueFrom: { configMapKeyRef: { name: "test-configmap" } } }] }],
      volumes: [{ name: "container-volume-mount", persistentVolumeClaim: { claimName: "test-pvc" }, azureFile: { secretName: "test-secret" } }],
    },
    refs: [ref("ConfigMap", "test-configmap"), ref("Secret", "test-secret"), ref("PersistentVolumeClaim", "test-pvc")],
  },
];

const obj = (apiVersion: string, kind: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion, kind, metadata: { name: `fake-${kind.toLowerCase()}`, namespace }, spec });

const workloads: [string, string, (podSpec?: Record<string, unknown>) => Record<string, unknown>][] = [
  ["apps/v1", "Deployment", (p) => ({ replicas: 3, ...(p ? { template: { spec: p } } : {}) })],
  ["apps/v1", "ReplicaSet", (p) => ({ replicas: 3, ...(p ? { template: { spec: p } } : {}) })],
  ["batch/v1", "Job", (p) => (p ? { template: { spec: p } } : {})],
  ["batch/v1", "CronJob", (p) => ({ schedule: "*/1 * * * *", ...(p ? { jobTemplate: { spec: { template: { spec: p } } } } : {}) })],
  ["apps/v1", "DaemonSet", (p) => ({ selector: { matchLabels: { app: "fake" } }, ...(p ? { template: { spec: p } } : {}) })],
  ["apps/v1", "StatefulSet", (p) => ({ serviceName: "fake-service", selector: { matchLabels: { app: "fake" } }, ...(p ? { template: { spec: p } } : {}) })],
];

describe("dependencies_test.go: pod-template workloads", () => {
  for (const [apiVersion, kind, spec] of workloads) {
    it(`${kind.toLowerCase()} without dependencies`, () => expect(getDependencies(obj(apiVersion, kind, spec()))).toEqual([]));
    testPairs.forEach((pair, i) => {
      it(`${kind.toLowerCase()} with dependencies ${i + 1}`, () => expect(getDependencies(obj(apiVersion, kind, spec(pair.podSpec)))).toEqual(pair.refs));
    });
  }

  it("pod without dependencies / with dependencies 1-3", () => {
    expect(getDependencies(obj("v1", "Pod", { containers: [{ name: "c", image: "nginx" }] }))).toEqual([]);
    for (const pair of testPairs) expect(getDependencies(obj("v1", "Pod", pair.podSpec))).toEqual(pair.refs);
  });

  it("statefulset with partial dependencies 4: PVCs of volumeClaimTemplates are not dependencies", () => {
    const spec = { ...workloads[5][2](testPairs[0].podSpec), volumeClaimTemplates: [{ metadata: { name: "test-pvc" } }] };
    expect(getDependencies(obj("apps/v1", "StatefulSet", spec))).toEqual(testPairs[0].refs.slice(0, 3));
  });

  it("ingress with dependencies 2", () => {
    const ing = obj("networking.k8s.io/v1", "Ingress", { tls: [{ hosts: ["foo1.*.bar.com"], secretName: "cloud-secret" }, { hosts: ["foo2.*.bar.com"], secretName: "test-secret" }] });
    expect(getDependencies(ing)).toEqual([ref("Secret", "cloud-secret"), ref("Secret", "test-secret")]);
  });

  it("Test_getAllDefaultDependenciesInterpreter (ServiceImport left out)", () => {
    for (const [apiVersion, kind] of [
      ["apps/v1", "Deployment"],
      ["apps/v1", "ReplicaSet"],
      ["batch/v1", "Job"],
      ["batch/v1", "CronJob"],
      ["v1", "Pod"],
      ["apps/v1", "DaemonSet"],
      ["apps/v1", "StatefulSet"],
      ["networking.k8s.io/v1", "Ingress"],
    ])
      expect(interpretsDependencies(obj(apiVersion, kind, {}))).toBe(true);
    expect(interpretsDependencies(obj("v1", "Service", {}))).toBe(false);
  });
});
