import { ApiError, errors } from "../../kube/errors";
import type { Status } from "../../kube/types";

/** Every JSON answer carries this exact Content-Type: client-node refuses bodies without one. */
export const JSON_CONTENT_TYPE = "application/json";

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_CONTENT_TYPE, ...headers } });
}

export function statusResponse(status: Status, headers: Record<string, string> = {}): Response {
  const extra = { ...headers };
  if (status.details?.retryAfterSeconds !== undefined) extra["retry-after"] = String(status.details.retryAfterSeconds);
  return jsonResponse(status, status.code, extra);
}

/** Maps any thrown value to a metav1.Status response; unknown errors become an opaque 500. */
export function errorResponse(err: unknown): Response {
  if (ApiError.is(err)) return statusResponse(err.status);
  console.error(JSON.stringify({ level: "error", msg: "apiserver request failed", error: err instanceof Error ? err.stack : String(err) }));
  return statusResponse(errors.internal().status);
}
