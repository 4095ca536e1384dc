import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, sampleSources, startSamplePlane, until, type SamplePlane } from "./harness";

/**
 * Karmada's samples (samples/nginx and samples/guestbook) applied with kubectl to the real
 * control plane with three sandbox members, checked with kubectl through the members' own
 * kubeconfigs. Runs on our fixtures always and on Karmada's files when KARMADA_SAMPLES_DIR points
 * at a checkout's `samples/` folder.
 */
let sp: SamplePlane;
beforeAll(async () => {
  sp = await startSamplePlane();
}, 60_000);
afterAll(async () => {
  await sp?.destroy();
});

const cp = (args: string[]) => sp.kubectl(args);
const member = (name: string) => (args: string[]) => sp.member(name, args);

async function apply(text: string): Promise<void> {
  const r = await sp.kubectl(["apply", "-f", "-"], text);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
}

async function remove(text: string): Promise<void> {
  const r = await sp.kubectl(["delete", "--wait=false", "-f", "-"], text);
  expect(r.code, r.stderr).toBe(0);
}

describe.each(sampleSources())("Karmada samples end to end ($label)", (src) => {
  it("samples/nginx: divided over member1/member2 with per-cluster overrides, status summed, cleaned on delete", async () => {
    const files = await Promise.all(["nginx/deployment.yaml", "nginx/propagationpolicy.yaml", "nginx/overridepolicy.yaml"].map((f) => src.read(f)));
    for (const f of files) await apply(f);

    const m1 = await until("nginx on member1 with annotations", async () => {
      const d = await getJson(member("member1"), ["deployment", "nginx", "-n", "default"]);
      return d?.metadata.annotations?.env === "skoala-stage" ? d : undefined;
    });
    const m2 = await until("nginx on member2 with labels", async () => {
      const d = await getJson(member("member2"), ["deployment", "nginx", "-n", "default"]);
      return d?.metadata.labels?.env === "skoala-dev" ? d : undefined;
    });
    // Annotations on member1 only; `remove`/`replace` skip absent keys, as Karmada's overrider does.
    expect(m1.metadata.annotations).not.toHaveProperty("emma");
    expect(m1.metadata.annotations).not.toHaveProperty("bom");
    expect(m1.metadata.labels).not.toHaveProperty("env");
    expect(m2.metadata.labels).toMatchObject({ app: "nginx", env: "skoala-dev", "env-stat": "skoala-stage", "karmada.io/managed": "true" });
    expect(m2.metadata.labels).not.toHaveProperty("bar");
    expect(m2.metadata.annotations ?? {}).not.toHaveProperty("env");
    // Divided with equal static weights: one replica each.
    expect([m1.spec.replicas, m2.spec.replicas]).toEqual([1, 1]);
    expect(await getJson(member("member3"), ["deployment", "nginx", "-n", "default"])).toBeUndefined();

    const tpl = await until("template status summed from members", async () => {
      const d = await getJson(cp, ["deployment", "nginx", "-n", "default"]);
      return d?.status?.readyReplicas === 2 ? d : undefined;
    });
    expect(tpl.status.replicas).toBe(2);
    const rb = await getJson(cp, ["resourcebinding", "nginx-deployment", "-n", "default"]);
    expect(rb.status.aggregatedStatus.map((s: { clusterName: string }) => s.clusterName).sort()).toEqual(["member1", "member2"]);

    await remove(files[0]);
    for (const m of ["member1", "member2"]) await until(`nginx gone from ${m}`, async () => (await member(m)(["get", "deployment", "nginx", "-n", "default"])).code !== 0);
    await until("binding gone", async () => !(await getJson(cp, ["resourcebinding", "nginx-deployment", "-n", "default"])));
    await remove(files[1] + "\n---\n" + files[2]);
  }, 60_000);

  it("samples/guestbook: the CRD follows its ClusterPropagationPolicy, the Guestbook lands on member1 overridden", async () => {
    const crd = await src.read("guestbook/guestbooks-crd.yaml");
    const cpp = await src.read("guestbook/guestbooks-clusterpropagationpolicy.yaml");
    const pp = await src.read("guestbook/guestbooks-propagationpolicy.yaml");
    const op = await src.read("guestbook/guestbooks-overridepolicy.yaml");
    const gb = await src.read("guestbook/guestbook.yaml");
    await apply(crd);
    await until("guestbooks served by the control plane", async () => (await cp(["get", "guestbooks", "-n", "default"])).code === 0);
    await apply(cpp);
    await until("CRD on member1", async () => getJson(member("member1"), ["crd", "guestbooks.webapp.my.domain"]));
    expect(await getJson(member("member2"), ["crd", "guestbooks.webapp.my.domain"])).toBeUndefined();
    // As in Karmada, the scheduler's APIEnablement filter needs member1's collected status to list
    // the new kind; an unschedulable binding is only retried minutes later, so wait like a user would.
    await until("member1 reports webapp.my.domain/v1", async () => {
      const c = await getJson(cp, ["cluster", "member1"]);
      return c?.status?.apiEnablements?.some((e: { groupVersion: string }) => e.groupVersion === "webapp.my.domain/v1");
    });
    await apply(pp);
    await apply(op);
    await apply(gb);

    const g = await until("guestbook on member1 with size 4", async () => {
      const o = await getJson(member("member1"), ["guestbooks.webapp.my.domain", "guestbook-sample", "-n", "default"]);
      return o?.spec?.size === 4 ? o : undefined;
    });
    expect(g.spec).toMatchObject({ configMapName: "test", alias: "Name" });
    expect(g.metadata.annotations).toMatchObject({ OverridePolicy: "test" });
    expect(g.metadata.labels).toMatchObject({ "karmada.io/managed": "true" });
    const rb = await until("guestbook binding applied", async () => {
      const b = await getJson(cp, ["resourcebinding", "guestbook-sample-guestbook", "-n", "default"]);
      return b?.status?.conditions?.some((c: { type: string; status: string }) => c.type === "FullyApplied" && c.status === "True") ? b : undefined;
    });
    expect(rb.spec.clusters.map((c: { name: string }) => c.name)).toEqual(["member1"]);
    expect((await cp(["get", "guestbook", "guestbook-sample", "-n", "default", "-o", "jsonpath={.spec.size}"])).stdout).toBe("2");

    await remove(gb);
    await until("guestbook gone from member1", async () => !(await getJson(member("member1"), ["guestbooks.webapp.my.domain", "guestbook-sample", "-n", "default"])));
    await remove([op, pp].join("\n---\n"));
    await remove(crd);
    await until("CRD gone from member1", async () => !(await getJson(member("member1"), ["crd", "guestbooks.webapp.my.domain"])));
    await remove(cpp);
  }, 60_000);
});
