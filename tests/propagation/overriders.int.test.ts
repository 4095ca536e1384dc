import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { KubeObject } from "../../lib/kube/types";
import { containersOf, deployment, op, pp, selectDeployment, startE2E, toClusters, until, type E2E } from "./plane";

/** Every overrider end to end: policies through the real API, results read from the sandbox members. */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 60_000);
afterAll(async () => {
  await e?.destroy();
});

const dep = (cluster: string, name: string) => e.memberGet(cluster, "apps/v1", "Deployment", "default", name);

describe("overriders end to end (sandbox members)", () => {
  it("image (registry/repository/tag; add/remove/replace; predicate), command, args, labels, annotations, plaintext", async () => {
    const containers = [
      { name: "app", image: "docker.io/library/nginx:1.25", command: ["nginx"], args: ["-g", "daemon off;"] },
      { name: "side", image: "busybox:1.36" },
    ];
    await e.cp.create(deployment("ov", 2, containers, { labels: { for: "x", bar: "old" }, annotations: { bom: "b" } }));
    const c0 = "/spec/template/spec/containers/0/image";
    const c1 = "/spec/template/spec/containers/1/image";
    await e.cp.create(
      op("ov-rules", {
        resourceSelectors: selectDeployment("ov"),
        overrideRules: [
          {
            targetCluster: { clusterNames: ["member1"] },
            overriders: {
              imageOverrider: [
                { component: "Registry", operator: "replace", value: "registry.example.io" },
                { predicate: { path: c1 }, component: "Tag", operator: "replace", value: "1.37" },
              ],
              commandOverrider: [{ containerName: "app", operator: "add", value: ["-c", "/etc/nginx.conf"] }],
              argsOverrider: [{ containerName: "app", operator: "remove", value: ["daemon off;"] }],
            },
          },
          {
            targetCluster: { clusterNames: ["member2"] },
            overriders: {
              imageOverrider: [
                { predicate: { path: c0 }, component: "Registry", operator: "remove" },
                { predicate: { path: c1 }, component: "Repository", operator: "add", value: "/mirror" },
                { predicate: { path: c0 }, component: "Tag", operator: "remove" },
              ],
              labelsOverrider: [
                { operator: "add", value: { env: "dev" } },
                { operator: "remove", value: { for: "" } },
                { operator: "replace", value: { bar: "new", absent: "skip" } },
              ],
              annotationsOverrider: [
                { operator: "add", value: { team: "a" } },
                { operator: "remove", value: { bom: "" } },
              ],
            },
          },
          {
            targetCluster: { clusterNames: ["member3"] },
            overriders: {
              imageOverrider: [{ component: "Registry", operator: "add", value: ".cn" }, { predicate: { path: c0 }, component: "Repository", operator: "replace", value: "team/web" }],
              argsOverrider: [{ containerName: "side", operator: "add", value: ["--verbose"] }],
              plaintext: [
                { path: "/spec/replicas", operator: "replace", value: 5 },
                { path: "/metadata/annotations/plain", operator: "add", value: "yes" },
              ],
            },
          },
        ],
      }),
    );
    await e.cp.create(pp("ov", { resourceSelectors: selectDeployment("ov"), placement: toClusters("member1", "member2", "member3") }));

    const m1 = await until("ov on member1", () => dep("member1", "ov"));
    expect(containersOf(m1).map((c) => c.image)).toEqual(["registry.example.io/library/nginx:1.25", "registry.example.io/busybox:1.37"]);
    expect(containersOf(m1)[0].command).toEqual(["nginx", "-c", "/etc/nginx.conf"]);
    expect(containersOf(m1)[0].args).toEqual(["-g"]);
    expect(containersOf(m1)[1].command).toBeUndefined();

    const m2 = await until("ov on member2", () => dep("member2", "ov"));
    expect(containersOf(m2).map((c) => c.image)).toEqual(["library/nginx", "busybox/mirror:1.36"]);
    expect(m2.metadata.labels).toMatchObject({ app: "ov", env: "dev", bar: "new", "karmada.io/managed": "true" });
    expect(m2.metadata.labels).not.toHaveProperty("for");
    expect(m2.metadata.labels).not.toHaveProperty("absent");
    expect(m2.metadata.annotations).toMatchObject({ team: "a" });
    expect(m2.metadata.annotations).not.toHaveProperty("bom");

    const m3 = await until("ov on member3", () => dep("member3", "ov"));
    expect(containersOf(m3).map((c) => c.image)).toEqual(["docker.io.cn/team/web:1.25", ".cn/busybox:1.36"]);
    expect(containersOf(m3)[1].args).toEqual(["--verbose"]);
    expect((m3.spec as { replicas: number }).replicas).toBe(5);
    expect(m3.metadata.annotations).toMatchObject({ plain: "yes", bom: "b" });
    // The template itself is never changed by overrides.
    const tpl = (await e.cp.get("apps/v1", "Deployment", "default", "ov"))!;
    expect(containersOf(tpl).map((c) => c.image)).toEqual(containers.map((c) => c.image));
  }, 45_000);

  it("fieldOverrider patches JSON and YAML documents held in string fields", async () => {
    const cm: KubeObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "fo", namespace: "default" },
      data: { "config.json": JSON.stringify({ log: { level: "info" }, port: 80 }), "config.yaml": "log:\n  level: info\nitems:\n  - a\n" },
    } as KubeObject;
    await e.cp.create(cm);
    await e.cp.create(
      op("fo", {
        resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap", name: "fo" }],
        overrideRules: [
          {
            targetCluster: { clusterNames: ["member1"] },
            overriders: {
              fieldOverrider: [
                { fieldPath: "/data/config.json", json: [{ subPath: "/log/level", operator: "replace", value: "debug" }, { subPath: "/port", operator: "remove" }] },
                { fieldPath: "/data/config.yaml", yaml: [{ subPath: "/log/level", operator: "replace", value: "warn" }, { subPath: "/items/-", operator: "add", value: "b" }] },
              ],
            },
          },
        ],
      }),
    );
    await e.cp.create(pp("fo", { resourceSelectors: [{ apiVersion: "v1", kind: "ConfigMap", name: "fo" }], placement: toClusters("member1", "member2") }));
    const got = await until("fo on member1", () => e.memberGet<KubeObject & { data: Record<string, string> }>("member1", "v1", "ConfigMap", "default", "fo"));
    expect(JSON.parse(got.data["config.json"])).toEqual({ log: { level: "debug" } });
    expect(parseYaml(got.data["config.yaml"])).toEqual({ log: { level: "warn" }, items: ["a", "b"] });
    const untouched = await until("fo on member2", () => e.memberGet<KubeObject & { data: Record<string, string> }>("member2", "v1", "ConfigMap", "default", "fo"));
    expect(untouched.data).toEqual((cm as unknown as { data: unknown }).data);
  }, 30_000);

  it("a rule that cannot apply is reported on the binding as a condition and as Events, and the Work is not sent", async () => {
    await e.cp.create(deployment("bad", 1));
    await e.cp.create(
      op("bad", {
        resourceSelectors: selectDeployment("bad"),
        overrideRules: [{ targetCluster: { clusterNames: ["member1"] }, overriders: { plaintext: [{ path: "/spec/notThere/deeper", operator: "replace", value: 1 }] } }],
      }),
    );
    await e.cp.create(pp("bad", { resourceSelectors: selectDeployment("bad"), placement: toClusters("member1", "member2") }));
    const rb = await until("OverridesApplied=False on the binding", async () => {
      const b = await e.binding("bad-deployment");
      return b?.status?.conditions?.some((c) => c.type === "OverridesApplied" && c.status === "False") ? b : undefined;
    });
    const cond = rb.status!.conditions!.find((c) => c.type === "OverridesApplied")!;
    expect(cond.reason).toBe("ApplyOverridePolicyFailed");
    expect(cond.message).toContain("member1");
    // Karmada's Events: SyncWorkFailed on the binding, the failed policy named on the template.
    const bEvents = await until("Warning Event on the binding", async () => (await e.eventsFor("ResourceBinding", "bad-deployment")).filter((x) => x.reason === "SyncWorkFailed"));
    expect(bEvents.length ? bEvents[0].type : "").toBe("Warning");
    await until("Warning Event on the template", async () =>
      (await e.eventsFor("Deployment", "bad")).some((x) => x.reason === "ApplyOverridePolicyFailed" && x.type === "Warning" && x.message === "Apply override policy(default/bad) for cluster(member1) failed."),
    );
    // The other cluster is unaffected; the failing cluster gets nothing rather than an un-overridden copy.
    await until("bad on member2", () => dep("member2", "bad"));
    expect(await dep("member1", "bad")).toBeUndefined();

    // Fixing the policy clears the condition and the Work goes out.
    const fixed = (await e.cp.get<KubeObject>("policy.karmada.io/v1alpha1", "OverridePolicy", "default", "bad"))!;
    (fixed.spec as { overrideRules: { overriders: unknown }[] }).overrideRules[0].overriders = { plaintext: [{ path: "/spec/replicas", operator: "replace", value: 3 }] };
    await e.cp.update(fixed);
    const m1 = await until("bad on member1 after the fix", () => dep("member1", "bad"));
    expect((m1.spec as { replicas: number }).replicas).toBe(3);
    await until("OverridesApplied=True", async () => (await e.binding("bad-deployment"))?.status?.conditions?.some((c) => c.type === "OverridesApplied" && c.status === "True"));
  }, 30_000);
});
