import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlane, type Plane } from "./harness";

/**
 * The machine's real kubectl against the real control plane (startControlPlane on the embedded
 * store, or Postgres with FLOTILLA_TEST_STORE=postgres), through the kubeconfig it writes.
 * Each expectation is what kubectl prints against a real kube-apiserver 1.32.
 */
let p: Plane;
beforeAll(async () => {
  p = await startPlane();
});
afterAll(async () => {
  await p?.destroy();
});

const configMap = (name: string, color: string, labels = "tier: cfg") => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  labels: {${labels}}
data: {color: ${color}, size: big}
`;

const deployment = (replicas = 2) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// The tests use distinct objects and namespaces, so they run concurrently (kubectl startup dominates).
describe.concurrent("kubectl against the control plane", () => {
  it("reports Kubernetes 1.32 and discovers every kind with its short names", async () => {
    const [v, res] = await Promise.all([p.kubectl(["version", "-o", "json"]), p.kubectl(["api-resources"])]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).serverVersion).toMatchObject({ major: "1", minor: "32", gitVersion: expect.stringMatching(/^v1\.32\.\d+/) });
    const rows = [
      /^configmaps\s+cm\s+v1\s+true\s+ConfigMap$/m,
      /^namespaces\s+ns\s+v1\s+false\s+Namespace$/m,
      /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m,
      /^customresourcedefinitions\s+crd,crds\s+apiextensions.k8s.io\/v1\s+false\s+CustomResourceDefinition$/m,
      /^clusters\s+cluster.karmada.io\/v1alpha1\s+false\s+Cluster$/m,
      /^propagationpolicies\s+pp\s+policy.karmada.io\/v1alpha1\s+true\s+PropagationPolicy$/m,
      /^clusterpropagationpolicies\s+cpp\s+policy.karmada.io\/v1alpha1\s+false\s+ClusterPropagationPolicy$/m,
      /^overridepolicies\s+op\s+policy.karmada.io\/v1alpha1\s+true\s+OverridePolicy$/m,
      /^clusteroverridepolicies\s+cop\s+policy.karmada.io\/v1alpha1\s+false\s+ClusterOverridePolicy$/m,
      /^resourcebindings\s+rb\s+work.karmada.io\/v1alpha2\s+true\s+ResourceBinding$/m,
      /^clusterresourcebindings\s+crb\s+work.karmada.io\/v1alpha2\s+false\s+ClusterResourceBinding$/m,
      /^works\s+(wk\s+)?work.karmada.io\/v1alpha1\s+true\s+Work$/m,
    ];
    for (const r of rows) expect(res.stdout).toMatch(r);
  });

  it("applies (created, unchanged, configured) and reads back as table, json, yaml and jsonpath", async () => {
    expect((await p.kubectl(["apply", "-f", "-"], configMap("cfg", "blue"))).stdout.trim()).toBe("configmap/cfg created");
    expect((await p.kubectl(["apply", "-f", "-"], configMap("cfg", "blue"))).stdout.trim()).toBe("configmap/cfg unchanged");
    expect((await p.kubectl(["apply", "-f", "-"], configMap("cfg", "green"))).stdout.trim()).toBe("configmap/cfg configured");
    const [table, json, yaml, jp, all, name] = await Promise.all([
      p.kubectl(["get", "cm", "cfg"]),
      p.kubectl(["get", "cm", "cfg", "-o", "json"]),
      p.kubectl(["get", "cm", "cfg", "-o", "yaml"]),
      p.kubectl(["get", "cm", "cfg", "-o", "jsonpath={.data.color} {.metadata.labels.tier}"]),
      p.kubectl(["get", "cm", "-A"]),
      p.kubectl(["get", "cm", "cfg", "-o", "name"]),
    ]);
    expect(table.stdout).toMatch(/^NAME\s+DATA\s+AGE\ncfg\s+2\s+\d+s\n$/);
    const obj = JSON.parse(json.stdout);
    expect(obj).toMatchObject({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg", namespace: "default" }, data: { color: "green", size: "big" } });
    expect(obj.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(obj.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(obj.metadata.managedFields).toBeUndefined(); // hidden by kubectl unless --show-managed-fields
    expect(obj.metadata.annotations["kubectl.kubernetes.io/last-applied-configuration"]).toContain('"color":"green"');
    expect(yaml.stdout).toMatch(/^apiVersion: v1\ndata:\n {2}color: green\n {2}size: big\nkind: ConfigMap\n/);
    expect(jp.stdout).toBe("green cfg");
    expect(all.stdout).toMatch(/^NAMESPACE\s+NAME\s+DATA\s+AGE\n(.*\n)*default\s+cfg\s+2\s+\d+s$/m);
    expect(name.stdout.trim()).toBe("configmap/cfg");
  });

  it("labels and selects with every label selector operator", async () => {
    expect((await p.kubectl(["create", "namespace", "sel"])).code).toBe(0);
    const n = ["-n", "sel"];
    await Promise.all([
      p.kubectl([...n, "apply", "-f", "-"], configMap("sel-a", "red", "env: prod, tier: web")),
      p.kubectl([...n, "apply", "-f", "-"], configMap("sel-b", "red", "env: dev, tier: web")),
      p.kubectl([...n, "apply", "-f", "-"], configMap("sel-c", "red", "tier: db")),
      p.kubectl([...n, "apply", "-f", "-"], configMap("sel-d", "red", "tier: cfg")),
    ]);
    expect((await p.kubectl([...n, "label", "cm", "sel-c", "env=qa"])).stdout.trim()).toBe("configmap/sel-c labeled");
    expect((await p.kubectl([...n, "label", "cm", "sel-c", "env=prod"])).stderr).toContain("'env' already has a value (qa), and --overwrite is false");
    expect((await p.kubectl([...n, "label", "cm", "sel-c", "env=prod", "--overwrite"])).stdout.trim()).toBe("configmap/sel-c labeled");
    const names = async (sel: string) => (await p.kubectl([...n, "get", "cm", "-l", sel, "-o", "jsonpath={.items[*].metadata.name}"])).stdout.split(" ").filter(Boolean).sort();
    const cases: [string, string[]][] = [
      ["env=prod", ["sel-a", "sel-c"]],
      ["env==dev", ["sel-b"]],
      // != and notin also match objects without the label (sel-d has only tier).
      ["env!=prod,tier", ["sel-b", "sel-d"]],
      ["env in (dev,qa)", ["sel-b"]],
      ["env notin (prod),tier=web", ["sel-b"]],
      ["tier", ["sel-a", "sel-b", "sel-c", "sel-d"]],
      ["!env", ["sel-d"]],
      ["tier in (web,db),env", ["sel-a", "sel-b", "sel-c"]],
    ];
    const got = await Promise.all(cases.map(([sel]) => names(sel)));
    cases.forEach(([sel, want], i) => expect(got[i], sel).toEqual(want));
    const [shown, col, bad] = await Promise.all([
      p.kubectl([...n, "get", "cm", "sel-a", "--show-labels"]),
      p.kubectl([...n, "get", "cm", "-l", "tier=web", "-L", "env"]),
      p.kubectl([...n, "get", "cm", "-l", "env in (a"]),
    ]);
    const unlabel = await p.kubectl([...n, "label", "cm", "sel-b", "env-"]);
    expect(shown.stdout).toMatch(/^NAME\s+DATA\s+AGE\s+LABELS\nsel-a\s+2\s+\S+\s+env=prod,tier=web\n$/);
    expect(col.stdout).toMatch(/^NAME\s+DATA\s+AGE\s+ENV\nsel-a\s+2\s+\S+\s+prod\nsel-b\s+2\s+\S+\s+dev\n$/);
    expect(unlabel.stdout.trim()).toBe("configmap/sel-b unlabeled");
    expect(bad.code).toBe(1);
    expect((await names("env")).sort()).toEqual(["sel-a", "sel-c"]);
  });

  it("applies, describes, widens and scales a Deployment with server defaults", async () => {
    expect((await p.kubectl(["apply", "-f", "-"], deployment())).stdout.trim()).toBe("deployment.apps/web created");
    const [wide, desc, jp] = await Promise.all([
      p.kubectl(["get", "deploy", "-o", "wide"]),
      p.kubectl(["describe", "deployment", "web"]),
      p.kubectl(["get", "deploy", "web", "-o", "jsonpath={.spec.strategy.type} {.metadata.generation} {.spec.template.spec.containers[0].imagePullPolicy}"]),
    ]);
    expect(wide.stdout.split("\n")[0]).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$/);
    expect(wide.stdout).toMatch(/^web\s+0\/2\s+0\s+0\s+\S+\s+nginx\s+nginx:1.25\s+app=web$/m);
    expect(desc.code).toBe(0);
    expect(desc.stdout).toMatch(/Replicas:\s+2 desired/);
    expect(desc.stdout).toMatch(/StrategyType:\s+RollingUpdate/);
    expect(jp.stdout).toBe("RollingUpdate 1 IfNotPresent");
    expect((await p.kubectl(["scale", "deploy", "web", "--replicas=3"])).stdout.trim()).toBe("deployment.apps/web scaled");
    expect((await p.kubectl(["get", "deploy", "web", "-o", "jsonpath={.spec.replicas} {.metadata.generation}"])).stdout).toBe("3 2");
  });

  it("patches with the strategic, merge and JSON patch types and replaces", async () => {
    await p.kubectl(["create", "cm", "p1", "--from-literal=a=1"]);
    const [smp, merge, jsonPatch] = [
      await p.kubectl(["patch", "cm", "p1", "-p", '{"data":{"b":"2"}}']),
      await p.kubectl(["patch", "cm", "p1", "--type=merge", "-p", '{"data":{"c":"3"}}']),
      await p.kubectl(["patch", "cm", "p1", "--type=json", "-p", '[{"op":"remove","path":"/data/a"}]']),
    ];
    expect([smp.stdout.trim(), merge.stdout.trim(), jsonPatch.stdout.trim()]).toEqual(["configmap/p1 patched", "configmap/p1 patched", "configmap/p1 patched"]);
    const noop = await p.kubectl(["patch", "cm", "p1", "--type=merge", "-p", '{"data":{"c":"3"}}']);
    expect(noop.stdout.trim()).toBe("configmap/p1 patched (no change)");
    const got = JSON.parse((await p.kubectl(["get", "cm", "p1", "-o", "json"])).stdout);
    expect(got.data).toEqual({ b: "2", c: "3" });
    got.data = { only: "this" };
    expect((await p.kubectl(["replace", "-f", "-"], JSON.stringify(got))).stdout.trim()).toBe("configmap/p1 replaced");
    const stale = await p.kubectl(["replace", "-f", "-"], JSON.stringify(got));
    expect(stale.stderr).toContain('Operation cannot be fulfilled on configmaps "p1": the object has been modified; please apply your changes to the latest version and try again');
    expect((await p.kubectl(["get", "cm", "p1", "-o", "jsonpath={.data}"])).stdout).toBe('{"only":"this"}');
  });

  it("edits through a patch computed from $EDITOR's changes", async () => {
    await p.kubectl(["create", "cm", "ed", "--from-literal=color=red"]);
    const edited = await p.kubectl(["edit", "cm", "ed"], undefined, { env: { KUBE_EDITOR: "sed -i s/color:\\ red/color:\\ blue/" } });
    expect(edited.stdout.trim()).toBe("configmap/ed edited");
    expect((await p.kubectl(["get", "cm", "ed", "-o", "jsonpath={.data.color}"])).stdout).toBe("blue");
  });

  it("server-side applies: created, foreign fields kept, conflicts, force, and the client-side → server-side migration", async () => {
    const manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa1}\ndata: {mode: a, keep: x}\n";
    expect((await p.kubectl(["apply", "--server-side", "-f", "-"], manifest)).stdout.trim()).toBe("configmap/ssa1 serverside-applied");
    await p.kubectl(["label", "cm", "ssa1", "foreign=yes"]);
    expect((await p.kubectl(["apply", "--server-side", "-f", "-"], manifest)).code).toBe(0);
    const after = JSON.parse((await p.kubectl(["get", "cm", "ssa1", "-o", "json", "--show-managed-fields"])).stdout);
    expect(after.metadata.labels).toEqual({ foreign: "yes" });
    expect(after.metadata.managedFields.map((m: { manager: string; operation: string }) => `${m.manager}/${m.operation}`)).toEqual(["kubectl/Apply", "kubectl-label/Update"]);
    // An Apply entry lists the applied leaves (no "." for the map itself, unlike Update entries).
    expect(after.metadata.managedFields[0].fieldsV1).toEqual({ "f:data": { "f:keep": {}, "f:mode": {} } });
    const changed = manifest.replace("mode: a", "mode: b");
    const conflict = await p.kubectl(["apply", "--server-side", "--field-manager=other", "-f", "-"], changed);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl": .data.mode');
    expect(conflict.stderr).toContain("--force-conflicts");
    expect((await p.kubectl(["apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", "-"], changed)).code).toBe(0);
    expect((await p.kubectl(["get", "cm", "ssa1", "-o", "jsonpath={.data}"])).stdout).toBe('{"keep":"x","mode":"b"}');

    // Client-side apply first, then server-side: kubectl migrates the managers and nothing is lost.
    const csa = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: mig, labels: {a: b}}\ndata: {k1: v1, k2: v2}\n";
    expect((await p.kubectl(["apply", "-f", "-"], csa)).stdout.trim()).toBe("configmap/mig created");
    await p.kubectl(["label", "cm", "mig", "foreign=kept"]);
    const migrated = await p.kubectl(["apply", "--server-side", "-f", "-"], csa);
    expect(migrated.stdout.trim()).toBe("configmap/mig serverside-applied");
    const m = JSON.parse((await p.kubectl(["get", "cm", "mig", "-o", "json", "--show-managed-fields"])).stdout);
    expect(m.data).toEqual({ k1: "v1", k2: "v2" });
    expect(m.metadata.labels).toEqual({ a: "b", foreign: "kept" });
    const managers = m.metadata.managedFields.map((f: { manager: string; operation: string }) => `${f.manager}/${f.operation}`);
    expect(managers).toContain("kubectl/Apply");
    expect(managers).not.toContain("kubectl-client-side-apply/Update");
    // Dropping a key from the applied config removes it (this manager owned it).
    expect((await p.kubectl(["apply", "--server-side", "-f", "-"], csa.replace(", k2: v2", ""))).code).toBe(0);
    expect((await p.kubectl(["get", "cm", "mig", "-o", "jsonpath={.data}"])).stdout).toBe('{"k1":"v1"}');
  });

  it("streams ADDED, MODIFIED and DELETED rows to get -w --output-watch-events", async () => {
    await p.kubectl(["create", "cm", "w1"]);
    const watching = p.kubectlStream(["get", "cm", "w1", "-w", "--output-watch-events"]);
    // Change the object only once kubectl shows it: the named watch hides its first event.
    expect(await watching.seen(/ADDED\s+w1/)).toBe(true);
    await p.kubectl(["label", "cm", "w1", "changed=yes"]);
    expect(await watching.seen(/MODIFIED\s+w1/)).toBe(true);
    await p.kubectl(["delete", "cm", "w1"]);
    await watching.seen(/DELETED\s+w1/);
    const out = await watching.stop();
    const lines = out.stdout.split("\n").filter(Boolean);
    expect(lines[0]).toMatch(/^EVENT\s+NAME\s+DATA\s+AGE$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/).slice(0, 2).join(" "))).toEqual(["ADDED w1", "MODIFIED w1", "DELETED w1"]);
  });

  it("waits for a condition written through the status subresource, and times out like kubectl", async () => {
    const crd = crdManifest("gadgets", "Gadget", "gd");
    expect((await p.kubectl(["apply", "-f", "-"], crd)).code).toBe(0);
    expect((await p.kubectl(["wait", "--for=condition=Established", "crd/gadgets.example.com", "--timeout=15s"])).stdout.trim()).toBe(
      "customresourcedefinition.apiextensions.k8s.io/gadgets.example.com condition met",
    );
    expect((await p.kubectl(["apply", "-f", "-"], "apiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g1}\nspec: {size: 1}\n")).code).toBe(0);
    const waiting = p.kubectl(["wait", "--for=condition=Ready", "gadget/g1", "--timeout=20s"]);
    await sleep(1000);
    const status = JSON.stringify({ status: { observedGeneration: 1, conditions: [{ type: "Ready", status: "True", reason: "Done", message: "", lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, "Z") }] } });
    const patched = await p.kubectl(["patch", "gadget", "g1", "--subresource=status", "--type=merge", "-p", status]);
    expect(patched.stdout.trim()).toBe("gadget.example.com/g1 patched");
    expect((await waiting).stdout.trim()).toBe("gadget.example.com/g1 condition met");
    const timedOut = await p.kubectl(["wait", "--for=condition=Broken", "gadget/g1", "--timeout=1s"]);
    expect(timedOut.code).toBe(1);
    expect(timedOut.stderr).toContain("timed out waiting for the condition on gadgets/g1");
    // A spec change bumps generation: the condition is stale until observedGeneration catches up.
    await p.kubectl(["patch", "gadget", "g1", "--type=merge", "-p", '{"spec":{"size":2}}']);
    expect((await p.kubectl(["get", "gadget", "g1", "-o", "jsonpath={.metadata.generation}"])).stdout).toBe("2");
    expect((await p.kubectl(["wait", "--for=condition=Ready", "gadget/g1", "--timeout=1s"])).code).toBe(1);
  });

  it("serves a CRD's custom resources with short names, printer columns and strict field validation", async () => {
    expect((await p.kubectl(["apply", "-f", "-"], crdManifest("widgets", "Widget", "wd"))).code).toBe(0);
    expect((await p.kubectl(["wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=15s"])).code).toBe(0);
    const w = await p.kubectl(["apply", "-f", "-"], "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1}\nspec: {size: 3}\n");
    expect(w.stdout.trim()).toBe("widget.example.com/w1 created");
    const [table, crds, strict] = await Promise.all([
      p.kubectl(["get", "wd"]),
      p.kubectl(["get", "crd"]),
      p.kubectl(["apply", "-f", "-"], "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w2}\nspec: {size: 3, foo: 1}\n"),
    ]);
    expect(table.stdout).toMatch(/^NAME\s+SIZE\s+AGE\nw1\s+3\s+\d+s\n$/);
    expect(crds.stdout).toMatch(/^NAME\s+CREATED AT\n/);
    expect(crds.stdout).toMatch(/^widgets.example.com\s+\d{4}-\d\d-\d\dT/m);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('strict decoding error: unknown field "spec.foo"');
    expect((await p.kubectl(["get", "wd", "w2"])).stderr).toContain('widgets.example.com "w2" not found');
    expect((await p.kubectl(["delete", "crd", "widgets.example.com"])).code).toBe(0);
    const gone = await p.kubectl(["get", "widgets.example.com"]);
    expect(gone.code).toBe(1);
  });

  it("creates namespaces, configmaps and secrets with kubectl create (protobuf bodies)", async () => {
    expect((await p.kubectl(["create", "namespace", "pb"])).stdout.trim()).toBe("namespace/pb created");
    const [cm, sec, dup] = await Promise.all([
      p.kubectl(["create", "configmap", "c1", "-n", "pb", "--from-literal=a=b"]),
      p.kubectl(["create", "secret", "generic", "s1", "-n", "pb", "--from-literal=p=q"]),
      p.kubectl(["create", "namespace", "default"]),
    ]);
    expect(cm.stdout.trim()).toBe("configmap/c1 created");
    expect(sec.stdout.trim()).toBe("secret/s1 created");
    expect(dup.stderr).toContain('Error from server (AlreadyExists): namespaces "default" already exists');
    const [s, ns] = await Promise.all([
      p.kubectl(["get", "secret", "s1", "-n", "pb", "-o", "jsonpath={.data.p} {.type}"]),
      p.kubectl(["get", "ns", "pb", "-o", "jsonpath={.status.phase} {.metadata.labels}"]),
    ]);
    expect(s.stdout).toBe(`${Buffer.from("q").toString("base64")} Opaque`);
    expect(ns.stdout).toBe('Active {"kubernetes.io/metadata.name":"pb"}');
    const missing = await p.kubectl(["apply", "-n", "nowhere", "-f", "-"], configMap("x", "red"));
    expect(missing.stderr).toContain('namespaces "nowhere" not found');
  });

  it("describes a ConfigMap and a namespace, and prints Events like kube (NAME only in wide output)", async () => {
    await p.kubectl(["create", "cm", "d1", "--from-literal=k=v"]);
    const uid = (await p.kubectl(["get", "cm", "d1", "-o", "jsonpath={.metadata.uid}"])).stdout;
    const event = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: "d1.1", namespace: "default" },
      involvedObject: { apiVersion: "v1", kind: "ConfigMap", name: "d1", namespace: "default", uid },
      reason: "Checked",
      message: "looked at it",
      type: "Normal",
      source: { component: "tester" },
      firstTimestamp: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      lastTimestamp: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      count: 1,
    };
    expect((await p.kubectl(["create", "-f", "-"], JSON.stringify(event))).stdout.trim()).toBe("event/d1.1 created");
    const [cm, ns, ev, wide] = await Promise.all([
      p.kubectl(["describe", "configmap", "d1"]),
      p.kubectl(["describe", "namespace", "default"]),
      p.kubectl(["get", "events"]),
      p.kubectl(["get", "events", "-o", "wide"]),
    ]);
    expect(cm.code).toBe(0);
    expect(cm.stdout).toMatch(/Name:\s+d1\nNamespace:\s+default/);
    expect(cm.stdout).toMatch(/Events:\n\s+Type\s+Reason\s+Age\s+From\s+Message\n.*\n\s+Normal\s+Checked\s+\S+\s+tester\s+looked at it/);
    expect(ns.stdout).toMatch(/Status:\s+Active/);
    expect(ev.stdout).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n\S+\s+Normal\s+Checked\s+configmap\/d1\s+looked at it\n$/);
    expect(wide.stdout.split("\n")[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+SUBOBJECT\s+SOURCE\s+MESSAGE\s+FIRST SEEN\s+COUNT\s+NAME$/);
    expect(wide.stdout).toMatch(/tester\s+looked at it\s+\S+\s+1\s+d1\.1\n/);
  });

  it("deletes objects and waits until they are gone", async () => {
    await p.kubectl(["create", "cm", "del1"]);
    expect((await p.kubectl(["delete", "cm", "del1"])).stdout.trim()).toBe('configmap "del1" deleted');
    expect((await p.kubectl(["get", "cm", "del1"])).stderr).toContain('Error from server (NotFound): configmaps "del1" not found');
    expect((await p.kubectl(["delete", "cm", "del1"])).stderr).toContain('Error from server (NotFound): configmaps "del1" not found');
    await p.kubectl(["create", "cm", "del2"]);
    const waitDelete = p.kubectl(["wait", "--for=delete", "cm/del2", "--timeout=15s"]);
    await sleep(800);
    await p.kubectl(["delete", "cm", "del2", "--wait=false"]);
    expect((await waitDelete).code).toBe(0);
    const immortal = await p.kubectl(["delete", "ns", "default"]);
    expect(immortal.code).toBe(1);
    expect(immortal.stderr).toContain('Error from server (Forbidden): namespaces "default" is forbidden: this namespace may not be deleted');
  });

  it("deletes a namespace with its content and waits until it is gone", async () => {
    await p.kubectl(["create", "namespace", "gone"]);
    await p.kubectl(["apply", "-n", "gone", "-f", "-"], configMap("x", "red"));
    const del = await p.kubectl(["delete", "namespace", "gone", "--timeout=20s"]);
    expect(del.stdout.trim()).toBe('namespace "gone" deleted');
    const [ns, cms] = await Promise.all([p.kubectl(["get", "ns", "gone"]), p.kubectl(["get", "cm", "-A", "-o", "jsonpath={.items[*].metadata.namespace}"])]);
    expect(ns.stderr).toContain('namespaces "gone" not found');
    expect(cms.stdout.split(" ")).not.toContain("gone");
  });
});

function crdManifest(plural: string, kind: string, short: string): string {
  return `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: ${plural}.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: ${plural}, singular: ${kind.toLowerCase()}, kind: ${kind}, shortNames: [${short}]}
  versions:
  - name: v1
    served: true
    storage: true
    subresources: {status: {}}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: {type: object, properties: {size: {type: integer}}}
          status:
            type: object
            x-kubernetes-preserve-unknown-fields: true
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
    - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
`;
}
