import { describe, expect, it } from "vitest";
import type { Cluster } from "../kube/karmada";
import { clusterRow, pageClusterRows } from "./cluster-list";
import { parseClusterListQuery } from "./cluster-list-query";
import { ApiError } from "../kube/errors";

const cluster = (name: string, ready: "True" | "False", spec: Partial<Cluster["spec"]> = {}, labels: Record<string, string> = {}): Cluster => ({
  apiVersion: "cluster.karmada.io/v1alpha1",
  kind: "Cluster",
  metadata: { name, labels },
  spec: { syncMode: "Push", ...spec },
  status: { kubernetesVersion: "v1.32.0", nodeSummary: { totalNum: 3, readyNum: 2 }, conditions: [{ type: "Ready", status: ready, reason: "r", message: "m", lastTransitionTime: "2025-01-01T00:00:00Z" }] },
});

const rows = [
  cluster("member1", "True", { region: "eu-west", zones: ["eu-west-1a"] }, { "flotilla.io/sandbox": "true" }),
  cluster("member2", "False", { region: "us-east", syncMode: "Pull" }),
  ...Array.from({ length: 45 }, (_, i) => cluster(`edge-${String(i).padStart(2, "0")}`, "True", { provider: "acme", zone: "z1" }, { tier: "edge" })),
].map(clusterRow);

describe("clusterRow", () => {
  it("flattens what the list shows", () => {
    expect(rows[0]).toMatchObject({ name: "member1", health: "Ready", syncMode: "Push", region: "eu-west", zones: ["eu-west-1a"], nodes: { total: 3, ready: 2 }, sandbox: true, kubernetesVersion: "v1.32.0" });
    expect(rows[2].zones).toEqual(["z1"]);
  });
});

describe("pageClusterRows", () => {
  it.each([
    [{}, 47, 20],
    [{ search: "EU-WEST" }, 1, 1],
    [{ search: "tier=edge" }, 45, 20],
    [{ health: "NotReady" as const }, 1, 1],
    [{ syncMode: "Pull" as const }, 1, 1],
    [{ search: "edge", page: 3 }, 45, 5],
  ])("%j → %i total, %i on the page", (q, total, shown) => {
    const page = pageClusterRows(rows, q);
    expect(page.total).toBe(total);
    expect(page.items).toHaveLength(shown);
  });

  it("sorts by name, clamps the page and counts health before the health filter", () => {
    const page = pageClusterRows(rows, { page: 99, pageSize: 40, health: "Ready" });
    expect(page.page).toBe(2);
    expect(page.byHealth).toEqual({ Ready: 46, NotReady: 1, Unknown: 0 });
    expect(pageClusterRows(rows, {}).items[0].name).toBe("edge-00");
  });
});

describe("parseClusterListQuery", () => {
  it("coerces numbers and rejects bad values with the field named", () => {
    expect(parseClusterListQuery(new URLSearchParams("page=2&pageSize=10&health=Ready&search="))).toEqual({ page: 2, pageSize: 10, health: "Ready" });
    try {
      parseClusterListQuery(new URLSearchParams("health=Sick"));
      expect.unreachable();
    } catch (e) {
      expect(ApiError.is(e, "BadRequest")).toBe(true);
      expect((e as ApiError).status.details?.causes?.[0].field).toBe("health");
    }
  });
});
