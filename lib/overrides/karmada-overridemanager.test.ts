import { describe, expect, it } from "vitest";
import type { Cluster, LabelAnnotationOverrider, OverridePolicy, Overriders } from "../kube/karmada";
import { ANNOTATION_APPLIED_CLUSTER_OVERRIDES, ANNOTATION_APPLIED_OVERRIDES } from "../kube/karmada";
import type { KubeObject } from "../kube/types";
import { previewOverrides } from "../placement/override-preview";
import { applyOverrides, orderMatchingPolicies, rulesForCluster, serializeAppliedOverrides } from "./index";
import { cluster, cop, op } from "./test-fixtures";

/**
 * Tables of Karmada's pkg/util/overridemanager/overridemanager_test.go and shadow_test.go, run
 * through our public entry points (applyOverrides, the preview endpoint's previewOverrides):
 * the rendered manifest and the applied-overrides records (Karmada's wantCOP / wantOP).
 */

/** helper.NewDeployment as utilhelper.ToUnstructured renders it. */
function karmadaDeployment(namespace: string, name: string, meta: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace, creationTimestamp: null, ...meta },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: "nginx" } },
      template: {
        metadata: { creationTimestamp: null, labels: { app: "nginx" } },
        spec: {
          containers: [
            {
              name: "nginx",
              image: "nginx:1.19.0",
              ports: [{ containerPort: 80, protocol: "TCP" }],
              resources: { limits: { cpu: "100m" }, requests: { cpu: "10m" } },
            },
          ],
        },
      },
      strategy: {},
    },
    status: {},
  } as unknown as KubeObject;
}

function karmadaClusterRole(name: string, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name, creationTimestamp: null, ...meta }, rules: null } as unknown as KubeObject;
}

function karmadaConfigMap(namespace: string, name: string, data: Record<string, string>): KubeObject {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace, creationTimestamp: null }, data } as unknown as KubeObject;
}

/** Runs one (resource, cluster) through applyOverrides and the preview endpoint, which must agree. */
function render(manifest: KubeObject, c: Cluster, policies: OverridePolicy[]) {
  const input = structuredClone(manifest);
  const r = applyOverrides({
    manifest,
    cluster: c,
    overridePolicies: policies.filter((p) => p.kind === "OverridePolicy"),
    clusterOverridePolicies: policies.filter((p) => p.kind === "ClusterOverridePolicy"),
  });
  const preview = previewOverrides(manifest, c, policies);
  expect(preview.manifest).toEqual(r.manifest);
  expect(preview.appliedClusterOverrides).toEqual(r.appliedClusterOverrides);
  expect(preview.appliedOverrides).toEqual(r.appliedOverrides);
  expect(preview.annotations).toEqual(r.annotations);
  expect(manifest).toEqual(input); // never mutated
  return r;
}

describe("Test_overrideManagerImpl_ApplyLabelAnnotationOverriderPolicies", () => {
  const addBoth: Overriders = {
    labelsOverrider: [{ operator: "add", value: { testAddLabel: "testAddLabel" } }],
    annotationsOverrider: [{ operator: "add", value: { testAddAnnotation: "testAddAnnotation" } }],
  };
  const meta = { labels: { testLabel: "testLabel" }, annotations: { testAnnotation: "testAnnotation" } };
  const wantLabels = { testLabel: "testLabel", testAddLabel: "testAddLabel" };
  const wantAnnotations = { testAnnotation: "testAnnotation", testAddAnnotation: "testAddAnnotation" };

  it("test overridePolicies", () => {
    const policy = op("test1", {
      resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "test1" }],
      overrideRules: [{ targetCluster: { clusterNames: ["test1"] }, overriders: addBoth }],
    });
    const r = render(karmadaDeployment("default", "test1", meta), cluster("test1"), [policy]);
    expect(r.errors).toEqual([]);
    expect(r.appliedClusterOverrides).toBeNull();
    expect(r.appliedOverrides).toEqual([{ policyName: "test1", overriders: addBoth }]);
    expect(r.manifest.metadata.labels).toEqual(wantLabels);
    expect(r.manifest.metadata.annotations).toEqual(wantAnnotations);
    expect(r.annotations).toEqual({
      [ANNOTATION_APPLIED_OVERRIDES]:
        '[{"policyName":"test1","overriders":{"labelsOverrider":[{"operator":"add","value":{"testAddLabel":"testAddLabel"}}],' +
        '"annotationsOverrider":[{"operator":"add","value":{"testAddAnnotation":"testAddAnnotation"}}]}}]',
    });
  });

  it("test clusterOverridePolicy", () => {
    // Karmada's fixture gives the ClusterOverridePolicy a namespace; it is cluster-scoped all the same.
    const policy = cop("test2", {
      resourceSelectors: [{ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", name: "test2" }],
      overrideRules: [{ targetCluster: { clusterNames: ["test2"] }, overriders: addBoth }],
    });
    policy.metadata.namespace = "default";
    const r = render(karmadaClusterRole("test2", meta), cluster("test2"), [policy]);
    expect(r.errors).toEqual([]);
    expect(r.appliedClusterOverrides).toEqual([{ policyName: "test2", overriders: addBoth }]);
    expect(r.appliedOverrides).toBeNull();
    expect(r.manifest.metadata.labels).toEqual(wantLabels);
    expect(r.manifest.metadata.annotations).toEqual(wantAnnotations);
    expect(Object.keys(r.annotations)).toEqual([ANNOTATION_APPLIED_CLUSTER_OVERRIDES]);
  });
});

