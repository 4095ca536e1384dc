import { describe, it, expect } from "vitest";
import { renderMetrics } from "./prometheus";

describe("renderMetrics", () => {
  it("renders Prometheus text with per-controller labels", () => {
    const text = renderMetrics({
      memory: { rss: 100, heapUsed: 50, heapTotal: 60, external: 0, arrayBuffers: 0 },
      uptimeSeconds: 12,
      leader: true,
      resourceVersion: 42,
      controllers: [{ name: "binding", queue: { name: "binding", depth: 3, processing: 1, delayed: 0, adds: 10, retries: 2, dropped: 0 }, reconciles: 9, errors: 1, terminal: 0, conflicts: 0, requeueAfter: 0 }],
    });
    expect(text).toContain("# TYPE workqueue_depth gauge");
    expect(text).toContain('workqueue_depth{controller="binding"} 3');
    expect(text).toContain('controller_reconcile_errors_total{controller="binding"} 1');
    expect(text).toContain("flotilla_leader 1");
    expect(text).toContain("flotilla_store_resource_version 42");
    expect(text.endsWith("\n")).toBe(true);
  });
});
