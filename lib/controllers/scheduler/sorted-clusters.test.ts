import { describe, expect, it } from "vitest";
import type { Cluster } from "../../kube/karmada";
import { SortedClusters } from "./sorted-clusters";

const c = (name: string) => ({ apiVersion: "cluster.karmada.io/v1alpha1", kind: "Cluster", metadata: { name }, spec: {} }) as Cluster;

describe("SortedClusters", () => {
  it("orders by name whatever the cache's insertion order, and re-sorts only on a change", () => {
    const s = new SortedClusters();
    const [m1, m2, m10] = [c("member-1"), c("member-2"), c("member-10")];
    const first = s.of([m1, m2, m10]);
    expect(first.map((x) => x.metadata.name)).toEqual(["member-1", "member-10", "member-2"]);
    expect(s.of([m1, m2, m10])).toBe(first);
    // After a restart the same clusters arrive in another order: same answer.
    expect(s.of([m10, m2, m1]).map((x) => x.metadata.name)).toEqual(["member-1", "member-10", "member-2"]);
    // An updated object is a change.
    const m2b = c("member-2");
    expect(s.of([m10, m2b, m1])[2]).toBe(m2b);
  });
});