describe("TestGetMatchingOverridePolicies", () => {
  const deployment = karmadaDeployment("default", "test");
  const ann = (v: string): Overriders => ({ plaintext: [{ path: "/metadata/annotations", operator: "add", value: v }] });
  const overriders1 = ann("foo: bar");
  const overriders2 = ann("aaa: bbb");
  const overriders3 = ann("hello: world");
  const cluster1 = cluster("cluster1");
  const cluster2 = cluster("cluster2");
  // high implicit priority
  const overridePolicy1 = op("overridePolicy1", {
    resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "test" }],
    overrideRules: [
      { targetCluster: { clusterNames: ["cluster1", "cluster2"] }, overriders: overriders1 },
      { targetCluster: { clusterNames: ["cluster2"] }, overriders: overriders2 },
    ],
  });
  // low implicit priority
  const overridePolicy2 = op("overridePolicy2", { overrideRules: [{ targetCluster: { clusterNames: ["cluster1", "cluster2"] }, overriders: overriders3 }] });
  const overridePolicy3 = op("overridePolicy3", { resourceSelectors: [], overrideRules: [{ targetCluster: { clusterNames: ["cluster1", "cluster2"] }, overriders: overriders3 }] });
  const oldOverridePolicy = cop("oldOverridePolicy", { targetCluster: { clusterNames: ["cluster1"] }, overriders: overriders3 });
  oldOverridePolicy.metadata.namespace = "default";

  const cases: [string, OverridePolicy[], Cluster, [string, string, Overriders][]][] = [
    ["OverrideRules test 1", [overridePolicy1, overridePolicy2], cluster1, [["overridePolicy2", "default", overriders3], ["overridePolicy1", "default", overriders1]]],
    [
      "OverrideRules test 2",
      [overridePolicy1, overridePolicy2],
      cluster2,
      [["overridePolicy2", "default", overriders3], ["overridePolicy1", "default", overriders1], ["overridePolicy1", "default", overriders2]],
    ],
    ["OverrideRules test 3", [overridePolicy3], cluster2, [["overridePolicy3", "default", overriders3]]],
    ["TargetCluster and Overriders test", [oldOverridePolicy], cluster1, [["oldOverridePolicy", "default", overriders3]]],
  ];

  it.each(cases)("%s: getOverridersFromOverridePolicies", (_n, policies, c, want) => {
    const got = rulesForCluster(orderMatchingPolicies(policies, deployment), c).map((m) => [m.policy.metadata.name, m.policy.metadata.namespace, m.overriders]);
    expect(got).toEqual(want);
  });

  it.each(cases)("%s: applied in that order", (_n, policies, c, want) => {
    const r = render(deployment, c, policies);
    expect(r.errors).toEqual([]);
    const record = policies[0].kind === "ClusterOverridePolicy" ? r.appliedClusterOverrides : r.appliedOverrides;
    expect(record).toEqual(want.map(([policyName, , overriders]) => ({ policyName, overriders })));
    // Every rule adds /metadata/annotations as a string: the last one applied wins.
    expect(r.manifest.metadata.annotations).toBe(want[want.length - 1][2].plaintext![0].value);
  });

  it("the applied-overrides annotation lists the rules by policy name (OverrideRules test 2)", () => {
    const r = render(deployment, cluster2, [overridePolicy1, overridePolicy2]);
    expect(r.annotations[ANNOTATION_APPLIED_OVERRIDES]).toBe(
      '[{"policyName":"overridePolicy1","overriders":{"plaintext":[{"path":"/metadata/annotations","operator":"add","value":"foo: bar"}]}},' +
        '{"policyName":"overridePolicy1","overriders":{"plaintext":[{"path":"/metadata/annotations","operator":"add","value":"aaa: bbb"}]}},' +
        '{"policyName":"overridePolicy2","overriders":{"plaintext":[{"path":"/metadata/annotations","operator":"add","value":"hello: world"}]}}]',
    );
  });

  it("a deprecated targetCluster/overriders pair for another cluster applies nothing: no record (nil)", () => {
    const r = render(deployment, cluster2, [oldOverridePolicy]);
    expect(r.appliedClusterOverrides).toBeNull();
    expect(r.appliedOverrides).toBeNull();
    expect(r.manifest).toEqual(deployment);
    expect(r.annotations).toEqual({});
  });

  it("a policy with neither overrideRules nor the deprecated pair still counts as applied (an empty rule for every cluster)", () => {
    const empty = op("empty", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "test" }] });
    const r = render(deployment, cluster1, [empty]);
    expect(r.appliedOverrides).toEqual([{ policyName: "empty", overriders: {} }]);
    expect(r.annotations[ANNOTATION_APPLIED_OVERRIDES]).toBe('[{"policyName":"empty","overriders":{}}]');
    expect(r.manifest).toEqual(deployment);
  });

  it("ClusterOverridePolicies apply before OverridePolicies (ApplyOverridePolicies)", () => {
    const clusterWide = cop("a-cluster", { overrideRules: [{ overriders: overriders1 }] });
    const r = render(deployment, cluster1, [overridePolicy2, clusterWide]);
    expect(r.appliedClusterOverrides).toEqual([{ policyName: "a-cluster", overriders: overriders1 }]);
    expect(r.appliedOverrides).toEqual([{ policyName: "overridePolicy2", overriders: overriders3 }]);
    expect(r.manifest.metadata.annotations).toBe("hello: world");
  });
});

