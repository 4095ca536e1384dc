// GET /api/v1/events/stream?topics=clusters.cluster.karmada.io,... – live "invalidate" messages (Server-Sent Events)
import { withApi } from "../../../../../lib/api/with-api";
import type { Storage } from "../../../../../lib/apiserver/storage";
import { errors } from "../../../../../lib/kube/errors";
import { parseTopics } from "../../../../../lib/console/live-keys";
import { createEventStream } from "../../../../../lib/console/sse";

export const dynamic = "force-dynamic";

export const GET = withApi(async ({ req, cp }) => {
  const storage = cp.services.storage as Storage | undefined;
  if (!storage) throw errors.serviceUnavailable("the store is not ready");
  const stream = createEventStream({ storage, topics: parseTopics(new URL(req.url).searchParams.get("topics")), signal: req.signal });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
});
