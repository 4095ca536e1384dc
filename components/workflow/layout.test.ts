import { describe, expect, it } from "vitest";
import ELK from "elkjs/lib/elk.bundled.js";
import { buildTopology, type TopologyInput } from "../../lib/kube/topology";
import { NODE_HEIGHT, columnLayout, columnOf, positionsFromElk, toElkGraph } from "./layout";

const input: TopologyInput = {
  resource: { apiVersion: "apps/v1", kind: "Deployment", namespace: "default", name: "web" },
  template: { apiVersion: "apps/v1", kind: "Deployment", metadata: { namespace: "default", name: "web" } },
  policy: { apiVersion: "policy.karmada.io/v1alpha1", kind: "PropagationPolicy", metadata: { namespace: "default", name: "pp" }, spec: { resourceSelectors: [] } },
  overridePolicies: [{ apiVersion: "policy.karmada.io/v1alpha1", kind: "OverridePolicy", metadata: { namespace: "default", name: "op" }, spec: {} }],
  binding: { apiVersion: "work.karmada.io/v1alpha2", kind: "ResourceBinding", metadata: { namespace: "default", name: "web-deployment" }, spec: { resource: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, clusters: [{ name: "a" }, { name: "b" }, { name: "c" }] } },
};

describe("columnOf", () => {
  it.each([
    ["ResourceTemplate", 0],
    ["PropagationPolicy", 1],
    ["OverridePolicy", 1],
    ["ResourceBinding", 2],
    ["Work", 3],
    ["MemberWorkload", 4],
  ] as const)("%s → column %i", (type, col) => expect(columnOf({ type })).toBe(col));
});

describe("columnLayout", () => {
  it("places each chain step in its column, left to right, without overlaps", () => {
    const t = buildTopology(input);
    const pos = columnLayout(t);
    expect(Object.keys(pos).sort()).toEqual(t.nodes.map((n) => n.id).sort());
    expect(pos["work/a"].x).toBeGreaterThan(pos[t.nodes[2].id].x);
    const works = ["work/a", "work/b", "work/c"].map((id) => pos[id].y);
    for (let i = 1; i < works.length; i++) expect(works[i] - works[i - 1]).toBeGreaterThanOrEqual(NODE_HEIGHT);
    // The single template sits in the middle of the three Works.
    expect(pos[t.nodes[0].id].y).toBe(pos["work/b"].y);
  });
});

describe("ELK layout", () => {
  it("lays the chain out left to right with every node placed", async () => {
    const t = buildTopology(input);
    const result = await new ELK().layout(toElkGraph(t));
    const pos = positionsFromElk(result, {});
    expect(Object.keys(pos)).toHaveLength(t.nodes.length);
    const x = (id: string) => pos[id].x;
    expect(x("work/a")).toBeGreaterThan(x("binding/ResourceBinding/default/web-deployment"));
    expect(x("member/a")).toBeGreaterThan(x("work/a"));
    expect(x("binding/ResourceBinding/default/web-deployment")).toBeGreaterThan(x("template/Deployment/default/web"));
  });
});
