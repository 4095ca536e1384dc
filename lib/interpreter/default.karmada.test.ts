import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kube/types";
import { getReplicas, hasAggregateStatus, hasHealthRule, hasRetainRule, hasReviseReplica, interpretsDependencies, interpretsReplicas, reflectStatus } from "./index";

// Ported from Karmada's pkg/resourceinterpreter/default/native/default_test.go: TestHookEnabled (8
// cases; the ServiceImport dependency one is skipped, Flotilla has no multi-cluster services) and
// the "missing build-in handler" / unknown-kind cases of TestReflectStatus and TestGetReplicas.
const k = (apiVersion: string, kind: string): KubeObject => ({ apiVersion, kind, metadata: {} });

describe("default_test.go: TestHookEnabled", () => {
  it.each<[string, boolean, boolean]>([
    ["deployment with interpretreplica operation enabled", interpretsReplicas(k("apps/v1", "Deployment")), true],
    ["statefulset with revisereplica operation enabled", hasReviseReplica(k("apps/v1", "StatefulSet")), true],
    ["persistentvolumeclaim with retain operation enabled", hasRetainRule(k("v1", "PersistentVolumeClaim")), true],
    ["ingress with aggregatestatus operation enabled", hasAggregateStatus(k("networking.k8s.io/v1", "Ingress")), true],
    ["poddisruptionbudget with interprethealth operation enabled", hasHealthRule(k("policy/v1", "PodDisruptionBudget")), true],
    ["a CRD has no dependency rule", interpretsDependencies(k("example-stgzr.karmada.io/v1alpha1", "Foot5zmh")), false],
  ])("%s", (_n, got, want) => expect(got).toBe(want));

  it("interpretstatus is enabled for every kind: an unknown kind reflects its whole status", () => {
    expect(reflectStatus({ ...k("example-stgzr.karmada.io/v1alpha1", "Foot5zmh"), status: { key: "value" } })).toEqual({ key: "value" });
  });
  it("no replica rule: zero replicas, no requirements", () => {
    expect(getReplicas({ ...k("apps/v1", "DaemonSet"), spec: { template: { spec: { nodeSelector: { a: "b" } } } } })).toEqual({ replicas: 0 });
  });
});
