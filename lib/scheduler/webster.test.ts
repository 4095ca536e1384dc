import { describe, expect, it } from "vitest";
import { fnv1a32 } from "./fnv";
import { allocateWebsterSeats, spreadReplicasByWeights, tieBreakDirection } from "./webster";

// UIDs from Karmada's binding_test.go; their FNV-1a parity picks the tie-break direction.
const EVEN_UID = "4858ca61-3ff8-4095-8267-f3d059d8074c";
const ODD_UID = "d43fdeeb-d750-4e2b-bee3-64eb94534f4c";

const votes = (o: Record<string, number>) => new Map(Object.entries(o));
const seats = (parties: { name: string; seats: number }[]) => Object.fromEntries(parties.map((p) => [p.name, p.seats]));

describe("fnv1a32", () => {
  it("matches Go's hash/fnv New32a", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });

  it("hashes the UTF-8 bytes of non-ASCII input", () => {
    expect(fnv1a32("uid-é-∑")).toBe(0x663308cc);
  });

  it("gives Karmada's UID parities", () => {
    expect(fnv1a32(EVEN_UID) & 1).toBe(0);
    expect(fnv1a32(ODD_UID) & 1).toBe(1);
    expect(tieBreakDirection(ODD_UID)).toBe("descending");
    expect(tieBreakDirection("")).toBe("ascending");
  });
});

describe("allocateWebsterSeats (Karmada TestAllocateWebsterSeats)", () => {
  const classic = { PartyA: 100000, PartyB: 80000, PartyC: 30000, PartyD: 20000 };
  it.each([
    [1, [1, 0, 0, 0]],
    [2, [1, 1, 0, 0]],
    [3, [2, 1, 0, 0]],
    [4, [2, 1, 1, 0]],
    [5, [2, 2, 1, 0]],
    [6, [2, 2, 1, 1]],
    [7, [3, 2, 1, 1]],
    [8, [3, 3, 1, 1]],
  ])("classic example with %i seats", (n, want) => {
    const got = allocateWebsterSeats(n, votes(classic), undefined);
    expect(got.map((p) => p.name)).toEqual(["PartyA", "PartyB", "PartyC", "PartyD"]);
    expect(got.map((p) => p.seats)).toEqual(want);
  });

  it("returns nothing without parties", () => {
    expect(allocateWebsterSeats(1, votes({}), undefined)).toEqual([]);
    expect(allocateWebsterSeats(0, votes({}), undefined)).toEqual([]);
  });

  it("lists every party with 0 seats when no seat is handed out", () => {
    expect(seats(allocateWebsterSeats(0, votes({ PartyA: 100, PartyB: 200 }), undefined))).toEqual({ PartyA: 0, PartyB: 0 });
  });

  it("breaks equal quotients by fewer seats, then by name", () => {
    expect(seats(allocateWebsterSeats(1, votes({ PartyA: 3, PartyB: 1 }), votes({ PartyA: 1, PartyB: 0 })))).toEqual({ PartyA: 1, PartyB: 1 });
    expect(seats(allocateWebsterSeats(1, votes({ PartyA: 1, PartyB: 1 }), undefined))).toEqual({ PartyA: 1, PartyB: 0 });
  });

  it("keeps initial seats of a party without votes", () => {
    expect(seats(allocateWebsterSeats(2, votes({ B: 1 }), votes({ A: 3 })))).toEqual({ A: 3, B: 2 });
  });
});

