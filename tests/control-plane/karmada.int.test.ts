import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlane, type Plane } from "./harness";

/**
 * Karmada's kinds through kubectl on the real control plane: Karmada's nginx sample applied as
 * users apply it, read back by short name with Karmada's printer columns, the webhook defaults,
 * and 422 Invalid answers with one cause per bad field (nothing written).
 */
let p: Plane;
beforeAll(async () => {
  p = await startPlane();
});
afterAll(async () => {
  await p?.destroy();
});

const nginx = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
  labels: {app: nginx}
spec:
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
      - image: nginx
        name: nginx
`;

const propagation = (priority?: number) => `apiVersion: policy.karmada.io/v1alpha1
kind: PropagationPolicy
metadata:
  name: nginx-propagation
spec:
  resourceSelectors:
    - apiVersion: apps/v1
      kind: Deployment
      name: nginx
${priority === undefined ? "" : `  priority: ${priority}\n`}  placement:
    clusterAffinity:
      clusterNames: [member1, member2]
    replicaScheduling:
      replicaDivisionPreference: Weighted
      replicaSchedulingType: Divided
      weightPreference:
        staticWeightList:
          - targetCluster: {clusterNames: [member1]}
            weight: 1
          - targetCluster: {clusterNames: [member2]}
            weight: 1
`;

const override = `apiVersion: policy.karmada.io/v1alpha1
kind: OverridePolicy
metadata:
  name: nginx-op
spec:
  resourceSelectors:
    - apiVersion: apps/v1
      kind: Deployment
      name: nginx
  overrideRules:
    - targetCluster: {clusterNames: [member2]}
      overriders:
        labelsOverrider:
          - {operator: add, value: {env: dev}}
    - targetCluster: {clusterNames: [member1]}
      overriders:
        imageOverrider:
          - {component: Registry, operator: replace, value: registry.example.com}
`;

const clusterScoped = `apiVersion: policy.karmada.io/v1alpha1
kind: ClusterPropagationPolicy
metadata: {name: cpp1}
spec:
  resourceSelectors: [{apiVersion: v1, kind: Namespace, name: nothing-here}]
  priority: 5
  conflictResolution: Overwrite
---
apiVersion: policy.karmada.io/v1alpha1
kind: ClusterOverridePolicy
metadata: {name: cop1}
spec:
  resourceSelectors: [{apiVersion: v1, kind: Namespace, name: nothing-here}]
