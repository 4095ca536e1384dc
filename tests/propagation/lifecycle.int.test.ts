import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubeObject } from "../../lib/kube/types";
import type { Work } from "../../lib/kube/karmada";
import { cpp, deployment, pp, selectDeployment, startE2E, toClusters, until, type E2E } from "./plane";

/**
 * Policy precedence, propagateDeps, conflictResolution, drift, a member down and back, and
 * deletion, on the real control plane with sandbox members.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 60_000);
afterAll(async () => {
  await e?.destroy();
});

const CLUSTERS = ["member1", "member2", "member3"];
const dep = (cluster: string, name: string, ns = "default") => e.memberGet(cluster, "apps/v1", "Deployment", ns, name);
const replicasOf = (o: KubeObject | undefined) => (o?.spec as { replicas?: number } | undefined)?.replicas;

/** The members a Deployment landed on, once it is on exactly one. */
async function placedOn(name: string, ns: string): Promise<string> {
  return until(`${ns}/${name} on a member`, async () => {
    const on: string[] = [];
    for (const c of CLUSTERS) if (await dep(c, name, ns)) on.push(c);
    return on.length === 1 ? on[0] : undefined;
  });
}

describe("policy precedence through real objects", () => {
  const ns = (n: string) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name: n } });
  const inNs = (n: string, o: KubeObject) => ({ ...o, metadata: { ...o.metadata, namespace: n } });

  it.each([
    {
      name: "PropagationPolicy over a higher-priority ClusterPropagationPolicy",
      ns: "prec-kind",
      policies: [cpp("prec-kind-cpp", { priority: 100, resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", namespace: "prec-kind" }], placement: toClusters("member3") }), pp("any", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], placement: toClusters("member1") })],
      template: deployment("t"),
      want: "member1",
    },
    {
      name: "explicit priority over selector specificity",
      ns: "prec-prio",
      policies: [pp("by-name", { priority: 1, resourceSelectors: selectDeployment("t"), placement: toClusters("member1") }), pp("by-kind", { priority: 5, resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], placement: toClusters("member2") })],
      template: deployment("t"),
      want: "member2",
    },
    {
      name: "name selector over label selector over kind only (equal priority)",
      ns: "prec-spec",
      policies: [
        pp("a-kind", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], placement: toClusters("member1") }),
        pp("b-label", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", labelSelector: { matchLabels: { tier: "web" } } }], placement: toClusters("member2") }),
        pp("c-name", { resourceSelectors: selectDeployment("t"), placement: toClusters("member3") }),
      ],
      template: deployment("t", 1, undefined, { labels: { tier: "web" } }),
      want: "member3",
    },
    {
      name: "label selector over kind only",
      ns: "prec-label",
      policies: [
        pp("a-kind", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], placement: toClusters("member1") }),
        pp("b-label", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment", labelSelector: { matchLabels: { tier: "web" } } }], placement: toClusters("member2") }),
      ],
      template: deployment("t", 1, undefined, { labels: { tier: "web" } }),
      want: "member2",
    },
    {
      name: "name order breaks a tie",
      ns: "prec-name",
      policies: [pp("beta", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], placement: toClusters("member2") }), pp("alpha", { resourceSelectors: [{ apiVersion: "apps/v1", kind: "Deployment" }], placement: toClusters("member1") })],
      template: deployment("t"),
      want: "member1",
    },
  ])("$name", async ({ ns: n, policies, template, want }) => {
    await e.cp.create(ns(n));
    for (const p of policies) await e.cp.create(p.kind === "PropagationPolicy" ? inNs(n, p) : p);
    await e.cp.create(inNs(n, template));
    expect(await placedOn("t", n)).toBe(want);
    const tpl = (await e.cp.get("apps/v1", "Deployment", n, "t"))!;
    const claimed = tpl.metadata.annotations?.["propagationpolicy.karmada.io/name"] ?? tpl.metadata.annotations?.["clusterpropagationpolicy.karmada.io/name"];
    const winner = policies.find((p) => JSON.stringify(p.spec).includes(`"${want}"`))!;
    expect(claimed).toBe(winner.metadata.name);
  }, 30_000);
});

