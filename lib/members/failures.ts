import { ApiError, errors, statusFailure } from "../kube/errors";
import type { Status } from "../kube/types";

/**
 * Turns what a member answered (or failed to answer) into the ApiError every ObjectClient
 * throws. A Status body is kept as sent; other bodies become a Status with the HTTP code.
 */
export function apiErrorFromResponse(code: number, text: string): ApiError {
  const body = parseJson(text);
  if (isStatus(body)) return new ApiError({ ...body, code: body.code || code });
  return new ApiError(statusFailure(code, reasonForCode(code), text.trim() || `the server responded with HTTP ${code}`));
}

/**
 * Network-level failures: a timeout becomes 504 Timeout, anything else (refused, reset, TLS
 * verification) 503 ServiceUnavailable with the cause in the message. ApiErrors pass through.
 */
export function apiErrorFromFailure(err: unknown, what: string): ApiError {
  if (ApiError.is(err)) return err;
  if (isTimeout(err)) return errors.timeout(`${what}: the request timed out`);
  return errors.serviceUnavailable(`${what}: ${describe(err)}`);
}

/** True for the abort/timeout errors fetch raises. */
export function isTimeout(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name;
  const causeName = (err as { cause?: { name?: string } } | null)?.cause?.name;
  return name === "TimeoutError" || causeName === "TimeoutError" || (err as { code?: string } | null)?.code === "UND_ERR_HEADERS_TIMEOUT";
}

/** The innermost useful message: undici hides the real reason (ECONNREFUSED, cert errors) in `cause`. */
export function describe(err: unknown): string {
  const e = err as { message?: string; code?: string; cause?: unknown } | null;
  if (e?.cause) return describe(e.cause);
  if (e?.code && e.message && !e.message.includes(e.code)) return `${e.code}: ${e.message}`;
  return e?.message ?? String(err);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isStatus(v: unknown): v is Status {
  return !!v && typeof v === "object" && (v as { kind?: unknown }).kind === "Status";
}

function reasonForCode(code: number): string {
  const reasons: Record<number, string> = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    406: "NotAcceptable",
    409: "Conflict",
    410: "Expired",
    415: "UnsupportedMediaType",
    422: "Invalid",
    429: "TooManyRequests",
    500: "InternalError",
    503: "ServiceUnavailable",
    504: "Timeout",
  };
  return reasons[code] ?? "Unknown";
}