describe("spreadReplicasByWeights (Karmada Test_dispenser_AllocateByWeight and §8.5)", () => {
  const w = (o: Record<string, number>) => Object.entries(o).map(([name, weight]) => ({ name, weight }));
  const init = (o: Record<string, number>) => Object.entries(o).map(([name, replicas]) => ({ name, replicas }));
  it.each([
    ["scale up 6", 6, { A: 1, B: 2, C: 3 }, { A: 1, B: 2, C: 3 }, "", { A: 2, B: 4, C: 6 }],
    ["scale up 3", 3, { A: 1, B: 2, C: 3 }, { A: 1, B: 2, C: 3 }, "", { A: 2, B: 3, C: 4 }],
    ["scale up 2", 2, { A: 1, B: 2, C: 3 }, { A: 1, B: 2, C: 3 }, "", { A: 1, B: 3, C: 4 }],
    ["HA 2:1, 1 replica", 1, undefined, { A: 2, B: 1 }, "", { A: 1, B: 0 }],
    ["HA 2:1, 2 replicas", 2, undefined, { A: 2, B: 1 }, "", { A: 1, B: 1 }],
    ["HA 2:1, 3 replicas", 3, undefined, { A: 2, B: 1 }, "", { A: 2, B: 1 }],
    ["170:110:60, 5", 5, undefined, { A: 170, B: 110, C: 60 }, "", { A: 2, B: 2, C: 1 }],
    ["170:110:60, 6", 6, undefined, { A: 170, B: 110, C: 60 }, "", { A: 3, B: 2, C: 1 }],
    ["1:1, 5, odd uid", 5, undefined, { A: 1, B: 1 }, ODD_UID, { A: 2, B: 3 }],
    ["1:1, 5, even uid", 5, undefined, { A: 1, B: 1 }, EVEN_UID, { A: 3, B: 2 }],
    ["1:1:1, 5", 5, undefined, { A: 1, B: 1, C: 1 }, "", { A: 2, B: 2, C: 1 }],
    ["3:2:1, 13", 13, undefined, { A: 3, B: 2, C: 1 }, "", { A: 7, B: 4, C: 2 }],
    ["3:2:1, 14", 14, undefined, { A: 3, B: 2, C: 1 }, "", { A: 7, B: 5, C: 2 }],
  ] as const)("%s", (_name, n, initial, weights, uid, want) => {
    const got = spreadReplicasByWeights(n, w(weights), initial ? init(initial) : undefined, uid);
    expect(Object.fromEntries(got.map((c) => [c.name, c.replicas]))).toEqual(want);
  });

  it("hands out nothing when every weight is 0", () => {
    expect(spreadReplicasByWeights(3, w({ A: 0, B: 0 }), undefined, "")).toEqual([]);
  });
});

describe("SpreadReplicasByTargetClusters (binding_test.go TestDispenseReplicasByTargetClusters)", () => {
  const w = (o: Record<string, number>) => Object.entries(o).map(([name, weight]) => ({ name, weight }));
  it.each<[string, Record<string, number>, number, Record<string, number>]>([
    ["empty clusters", {}, 10, {}],
    ["1 cluster, 5 replicas, 10 sum", { member1: 5 }, 10, { member1: 10 }],
    ["3 cluster, 1:1:1, 12 sum", { member1: 5, member2: 5, member3: 5 }, 12, { member1: 4, member2: 4, member3: 4 }],
    // Karmada accepts any of 4:3:3 / 3:4:3 / 3:3:4; Webster with an empty UID picks names ascending.
    ["3 cluster, 1:1:1, 10 sum", { member1: 5, member2: 5, member3: 5 }, 10, { member1: 4, member2: 3, member3: 3 }],
    ["3 cluster, 1:2:3, 13 sum", { member1: 1, member2: 2, member3: 3 }, 13, { member1: 2, member2: 4, member3: 7 }],
  ])("%s", (_name, weights, sum, want) => {
    const got = spreadReplicasByWeights(sum, w(weights), undefined, "");
    expect(Object.fromEntries(got.map((c) => [c.name, c.replicas]))).toEqual(want);
  });
});

describe("Dispenser (binding_test.go TestDone, TestNewDispenser, TestGetWeightSum)", () => {
  const w = (o: Record<string, number>) => Object.entries(o).map(([name, weight]) => ({ name, weight }));
  it("done: zero replicas with a non-empty result hands out nothing", () => {
    expect(spreadReplicasByWeights(0, w({ cluster1: 1, cluster2: 1 }), [{ name: "cluster1", replicas: 3 }], "")).toEqual([{ name: "cluster1", replicas: 3 }]);
  });
  it("not done: replicas left are added onto the initial result", () => {
    expect(spreadReplicasByWeights(5, w({ cluster1: 1 }), [{ name: "cluster1", replicas: 3 }], "")).toEqual([{ name: "cluster1", replicas: 8 }]);
  });
  it("not done: zero replicas and an empty result list every weighted cluster with 0", () => {
    expect(spreadReplicasByWeights(0, w({ cluster2: 1, cluster1: 2 }), [], "")).toEqual([
      { name: "cluster1", replicas: 0 },
      { name: "cluster2", replicas: 0 },
    ]);
  });
  it("with an initial assignment and the even UID (NewDispenser copies init)", () => {
    const init = [
      { name: "cluster1", replicas: 3 },
      { name: "cluster2", replicas: 7 },
    ];
    const got = spreadReplicasByWeights(10, w({ cluster1: 1, cluster2: 1 }), init, "4858ca61-3ff8-4095-8267-f3d059d8074c");
    expect(init).toEqual([
      { name: "cluster1", replicas: 3 },
      { name: "cluster2", replicas: 7 },
    ]);
    expect(got.reduce((s, c) => s + (c.replicas ?? 0), 0)).toBe(20);
  });
  it("a weight sum of 0 leaves the result as it is", () => {
    expect(spreadReplicasByWeights(4, w({}), [{ name: "cluster1", replicas: 1 }], "")).toEqual([{ name: "cluster1", replicas: 1 }]);
  });
});