describe("propagateDeps", () => {
  it("sends the ConfigMap, Secret, ServiceAccount and PVC a Deployment references, and only with propagateDeps", async () => {
    const ns = "default";
    const mk = (apiVersion: string, kind: string, name: string, extra: Record<string, unknown> = {}) => ({ apiVersion, kind, metadata: { name, namespace: ns }, ...extra }) as KubeObject;
    await e.cp.create(mk("v1", "ConfigMap", "deps-cm", { data: { k: "v" } }));
    await e.cp.create(mk("v1", "Secret", "deps-secret", { stringData: { p: "w" } }));
    await e.cp.create(mk("v1", "ServiceAccount", "deps-sa"));
    await e.cp.create(mk("v1", "PersistentVolumeClaim", "deps-pvc", { spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }));
    await e.cp.create(mk("v1", "ConfigMap", "unrelated-cm", { data: {} }));
    const d = deployment("deps", 1, [{ name: "app", image: "nginx", envFrom: [{ secretRef: { name: "deps-secret" } }] }]);
    const podSpec = (d.spec as { template: { spec: Record<string, unknown> } }).template.spec;
    podSpec.serviceAccountName = "deps-sa";
    podSpec.volumes = [{ name: "c", configMap: { name: "deps-cm" } }, { name: "p", persistentVolumeClaim: { claimName: "deps-pvc" } }];
    await e.cp.create(d);
    await e.cp.create(pp("deps", { propagateDeps: true, resourceSelectors: selectDeployment("deps"), placement: toClusters("member2") }));
    await until("deps on member2", () => dep("member2", "deps"));
    for (const [kind, name] of [["ConfigMap", "deps-cm"], ["Secret", "deps-secret"], ["ServiceAccount", "deps-sa"], ["PersistentVolumeClaim", "deps-pvc"]]) {
      const o = await until(`${kind} ${name} on member2`, () => e.memberGet("member2", "v1", kind, ns, name));
      expect(o.metadata.labels?.["karmada.io/managed"]).toBe("true");
      expect(await e.memberGet("member1", "v1", kind, ns, name)).toBeUndefined();
    }
    expect(await e.memberGet("member2", "v1", "ConfigMap", ns, "unrelated-cm")).toBeUndefined();

    // Without propagateDeps the referenced ConfigMap stays home.
    await e.cp.create(mk("v1", "ConfigMap", "nodeps-cm", { data: {} }));
    const d2 = deployment("nodeps", 1);
    (d2.spec as { template: { spec: Record<string, unknown> } }).template.spec.volumes = [{ name: "c", configMap: { name: "nodeps-cm" } }];
    await e.cp.create(d2);
    await e.cp.create(pp("nodeps", { resourceSelectors: selectDeployment("nodeps"), placement: toClusters("member2") }));
    await until("nodeps on member2", () => dep("member2", "nodeps"));
    expect(await e.memberGet("member2", "v1", "ConfigMap", ns, "nodeps-cm")).toBeUndefined();
  }, 30_000);
});

describe("conflictResolution", () => {
  it.each([
    { policy: undefined, takesOver: false },
    { policy: "Abort", takesOver: false },
    { policy: "Overwrite", takesOver: true },
  ])("conflictResolution=$policy on a pre-existing unmanaged member object: takes over=$takesOver", async ({ policy, takesOver }) => {
    const name = `cr-${(policy ?? "default").toLowerCase()}`;
    await e.member("member3").create(deployment(name, 1));
    await e.cp.create(deployment(name, 4));
    await e.cp.create(pp(name, { ...(policy ? { conflictResolution: policy } : {}), resourceSelectors: selectDeployment(name), placement: toClusters("member3") }));
    const applied = await until("Work Applied condition", async () => {
      const works = (await e.cp.list<Work>("work.karmada.io/v1alpha1", "Work", { namespace: "karmada-es-member3" })).items;
      return works.find((w) => w.metadata.name?.startsWith(`${name}-`))?.status?.conditions?.find((c) => c.type === "Applied");
    });
    const live = (await dep("member3", name))!;
    if (takesOver) {
      const got = await until("taken over", async () => ((await dep("member3", name))?.metadata.labels?.["karmada.io/managed"] === "true" ? dep("member3", name) : undefined));
      expect(replicasOf(got)).toBe(4);
    } else {
      expect(applied.status).toBe("False");
      expect(applied.message).toContain("Karmada will not manage this resource");
      expect(live.metadata.labels?.["karmada.io/managed"]).toBeUndefined();
      expect(replicasOf(live)).toBe(1);
    }
  }, 30_000);
});

