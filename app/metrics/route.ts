import { withApi } from "@/lib/api/with-api";
import { renderMetrics } from "@/lib/server/metrics/prometheus";
import type { Manager } from "@/lib/controllers/runtime/manager";
import type { Storage } from "@/lib/apiserver/storage";

// GET /metrics – Prometheus text: process memory, controller queues and reconcile counters (bearer token or session)
export const dynamic = "force-dynamic";
export const GET = withApi(async ({ cp }) => {
  const manager = cp.services.manager as Manager | undefined;
  const storage = cp.services.storage as Storage | undefined;
  const rv = storage ? Number(await storage.currentResourceVersion()) : undefined;
  const body = renderMetrics({
    memory: process.memoryUsage(),
    uptimeSeconds: process.uptime(),
    controllers: manager?.metrics() ?? [],
    leader: manager?.isRunning ?? false,
    resourceVersion: rv,
  });
  return new Response(body, { headers: { "Content-Type": "text/plain; version=0.0.4; charset=utf-8" } });
});
