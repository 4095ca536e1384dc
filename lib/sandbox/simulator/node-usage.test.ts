import { describe, expect, it } from "vitest";
import type { EventHandlers } from "../../controllers/runtime/informer";
import type { KubeObject } from "../../kube/types";
import { usageByNode } from "./fit";
import { NodeUsageTracker } from "./node-usage";

const pod = (name: string, cpu: string, nodeName?: string, phase = "Running"): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: "default" },
  spec: { containers: [{ name: "c", resources: { requests: { cpu, memory: "1Mi" } } }], ...(nodeName ? { nodeName } : {}) },
  status: { phase },
});

/** A Pod "informer": a map plus the handlers the tracker registered. */
function fakePods() {
  const items = new Map<string, KubeObject>();
  let h: EventHandlers = {};
  return {
    addHandlers(handlers: EventHandlers) {
      h = handlers;
      return () => undefined;
    },
    put(p: KubeObject) {
      const old = items.get(p.metadata.name!);
      items.set(p.metadata.name!, p);
      if (old) h.onUpdate?.(old, p);
      else h.onAdd?.(p);
    },
    del(name: string) {
      const old = items.get(name)!;
      items.delete(name);
      h.onDelete?.(old);
    },
    list: () => [...items.values()],
  };
}

describe("NodeUsageTracker", () => {
  it("matches usageByNode over the pods through binds, moves, completions and deletes", () => {
    const pods = fakePods();
    const tracker = new NodeUsageTracker(pods);
    const steps: (() => void)[] = [
      () => pods.put(pod("a", "100m")),
      () => pods.put(pod("a", "100m", "n1")),
      () => pods.put(pod("b", "250m", "n1")),
      () => pods.put(pod("c", "1", "n2")),
      () => pods.put(pod("b", "250m", "n1", "Succeeded")),
      () => pods.put(pod("c", "2", "n2")),
      () => pods.del("a"),
      () => pods.del("b"),
    ];
    for (const step of steps) {
      step();
      expect(tracker.usage()).toEqual(usageByNode(pods.list()));
    }
    expect(tracker.usage()).toEqual(new Map([["n2", { cpu: 2000, memory: 2 ** 20, pods: 1 }]]));
  });

  it("hands out copies: adding assumed binds does not change its sums", () => {
    const pods = fakePods();
    const tracker = new NodeUsageTracker(pods);
    pods.put(pod("a", "100m", "n1"));
    tracker.usage().get("n1")!.cpu += 5000;
    expect(tracker.usage().get("n1")!.cpu).toBe(100);
  });
});