describe("drift, member down, deletion", () => {
  it("corrects drift in a member and recreates a member object deleted behind its back", async () => {
    await e.cp.create(deployment("drift", 2));
    await e.cp.create(pp("drift", { resourceSelectors: selectDeployment("drift"), placement: toClusters("member1") }));
    const live = await until("drift on member1", () => dep("member1", "drift"));
    (live.spec as { replicas: number }).replicas = 9;
    live.metadata.labels = { ...live.metadata.labels, app: "tampered" };
    await e.member("member1").update(live);
    await until("drift corrected", async () => {
      const d = await dep("member1", "drift");
      return replicasOf(d) === 2 && d?.metadata.labels?.app === "drift";
    });
    await e.member("member1").delete({ apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "drift" });
    await until("recreated", () => dep("member1", "drift"));
  }, 30_000);

  it("a member down: the Work reports the failure, changes wait, and it converges when the member is back", async () => {
    await e.cp.create(deployment("outage", 1));
    await e.cp.create(pp("outage", { resourceSelectors: selectDeployment("outage"), placement: toClusters("member2", "member3") }));
    await until("outage on member2", () => dep("member2", "outage"));
    await e.sp.sandboxes.setFaults("member2", { down: true });
    try {
      const tpl = (await e.cp.get("apps/v1", "Deployment", "default", "outage"))!;
      (tpl.spec as { replicas: number }).replicas = 3;
      await e.cp.update(tpl);
      await until("member3 updated while member2 is down", async () => replicasOf(await dep("member3", "outage")) === 3);
      await until("member2's Work reports the failure", async () => {
        const w = (await e.cp.list<Work>("work.karmada.io/v1alpha1", "Work", { namespace: "karmada-es-member2" })).items.find((x) => x.metadata.name?.startsWith("outage-"));
        return w?.status?.conditions?.some((c) => c.type === "Applied" && c.status === "False");
      });
    } finally {
      await e.sp.sandboxes.clearFaults("member2");
    }
    await until("member2 converges once back", async () => replicasOf(await dep("member2", "outage")) === 3, 40_000);
  }, 60_000);

  it("deleting templates leaves nothing behind in any member, and keeps what Flotilla did not create", async () => {
    await e.member("member1").create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "theirs", namespace: "default" }, data: {} } as KubeObject);
    await e.cp.create(deployment("gone", 3));
    await e.cp.create({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "gone-cm", namespace: "default" }, data: { a: "b" } } as KubeObject);
    await e.cp.create(pp("gone", { resourceSelectors: [...selectDeployment("gone"), { apiVersion: "v1", kind: "ConfigMap", name: "gone-cm" }], placement: toClusters(...CLUSTERS) }));
    for (const c of CLUSTERS) await until(`gone on ${c}`, async () => (await dep(c, "gone")) && e.memberGet(c, "v1", "ConfigMap", "default", "gone-cm"));
    await e.cp.delete({ apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "gone" });
    await e.cp.delete({ apiVersion: "v1", kind: "ConfigMap", namespace: "default", name: "gone-cm" });
    for (const c of CLUSTERS) await until(`nothing left on ${c}`, async () => !(await dep(c, "gone")) && !(await e.memberGet(c, "v1", "ConfigMap", "default", "gone-cm")));
    await until("bindings and Works gone", async () => {
      const rbs = (await e.cp.list("work.karmada.io/v1alpha2", "ResourceBinding", { namespace: "default" })).items.filter((b) => b.metadata.name?.startsWith("gone-"));
      const works = (await e.cp.list<Work>("work.karmada.io/v1alpha1", "Work")).items.filter((w) => w.metadata.name?.startsWith("gone-"));
      return rbs.length === 0 && works.length === 0;
    });
    // No pods of the deleted Deployment linger in the members' simulated clusters either.
    for (const c of CLUSTERS) await until(`no pods of gone on ${c}`, async () => (await e.member(c).list("v1", "Pod", { namespace: "default", labelSelector: "app=gone" })).items.length === 0);
    expect(await e.memberGet("member1", "v1", "ConfigMap", "default", "theirs")).toBeDefined();
  }, 30_000);
});
