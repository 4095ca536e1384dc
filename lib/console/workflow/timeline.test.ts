import { describe, expect, it } from "vitest";
import { buildTimeline, involvedKey, type EventLike } from "./timeline";

const ev = (uid: string, time: string, kind: string, name: string, extra: Partial<EventLike> = {}): EventLike => ({
  apiVersion: "v1",
  kind: "Event",
  metadata: { uid, namespace: "default", name: uid },
  involvedObject: { kind, namespace: "default", name },
  reason: `R-${uid}`,
  message: `m-${uid}`,
  lastTimestamp: time,
  ...extra,
});

describe("buildTimeline", () => {
  it("orders oldest first, drops duplicates and tags nodes", () => {
    const nodes = new Map([[involvedKey("ResourceBinding", "default", "web-deployment"), "binding/x"]]);
    const t = buildTimeline(
      [ev("b", "2025-01-01T00:00:02Z", "ResourceBinding", "web-deployment", { type: "Warning", count: 3 }), ev("a", "2025-01-01T00:00:01Z", "Deployment", "web"), ev("b", "2025-01-01T00:00:02Z", "ResourceBinding", "web-deployment")],
      nodes,
    );
    expect(t.map((e) => e.reason)).toEqual(["R-a", "R-b"]);
    expect(t[1]).toMatchObject({ type: "Warning", count: 3, nodeId: "binding/x" });
    expect(t[0].nodeId).toBeUndefined();
  });

  it("falls back through eventTime, firstTimestamp and creationTimestamp", () => {
    const e = ev("c", "", "Work", "w", { lastTimestamp: undefined, eventTime: undefined, firstTimestamp: undefined });
    e.metadata.creationTimestamp = "2025-02-02T00:00:00Z";
    expect(buildTimeline([e], new Map())[0].time).toBe("2025-02-02T00:00:00Z");
  });
});
