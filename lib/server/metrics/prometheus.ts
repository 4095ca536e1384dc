import type { ControllerMetrics } from "../../controllers/runtime/controller";

/**
 * Prometheus text exposition (format 0.0.4) of Flotilla's own figures: process memory,
 * controller work queues and reconcile counters. Pure: callers pass the readings.
 */
export interface MetricsInput {
  memory: NodeJS.MemoryUsage;
  uptimeSeconds: number;
  controllers: ControllerMetrics[];
  leader: boolean;
  resourceVersion?: number;
}

type Sample = { labels?: Record<string, string>; value: number };

function family(name: string, help: string, type: "gauge" | "counter", samples: Sample[]): string {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
  for (const s of samples) {
    const labels = s.labels && Object.keys(s.labels).length
      ? `{${Object.entries(s.labels).map(([k, v]) => `${k}="${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`).join(",")}}`
      : "";
    lines.push(`${name}${labels} ${Number.isFinite(s.value) ? s.value : 0}`);
  }
  return lines.join("\n");
}

export function renderMetrics(m: MetricsInput): string {
  const per = (pick: (c: ControllerMetrics) => number): Sample[] => m.controllers.map((c) => ({ labels: { controller: c.name }, value: pick(c) }));
  const out = [
    family("process_resident_memory_bytes", "Resident memory of the Flotilla process.", "gauge", [{ value: m.memory.rss }]),
    family("nodejs_heap_used_bytes", "V8 heap in use.", "gauge", [{ value: m.memory.heapUsed }]),
    family("process_uptime_seconds", "Seconds since the process started.", "gauge", [{ value: m.uptimeSeconds }]),
    family("flotilla_leader", "1 when this replica holds the controller lease.", "gauge", [{ value: m.leader ? 1 : 0 }]),
    family("workqueue_depth", "Keys waiting for a worker.", "gauge", per((c) => c.queue.depth)),
    family("workqueue_processing", "Keys held by workers.", "gauge", per((c) => c.queue.processing)),
    family("workqueue_delayed", "Keys waiting for a retry or requeue delay.", "gauge", per((c) => c.queue.delayed)),
    family("workqueue_adds_total", "Keys added to the queue.", "counter", per((c) => c.queue.adds)),
    family("workqueue_retries_total", "Rate-limited re-adds.", "counter", per((c) => c.queue.retries)),
    family("workqueue_dropped_total", "Adds refused because the queue was full.", "counter", per((c) => c.queue.dropped)),
    family("controller_reconcile_total", "Reconciles run.", "counter", per((c) => c.reconciles)),
    family("controller_reconcile_errors_total", "Reconciles that failed and were retried.", "counter", per((c) => c.errors)),
  ];
  if (m.resourceVersion !== undefined) out.push(family("flotilla_store_resource_version", "Newest resourceVersion of the object store.", "gauge", [{ value: m.resourceVersion }]));
  return out.join("\n") + "\n";
}