describe("Test_overrideManagerImpl_ApplyFieldOverriderPolicies_YAML / ApplyJSONOverridePolicies_JSON", () => {
  const value = "updated_value";
  it.each([
    ["yaml", "test.yaml", "\nkey: \n  key1: value\n", "key:\n  key1: updated_value\n"],
    ["json", "test.json", '{"key":{"key1":"value"}}', '{"key":{"key1":"updated_value"}}'],
  ] as const)("%s", (format, key, data, want) => {
    const overriders: Overriders = { fieldOverrider: [{ fieldPath: `/data/${key}`, [format]: [{ subPath: "/key/key1", operator: "replace", value }] }] };
    const policy = op("test1", {
      resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap", namespace: "default", name: "test1" }],
      overrideRules: [{ targetCluster: { clusterNames: ["test1"] }, overriders }],
    });
    const r = render(karmadaConfigMap("default", "test1", { [key]: data }), cluster("test1"), [policy]);
    expect(r.errors).toEqual([]);
    expect(r.appliedClusterOverrides).toBeNull();
    expect(r.appliedOverrides).toEqual([{ policyName: "test1", overriders }]);
    expect(r.manifest.data).toEqual({ [key]: want });
  });
});

describe("TestAppliedOverrides_AscendOrder (shadow_test.go)", () => {
  it("nothing applied marshals to nothing; items sort by policy name", () => {
    expect(serializeAppliedOverrides([])).toBeUndefined();
    expect(serializeAppliedOverrides([{ policyName: "aaa", overriders: {} }, { policyName: "bbb", overriders: {} }, { policyName: "ccc", overriders: {} }])).toBe(
      '[{"policyName":"aaa","overriders":{}},{"policyName":"bbb","overriders":{}},{"policyName":"ccc","overriders":{}}]',
    );
  });
});

