import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { getDependencies } from "./dependencies";

const podSpec = {
  serviceAccountName: "robot",
  imagePullSecrets: [{ name: "pull" }],
  volumes: [
    { name: "a", configMap: { name: "cm-vol" } },
    { name: "b", secret: { secretName: "secret-vol" } },
    { name: "c", persistentVolumeClaim: { claimName: "data" } },
    { name: "d", projected: { sources: [{ configMap: { name: "cm-proj" } }, { secret: { name: "secret-proj" } }] } },
    { name: "e", csi: { driver: "x", nodePublishSecretRef: { name: "csi-secret" } } },
  ],
  initContainers: [{ name: "init", envFrom: [{ configMapRef: { name: "cm-init" } }] }],
  containers: [
    {
      name: "app",
      envFrom: [{ secretRef: { name: "secret-envfrom" } }, { configMapRef: { name: "cm-vol" } }],
      env: [{ name: "X", valueFrom: { configMapKeyRef: { name: "cm-env", key: "k" } } }, { name: "Y", valueFrom: { secretKeyRef: { name: "secret-env", key: "k" } } }],
    },
  ],
};

const names = (o: KubeObject, kind: string) => getDependencies(o).filter((d) => d.kind === kind).map((d) => d.name);

describe("getDependencies (Karmada dependencies.go)", () => {
  const wrap = (apiVersion: string, kind: string, spec: unknown): KubeObject => ({ apiVersion, kind, metadata: { name: "w", namespace: "ns1" }, spec });
  const cases: [string, KubeObject][] = [
    ["Deployment", wrap("apps/v1", "Deployment", { template: { spec: podSpec } })],
    ["StatefulSet", wrap("apps/v1", "StatefulSet", { template: { spec: podSpec } })],
    ["DaemonSet", wrap("apps/v1", "DaemonSet", { template: { spec: podSpec } })],
    ["Job", wrap("batch/v1", "Job", { template: { spec: podSpec } })],
    ["CronJob", wrap("batch/v1", "CronJob", { jobTemplate: { spec: { template: { spec: podSpec } } } })],
    ["Pod", wrap("v1", "Pod", podSpec)],
  ];
  it.each(cases)("%s: volumes, projected, envFrom, env valueFrom, imagePullSecrets, serviceAccountName", (_k, obj) => {
    expect(names(obj, "ConfigMap")).toEqual(["cm-env", "cm-init", "cm-proj", "cm-vol"]);
    expect(names(obj, "Secret")).toEqual(["csi-secret", "pull", "secret-env", "secret-envfrom", "secret-proj", "secret-vol"]);
    expect(names(obj, "ServiceAccount")).toEqual(["robot"]);
    expect(names(obj, "PersistentVolumeClaim")).toEqual(["data"]);
    for (const d of getDependencies(obj)) expect(d).toMatchObject({ apiVersion: "v1", namespace: "ns1" });
  });

  it("ignores the default service account and empty pods", () => {
    const d = wrap("apps/v1", "Deployment", { template: { spec: { serviceAccountName: "default", containers: [{ name: "c" }] } } });
    expect(getDependencies(d)).toEqual([]);
  });

  it("Ingress depends on its TLS secrets; other kinds on nothing", () => {
    expect(getDependencies(wrap("networking.k8s.io/v1", "Ingress", { tls: [{ secretName: "tls1" }] }))).toEqual([{ apiVersion: "v1", kind: "Secret", namespace: "ns1", name: "tls1" }]);
    expect(getDependencies(wrap("v1", "ConfigMap", undefined))).toEqual([]);
  });
});