---
apiVersion: cluster.karmada.io/v1alpha1
kind: Cluster
metadata: {name: ghost}
spec: {syncMode: Pull}
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Karmada kinds through kubectl", () => {
  it("applies Karmada's nginx sample and reads the PropagationPolicy back with kubectl get pp", async () => {
    const applied = await p.kubectl(["apply", "-f", "-"], [nginx, propagation(), override].join("---\n"));
    expect(applied.stdout.trim().split("\n")).toEqual([
      "deployment.apps/nginx created",
      "propagationpolicy.policy.karmada.io/nginx-propagation created",
      "overridepolicy.policy.karmada.io/nginx-op created",
    ]);
    const [table, all, defaults, op] = await Promise.all([
      p.kubectl(["get", "pp"]),
      p.kubectl(["get", "propagationpolicies.policy.karmada.io", "-A"]),
      p.kubectl(["get", "pp", "nginx-propagation", "-o", "jsonpath={.spec.resourceSelectors[0].namespace} {.spec.conflictResolution} {.spec.priority} {.spec.preemption}"]),
      p.kubectl(["get", "op"]),
    ]);
    expect(table.stdout).toMatch(/^NAME\s+CONFLICT-RESOLUTION\s+PRIORITY\s+AGE\nnginx-propagation\s+Abort\s+0\s+\d+s\n$/);
    expect(all.stdout).toMatch(/^NAMESPACE\s+NAME\s+CONFLICT-RESOLUTION\s+PRIORITY\s+AGE\ndefault\s+nginx-propagation\s+Abort\s+0\s+/);
    // The mutating webhook fills an empty selector namespace with the policy's own; CRD defaults fill the rest.
    expect(defaults.stdout).toBe("default Abort 0 Never");
    expect(op.stdout).toMatch(/^NAME\s+AGE\nnginx-op\s+\d+s\n$/);
    const labels = JSON.parse((await p.kubectl(["get", "pp", "nginx-propagation", "-o", "jsonpath={.metadata.labels}"])).stdout);
    expect(labels["propagationpolicy.karmada.io/permanent-id"]).toMatch(/^[0-9a-f-]{36}$/);

    // As on Karmada: the webhook-filled selector namespace makes the live list differ from the
    // manifest, so kubectl's three-way merge patch resends the (atomic) list: "configured",
    // yet the object does not change.
    const rv = (await p.kubectl(["get", "pp", "nginx-propagation", "-o", "jsonpath={.metadata.resourceVersion}"])).stdout;
    expect((await p.kubectl(["apply", "-f", "-"], propagation())).stdout.trim()).toBe("propagationpolicy.policy.karmada.io/nginx-propagation configured");
    expect((await p.kubectl(["get", "pp", "nginx-propagation", "-o", "jsonpath={.metadata.resourceVersion}"])).stdout).toBe(rv);
    expect((await p.kubectl(["apply", "-f", "-"], propagation(7))).stdout.trim()).toBe("propagationpolicy.policy.karmada.io/nginx-propagation configured");
    expect((await p.kubectl(["get", "pp", "nginx-propagation", "--no-headers"])).stdout).toMatch(/^nginx-propagation\s+Abort\s+7\s+/);
    const desc = await p.kubectl(["describe", "pp", "nginx-propagation"]);
    expect(desc.code).toBe(0);
    expect(desc.stdout).toMatch(/Name:\s+nginx-propagation\nNamespace:\s+default/);
  });

  it("serves cpp, op, cop, rb, crb, wk and clusters by short name with Karmada's printer columns", async () => {
    expect((await p.kubectl(["apply", "-f", "-"], clusterScoped)).code).toBe(0);
    const [cpp, cop, cluster, wide, rbs, crb, wk] = await Promise.all([
      p.kubectl(["get", "cpp"]),
      p.kubectl(["get", "cop"]),
      p.kubectl(["get", "clusters"]),
      p.kubectl(["get", "clusters", "-o", "wide"]),
      p.kubectl(["get", "rb", "-A"]),
      p.kubectl(["get", "crb"]),
      p.kubectl(["get", "wk", "-A"]),
    ]);
    expect(cpp.stdout).toMatch(/^NAME\s+CONFLICT-RESOLUTION\s+PRIORITY\s+AGE\ncpp1\s+Overwrite\s+5\s+\d+s\n$/);
    expect(cop.stdout).toMatch(/^NAME\s+AGE\ncop1\s+\d+s\n$/);
    expect(cluster.stdout).toMatch(/^NAME\s+VERSION\s+MODE\s+READY\s+AGE\nghost\s+Pull\s+/);
    expect(wide.stdout.split("\n")[0]).toMatch(/^NAME\s+VERSION\s+MODE\s+READY\s+AGE\s+/);
    expect(rbs.code).toBe(0);
    expect(crb.code).toBe(0);
    expect(wk.code).toBe(0);
    // The detector binds the sample Deployment: its ResourceBinding is <name>-<kind>.
    let rb = "";
    for (let i = 0; i < 40 && !rb.includes("nginx-deployment"); i++) {
      rb = (await p.kubectl(["get", "rb"])).stdout;
      if (!rb.includes("nginx-deployment")) await sleep(250);
    }
    expect(rb).toMatch(/^NAME\s+SCHEDULED\s+FULLYAPPLIED\s+AGE\nnginx-deployment\s+/);
  });

  it("answers 422 Invalid with one cause per bad field and writes nothing", async () => {
    const bad = `apiVersion: policy.karmada.io/v1alpha1
kind: PropagationPolicy
metadata: {name: bad}
spec:
  resourceSelectors:
    - kind: Deployment
  priority: high
  placement:
    replicaScheduling: {replicaSchedulingType: Bogus}
`;
    const badOp = `apiVersion: policy.karmada.io/v1alpha1
kind: OverridePolicy
metadata: {name: badop}
spec:
  resourceSelectors: [{apiVersion: apps/v1, kind: Deployment}]
  overrideRules:
    - overriders:
        labelsOverrider: [{operator: nope, value: {a: b}}]
`;
    const badCluster = "apiVersion: cluster.karmada.io/v1alpha1\nkind: Cluster\nmetadata: {name: c1}\nspec: {syncMode: Sideways, apiEndpoint: 12}\n";
    const webhook = `apiVersion: policy.karmada.io/v1alpha1
kind: PropagationPolicy
metadata: {name: spread}
spec:
  resourceSelectors: [{apiVersion: apps/v1, kind: Deployment, namespace: elsewhere}]
  placement:
    spreadConstraints: [{spreadByField: cluster, spreadByLabel: x}]
`;
    const [pp, op, cluster, hook] = await Promise.all([
      p.kubectl(["apply", "-f", "-"], bad),
      p.kubectl(["apply", "-f", "-"], badOp),
      p.kubectl(["apply", "-f", "-"], badCluster),
      p.kubectl(["apply", "-f", "-"], webhook),
    ]);
    expect(pp.code).toBe(1);
    const ppCauses = pp.stderr.split("\n").filter((l) => l.startsWith("* "));
    expect(pp.stderr).toMatch(/^The PropagationPolicy "bad" is invalid: \n/);
    expect(ppCauses.sort()).toEqual([
      '* spec.placement.replicaScheduling.replicaSchedulingType: Unsupported value: "Bogus": supported values: "Duplicated", "Divided"',
      '* spec.priority: Invalid value: "string": spec.priority in body must be of type integer: "string"',
      "* spec.resourceSelectors[0].apiVersion: Required value",
    ]);
    expect(op.stderr.trim()).toBe(
      'The OverridePolicy "badop" is invalid: spec.overrideRules[0].overriders.labelsOverrider[0].operator: Unsupported value: "nope": supported values: "add", "remove", "replace"',
    );
    expect(cluster.stderr.split("\n").filter((l) => l.startsWith("* ")).sort()).toEqual([
      '* spec.apiEndpoint: Invalid value: "integer": spec.apiEndpoint in body must be of type string: "integer"',
      '* spec.syncMode: Unsupported value: "Sideways": supported values: "Pull", "Push"',
    ]);
    expect(hook.code).toBe(1);
    expect(hook.stderr).toContain('The PropagationPolicy "spread" is invalid');
    expect(hook.stderr).toContain('spec.resourceSelectors[0].namespace: Invalid value: "elsewhere": namespace of resource selector must be the same as the namespace of the policy');
    expect(hook.stderr).toContain("spreadByLabel should not co-exist with spreadByField");
    const gone = await Promise.all([
      p.kubectl(["get", "pp", "bad"]),
      p.kubectl(["get", "op", "badop"]),
      p.kubectl(["get", "cluster", "c1"]),
      p.kubectl(["get", "pp", "spread"]),
    ]);
    for (const g of gone) expect(g.stderr).toMatch(/^Error from server \(NotFound\): \S+ "\S+" not found/);
  });

  it("deletes policies (their controllers release the finalizers)", async () => {
    const [pp, cpp] = await Promise.all([
      p.kubectl(["delete", "pp", "nginx-propagation", "--timeout=20s"]),
      p.kubectl(["delete", "cpp", "cpp1", "--timeout=20s"]),
    ]);
    expect(pp.stdout.trim()).toBe('propagationpolicy.policy.karmada.io "nginx-propagation" deleted');
    expect(cpp.stdout.trim()).toBe('clusterpropagationpolicy.policy.karmada.io "cpp1" deleted');
    expect((await p.kubectl(["get", "pp"])).stderr).toContain("No resources found in default namespace.");
  });
});
