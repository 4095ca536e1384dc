import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberClusterDescriptors } from "../kube/resources/index";
import { startTestCluster, type TestCluster } from "./test-server";

/** Drives the machine's real kubectl against createApiServer over HTTPS (kube-api-surface.md). */
let c: TestCluster;
beforeAll(async () => {
  c = await startTestCluster(memberClusterDescriptors());
});
afterAll(async () => {
  await c?.close();
});

const deployment = (image = "nginx:1.25", extra = "") => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: ${image}
${extra}`;

const configMap = (name: string, color: string, ns = "default") => `apiVersion: v1
kind: ConfigMap
metadata: {name: ${name}, namespace: ${ns}, labels: {tier: cfg}}
data: {color: ${color}, size: big}
`;

describe("kubectl against the apiserver", () => {
  it("reports a 1.32 server and lists api-resources with short names", async () => {
    const [v, res] = await Promise.all([c.kubectl(["version", "-o", "json"]), c.kubectl(["api-resources"])]);
    expect(JSON.parse(v.stdout).serverVersion).toMatchObject({ major: "1", minor: "32" });
    expect(res.stdout).toMatch(/^configmaps\s+cm\s+v1\s+true\s+ConfigMap$/m);
    expect(res.stdout).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
  });

  it("applies (created, unchanged, configured) and prints tables, json, yaml and jsonpath", async () => {
    const created = await c.kubectl(["apply", "-f", "-"], configMap("cfg", "blue"));
    expect(created.stdout.trim()).toBe("configmap/cfg created");
    expect((await c.kubectl(["apply", "-f", "-"], configMap("cfg", "blue"))).stdout.trim()).toBe("configmap/cfg unchanged");
    expect((await c.kubectl(["apply", "-f", "-"], configMap("cfg", "green"))).stdout.trim()).toBe("configmap/cfg configured");
    const [table, json, yaml, jp, all, sel, labels] = await Promise.all([
      c.kubectl(["get", "cm"]),
      c.kubectl(["get", "cm", "cfg", "-o", "json"]),
      c.kubectl(["get", "cm", "cfg", "-o", "yaml"]),
      c.kubectl(["get", "cm", "cfg", "-o", "jsonpath={.data.color}"]),
      c.kubectl(["get", "cm", "-A"]),
      c.kubectl(["get", "cm", "-l", "tier=cfg", "-o", "name"]),
      c.kubectl(["get", "cm", "--show-labels"]),
    ]);
    expect(table.stdout).toMatch(/^NAME\s+DATA\s+AGE\ncfg\s+2\s+\d+s\n$/);
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: "ConfigMap", data: { color: "green" } });
    expect(yaml.stdout).toContain("color: green");
    expect(jp.stdout).toBe("green");
    expect(all.stdout).toMatch(/^NAMESPACE\s+NAME\s+DATA\s+AGE\ndefault\s+cfg\s+2/);
    expect(sel.stdout.trim()).toBe("configmap/cfg");
    expect(labels.stdout).toMatch(/tier=cfg/);
    const none = await c.kubectl(["get", "cm", "-l", "tier=none"]);
    expect(none.stderr).toContain("No resources found in default namespace.");
  });

  it("applies and describes a Deployment, shows -o wide, scales it", async () => {
    expect((await c.kubectl(["apply", "-f", "-"], deployment())).stdout.trim()).toBe("deployment.apps/web created");
    const [wide, desc] = await Promise.all([c.kubectl(["get", "deploy", "-o", "wide"]), c.kubectl(["describe", "deployment", "web"])]);
    expect(wide.stdout.split("\n")[0]).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR/);
    expect(desc.stdout).toMatch(/Replicas:\s+2 desired/);
    expect((await c.kubectl(["scale", "deploy", "web", "--replicas=3"])).stdout.trim()).toBe("deployment.apps/web scaled");
    expect((await c.kubectl(["get", "deploy", "web", "-o", "jsonpath={.spec.replicas}"])).stdout).toBe("3");
  });

  it("labels, patches (strategic, merge, json) and replaces", async () => {
    await c.kubectl(["create", "cm", "p1", "--from-literal=a=1"]);
    expect((await c.kubectl(["label", "cm", "p1", "x=y"])).stdout.trim()).toBe("configmap/p1 labeled");
    expect((await c.kubectl(["patch", "cm", "p1", "-p", '{"data":{"b":"2"}}'])).stdout.trim()).toBe("configmap/p1 patched");
    await c.kubectl(["patch", "cm", "p1", "--type=merge", "-p", '{"data":{"c":"3"}}']);
    await c.kubectl(["patch", "cm", "p1", "--type=json", "-p", '[{"op":"remove","path":"/data/a"}]']);
    const got = JSON.parse((await c.kubectl(["get", "cm", "p1", "-o", "json"])).stdout);
    expect(got.data).toEqual({ b: "2", c: "3" });
    expect(got.metadata.labels).toEqual({ x: "y" });
    got.data = { only: "this" };
    delete got.metadata.resourceVersion;
    expect((await c.kubectl(["replace", "-f", "-"], JSON.stringify(got))).stdout.trim()).toBe("configmap/p1 replaced");
    expect((await c.kubectl(["get", "cm", "p1", "-o", "jsonpath={.data}"])).stdout).toBe('{"only":"this"}');
  });

  it("describes a configmap and a namespace", async () => {
    await c.kubectl(["create", "cm", "d1", "--from-literal=k=v"]);
    const [cm, ns] = await Promise.all([c.kubectl(["describe", "configmap", "d1"]), c.kubectl(["describe", "namespace", "default"])]);
    expect(cm.code).toBe(0);
    expect(cm.stdout).toMatch(/Name:\s+d1/);
    expect(ns.stdout).toMatch(/Status:\s+Active/);
  });

  it("creates namespaces, configmaps and secrets with kubectl create (protobuf bodies)", async () => {
    expect((await c.kubectl(["create", "namespace", "pb"])).stdout.trim()).toBe("namespace/pb created");
    const [cm, sec] = await Promise.all([
      c.kubectl(["create", "configmap", "c1", "-n", "pb", "--from-literal=a=b"]),
      c.kubectl(["create", "secret", "generic", "s1", "-n", "pb", "--from-literal=p=q"]),
    ]);
    expect(cm.stdout.trim()).toBe("configmap/c1 created");
    expect(sec.stdout.trim()).toBe("secret/s1 created");
    expect((await c.kubectl(["get", "secret", "s1", "-n", "pb", "-o", "jsonpath={.data.p}"])).stdout).toBe(Buffer.from("q").toString("base64"));
  });

  it("watches with get -w and sees a change arrive", async () => {
    await c.kubectl(["create", "cm", "w1"]);
    const watching = c.kubectl(["get", "cm", "w1", "-w", "--request-timeout=4s"]);
    await new Promise((r) => setTimeout(r, 1500));
    await c.kubectl(["label", "cm", "w1", "changed=yes"]);
    const out = await watching;
    expect(out.stdout.split("\n").filter((l) => l.startsWith("w1")).length).toBeGreaterThanOrEqual(2);
  });

  it("waits for a jsonpath value and for deletion", async () => {
    await c.kubectl(["create", "cm", "wt", "--from-literal=color=red"]);
    const waiting = c.kubectl(["wait", "--for=jsonpath={.data.color}=green", "cm/wt", "--timeout=20s"]);
    await new Promise((r) => setTimeout(r, 1000));
    await c.kubectl(["patch", "cm", "wt", "--type=merge", "-p", '{"data":{"color":"green"}}']);
    expect((await waiting).stdout.trim()).toBe("configmap/wt condition met");
    const timedOut = await c.kubectl(["wait", "--for=jsonpath={.data.color}=blue", "cm/wt", "--timeout=1s"]);
    expect(timedOut.code).toBe(1);
    expect(timedOut.stderr).toContain("timed out waiting for the condition on configmaps/wt");
    expect((await c.kubectl(["delete", "cm", "wt"])).stdout.trim()).toBe('configmap "wt" deleted');
  });

  it("deletes a namespace with its content", async () => {
    await c.kubectl(["create", "namespace", "gone"]);
    await c.kubectl(["apply", "-f", "-"], configMap("x", "red", "gone"));
    const del = await c.kubectl(["delete", "namespace", "gone", "--timeout=20s"]);
    expect(del.stdout.trim()).toBe('namespace "gone" deleted');
    expect((await c.kubectl(["get", "ns", "gone"])).stderr).toContain('namespaces "gone" not found');
  });

  it("serves a CRD's kind after it is applied and waits for Established", async () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget, shortNames: [wd]}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: {type: object, properties: {size: {type: integer}}}
    additionalPrinterColumns:
    - {name: Size, type: integer, jsonPath: .spec.size}
`;
    expect((await c.kubectl(["apply", "-f", "-"], crd)).code).toBe(0);
    expect((await c.kubectl(["wait", "--for=condition=Established", "crd/widgets.example.com", "--timeout=10s"])).code).toBe(0);
    const w = await c.kubectl(["apply", "-f", "-"], "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w1}\nspec: {size: 3}\n");
    expect(w.stdout.trim()).toBe("widget.example.com/w1 created");
    expect((await c.kubectl(["get", "wd"])).stdout).toMatch(/^NAME\s+SIZE\n?.*\nw1\s+3/s);
    const strict = await c.kubectl(["apply", "-f", "-"], "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w2}\nspec: {size: 3, foo: 1}\n");
    expect(strict.stderr).toContain('strict decoding error: unknown field "spec.foo"');
  });

  it("reports bad input like Kubernetes", async () => {
    const [invalid, unknownKind, malformed, badField] = await Promise.all([
      c.kubectl(["apply", "-f", "-"], "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Bad_Name}\n"),
      c.kubectl(["apply", "-f", "-"], "apiVersion: v1\nkind: Nope\nmetadata: {name: x}\n"),
      c.kubectl(["apply", "-f", "-"], "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  bad: [\n"),
      c.kubectl(["get", "cm", "--field-selector", "spec.x=y"]),
    ]);
    expect(invalid.stderr).toContain('The ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain');
    expect(unknownKind.stderr).toContain('no matches for kind "Nope" in version "v1"');
    expect(malformed.code).toBe(1);
    expect(badField.stderr).toContain("field label not supported: spec.x");
    expect((await c.kubectl(["get", "cm", "missing"])).stderr).toContain('Error from server (NotFound): configmaps "missing" not found');
  });

  it("server-side applies: creates, keeps foreign labels, reports conflicts, forces them", async () => {
    const manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ssa1}\ndata: {mode: a, keep: x}\n";
    expect((await c.kubectl(["apply", "--server-side", "-f", "-"], manifest)).stdout.trim()).toBe("configmap/ssa1 serverside-applied");
    await c.kubectl(["label", "cm", "ssa1", "foreign=yes"]);
    expect((await c.kubectl(["apply", "--server-side", "-f", "-"], manifest)).code).toBe(0);
    const after = JSON.parse((await c.kubectl(["get", "cm", "ssa1", "-o", "json", "--show-managed-fields"])).stdout);
    expect(after.metadata.labels).toEqual({ foreign: "yes" });
    expect(after.metadata.managedFields.map((m: { manager: string; operation: string }) => `${m.manager}/${m.operation}`)).toEqual(["kubectl/Apply", "kubectl-label/Update"]);
    const changed = manifest.replace("mode: a", "mode: b");
    const conflict = await c.kubectl(["apply", "--server-side", "--field-manager=other", "-f", "-"], changed);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl": .data.mode');
    expect((await c.kubectl(["apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", "-"], changed)).code).toBe(0);
    expect((await c.kubectl(["get", "cm", "ssa1", "-o", "jsonpath={.data}"])).stdout).toBe('{"keep":"x","mode":"b"}');
  });

  it("edits through a patch", async () => {
    await c.kubectl(["create", "cm", "ed", "--from-literal=color=red"]);
    const edited = await new Promise<{ code: number; stdout: string }>((resolve) => {
      // kubectl edit runs $EDITOR on a temp file, then sends a patch of the difference.
      const env = { ...process.env, HOME: c.dir, KUBE_EDITOR: "sed -i s/color:\\ red/color:\\ blue/" };
      import("node:child_process").then(({ execFile }) =>
        execFile("/usr/bin/kubectl", ["--kubeconfig", c.kubeconfigPath, "--cache-dir", `${c.dir}/cache`, "edit", "cm", "ed"], { env }, (err, stdout) =>
          resolve({ code: err ? 1 : 0, stdout }),
        ),
      );
    });
    expect(edited.stdout.trim()).toBe("configmap/ed edited");
    expect((await c.kubectl(["get", "cm", "ed", "-o", "jsonpath={.data.color}"])).stdout).toBe("blue");
  });
});
