import { ApiError, errors } from "../../kube/errors";
import type { Status } from "../../kube/types";
import type { ApiResponse } from "./api-message";

/** Every JSON answer carries this exact Content-Type: client-node refuses bodies without one. */
export const JSON_CONTENT_TYPE = "application/json";

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { "content-type": JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(body) };
}

export function statusResponse(status: Status, headers: Record<string, string> = {}): ApiResponse {
  const extra = { ...headers };
  if (status.details?.retryAfterSeconds !== undefined) extra["retry-after"] = String(status.details.retryAfterSeconds);
  return jsonResponse(status, status.code, extra);
}

/** Maps any thrown value to a metav1.Status response; unknown errors become an opaque 500. */
export function errorResponse(err: unknown): ApiResponse {
  if (ApiError.is(err)) return statusResponse(err.status);
  console.error(JSON.stringify({ level: "error", msg: "apiserver request failed", error: err instanceof Error ? err.stack : String(err) }));
  return statusResponse(errors.internal().status);
}