describe("error behaviour (Karmada returns nil, nil, err)", () => {
  it("a failing rule leaves no records and no annotations", () => {
    const good = cop("good", { overrideRules: [{ overriders: { labelsOverrider: [{ operator: "add", value: { a: "b" } }] } }] });
    const bad = op("bad", { overrideRules: [{ overriders: { plaintext: [{ path: "/spec/missing/x", operator: "replace", value: 1 }] } }] });
    const r = render(karmadaDeployment("default", "test"), cluster("member1"), [good, bad]);
    expect(r.errors).toEqual([{ policy: "OverridePolicy/default/bad", rule: 0, message: "replace operation does not apply: doc is missing path: /spec/missing/x: missing value" }]);
    expect(r.appliedClusterOverrides).toBeNull();
    expect(r.appliedOverrides).toBeNull();
    expect(r.annotations).toEqual({});
  });

  it("a patch that removes the kind fails as Unstructured.UnmarshalJSON does", () => {
    const bad = op("bad", { overrideRules: [{ overriders: { plaintext: [{ path: "/kind", operator: "remove" }] } }] });
    const r = render(karmadaConfigMap("default", "c", {}), cluster("member1"), [bad]);
    expect(r.errors[0].message).toMatch(/^Object 'Kind' is missing in '\{"apiVersion":"v1","data":\{\},"metadata":/);
  });

  it("an unsupported operator fails when the patch is decoded", () => {
    const bad = op("bad", { overrideRules: [{ overriders: { plaintext: [{ path: "/metadata/labels", operator: "merge" as "add", value: {} }] } }] });
    const r = render(karmadaConfigMap("default", "c", {}), cluster("member1"), [bad]);
    expect(r.errors[0].message).toBe('invalid operation {"op":"merge","path":"/metadata/labels","value":{}}: unsupported operation');
  });
});

// test/e2e/suites/base/overridepolicy_test.go, "[FieldOverrider] ... ConfigMap": the same
// policies, with the whole text Karmada's code writes (the e2e test checks fragments of it).
describe("e2e [FieldOverrider] apply field overrider testing to update values in ConfigMap", () => {
  const target = (fieldOverrider: Overriders["fieldOverrider"]) =>
    op("cm", { resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap", name: "cm" }], overrideRules: [{ targetCluster: { clusterNames: ["member1"] }, overriders: { fieldOverrider } }] }, "karmadatest");

  it("should override JSON field in ConfigMap", () => {
    const deployJson = `{
				"apiVersion": "apps/v1",
				"kind": "Deployment",
				"metadata": {
					"name": "nginx-deploy",
					"namespace": "karmadatest"
				},
				"spec": {
					"replicas": 3,
					"selector": {
						"matchLabels": {
							"app": "nginx"
						}
					},
					"template": {
						"metadata": {
							"labels": {
								"app": "nginx"
							}
						},
						"spec": {
							"containers": [
								{
									"name": "nginx",
									"image": "nginx:1.19.0"
								}
							]
						}
					}
				}
			}`;
    const policy = target([
      {
        fieldPath: "/data/deploy.json",
        json: [
          { subPath: "/spec/replicas", operator: "replace", value: 5 },
          { subPath: "/spec/template/spec/containers/-", operator: "add", value: { name: "nginx-helper", image: "nginx:1.19.1" } },
          { subPath: "/spec/template/spec/containers/0/image", operator: "remove" },
        ],
      },
    ]);
    const r = render(karmadaConfigMap("karmadatest", "cm", { "deploy.json": deployJson }), cluster("member1"), [policy]);
    expect(r.errors).toEqual([]);
    expect(r.manifest.data).toEqual({
      "deploy.json":
        '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"nginx-deploy","namespace":"karmadatest"},' +
        '"spec":{"replicas":5,"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},' +
        '"spec":{"containers":[{"name":"nginx"},{"image":"nginx:1.19.1","name":"nginx-helper"}]}}}}',
    });
  });

  it("should override YAML field in ConfigMap", () => {
    const nginxYaml = `
server:
  listen: 80
  server_name: localhost
  location /:
    root: /usr/share/nginx/html
    index: 
      - index.html
      - index.htm
  error_page:
    - code: 500
    - code: 502
    - code: 503
    - code: 504
  location /50x.html:
    root: /usr/share/nginx/html
`;
    const policy = target([
      {
        fieldPath: "/data/nginx.yaml",
        yaml: [
          { subPath: "/server/location ~1/root", operator: "replace", value: "/var/www/html" },
          { subPath: "/server/error_page/-", operator: "add", value: { code: 400 } },
          { subPath: "/server/location ~1/index", operator: "remove" },
        ],
      },
    ]);
    const r = render(karmadaConfigMap("karmadatest", "cm", { "nginx.yaml": nginxYaml }), cluster("member1"), [policy]);
    expect(r.errors).toEqual([]);
    expect(r.manifest.data).toEqual({
      "nginx.yaml": [
        "server:",
        "  error_page:",
        "  - code: 500",
        "  - code: 502",
        "  - code: 503",
        "  - code: 504",
        "  - code: 400",
        "  listen: 80",
        "  location /:",
        "    root: /var/www/html",
        "  location /50x.html:",
        "    root: /usr/share/nginx/html",
        "  server_name: localhost",
        "",
      ].join("\n"),
    });
  });
});

// test/e2e/suites/base/overridepolicy_test.go: labels, annotations and image overriders on a
// Deployment (helper.NewDeployment), through the whole ApplyOverridePolicies path.
describe("e2e OverridePolicy on a Deployment", () => {
  const target = (overriders: Overriders) =>
    op("d", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", name: "d" }], overrideRules: [{ targetCluster: { clusterNames: ["member1"] }, overriders }] });
  const steps: LabelAnnotationOverrider[] = [
    { operator: "replace", value: { foo: "exist", "non-exist": "non-exist" } },
    { operator: "add", value: { app: "nginx" } },
    { operator: "remove", value: { bar: "bar" } },
  ];

  it("[LabelsOverrider] deployment labelsOverride testing", () => {
    const r = render(karmadaDeployment("default", "d", { labels: { foo: "foo", bar: "bar" } }), cluster("member1"), [target({ labelsOverrider: steps })]);
    expect(r.manifest.metadata.labels).toEqual({ foo: "exist", app: "nginx" });
  });

  it("[AnnotationsOverrider] deployment annotationsOverrider testing", () => {
    const r = render(karmadaDeployment("default", "d", { annotations: { foo: "foo", bar: "bar" } }), cluster("member1"), [target({ annotationsOverrider: steps })]);
    expect(r.manifest.metadata.annotations).toEqual({ foo: "exist", app: "nginx" });
  });

  it("Deployment override all images in container list", () => {
    const r = render(karmadaDeployment("default", "d"), cluster("member1"), [
      target({
        imageOverrider: [
          { component: "Registry", operator: "replace", value: "fictional.registry.us" },
          { component: "Repository", operator: "replace", value: "busybox" },
          { component: "Tag", operator: "replace", value: "1.0" },
        ],
      }),
    ]);
    expect((r.manifest.spec as any).template.spec.containers.map((c: { image: string }) => c.image)).toEqual(["fictional.registry.us/busybox:1.0"]);
  });

  it("Deployment override specific images in container list", () => {
    const r = render(karmadaDeployment("default", "d"), cluster("member1"), [
      target({ imageOverrider: [{ predicate: { path: "/spec/template/spec/containers/0/image" }, component: "Registry", operator: "replace", value: "fictional.registry.us" }] }),
    ]);
    expect((r.manifest.spec as any).template.spec.containers[0].image).toBe("fictional.registry.us/nginx:1.19.0");
  });

  it("a cluster outside targetCluster gets the Deployment unchanged", () => {
    const r = render(karmadaDeployment("default", "d"), cluster("member2"), [target({ labelsOverrider: steps })]);
    expect(r.manifest).toEqual(karmadaDeployment("default", "d"));
    expect(r.appliedOverrides).toBeNull();
  });
});

// test/e2e/suites/base/clusteroverridepolicy_test.go
describe("e2e ClusterOverridePolicy", () => {
  it("Namespace labelOverride testing (plaintext add of /metadata/labels)", () => {
    const ns = { apiVersion: "v1", kind: "Namespace", metadata: { name: "cop-test-ns-x", creationTimestamp: null }, spec: {}, status: {} } as unknown as KubeObject;
    const policy = cop("cop-test-ns-x", {
      resourceSelectors: [{ apiVersion: "v1", kind: "Namespace", name: "cop-test-ns-x" }],
      overrideRules: [{ targetCluster: { clusterNames: ["member1"] }, overriders: { plaintext: [{ path: "/metadata/labels", operator: "add", value: { hello: "world" } }] } }],
    });
    const r = render(ns, cluster("member1"), [policy]);
    expect(r.manifest.metadata.labels).toEqual({ hello: "world" });
    expect(r.appliedClusterOverrides?.map((i) => i.policyName)).toEqual(["cop-test-ns-x"]);
    expect(r.appliedOverrides).toBeNull();
  });

  it("The ClusterOverridePolicy with nil resourceSelectors applies to every resource", () => {
    const policy = cop("all", {
      overrideRules: [
        {
          targetCluster: { clusterNames: ["member1"] },
          overriders: { imageOverrider: [{ predicate: { path: "/spec/template/spec/containers/0/image" }, component: "Registry", operator: "replace", value: "fictional.registry.us" }] },
        },
      ],
    });
    const r = render(karmadaDeployment("karmadatest", "d"), cluster("member1"), [policy]);
    expect((r.manifest.spec as any).template.spec.containers[0].image).toBe("fictional.registry.us/nginx:1.19.0");
  });
});
