import { getControlPlane } from "@/lib/server/handle";

// GET /readyz – store migrated and controllers started (no authentication)
export const dynamic = "force-dynamic";
export function GET() {
  const ready = getControlPlane()?.isReady() ?? false;
  return new Response(ready ? "ok" : "not ready", { status: ready ? 200 : 503, headers: { "Content-Type": "text/plain" } });
}
