import type { Status, StatusCause } from "./types";

/**
 * The one error class of Flotilla. It carries a metav1.Status, which is what every API answers
 * on failure (kube API and REST alike), and what the UI reads back from a failed fetch.
 */
export class ApiError extends Error {
  readonly status: Status;

  constructor(status: Status) {
    super(status.message ?? status.reason ?? `HTTP ${status.code}`);
    this.name = "ApiError";
    this.status = status;
  }

  get code(): number {
    return this.status.code;
  }

  get reason(): string | undefined {
    return this.status.reason;
  }

  /**
   * Structural check rather than instanceof: Next.js bundles route handlers separately from the
   * control plane, so an ApiError may come from another copy of this module.
   */
  static is(err: unknown, reason?: string): err is ApiError {
    const e = err as { name?: unknown; status?: { kind?: unknown; reason?: unknown } } | null;
    if (!e || typeof e !== "object" || e.name !== "ApiError" || e.status?.kind !== "Status") return false;
    return reason === undefined || e.status.reason === reason;
  }
}

type Details = Status["details"];

export function statusFailure(code: number, reason: string, message: string, details?: Details): Status {
  const s: Status = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message, reason, code };
  if (details) s.details = details;
  return s;
}

function fail(code: number, reason: string, message: string, details?: Details): ApiError {
  return new ApiError(statusFailure(code, reason, message, details));
}

/** `resource` is the plural lower-case resource name with group, e.g. "deployments.apps", as Kubernetes prints it. */
export const errors = {
  badRequest: (message: string, causes?: StatusCause[]) =>
    fail(400, "BadRequest", message, causes ? { causes } : undefined),
  unauthorized: (message = "Unauthorized") => fail(401, "Unauthorized", message),
  forbidden: (message: string, details?: Details) => fail(403, "Forbidden", message, details),
  notFound: (resource: string, name: string, group?: string) =>
    fail(404, "NotFound", `${qualify(resource, group)} "${name}" not found`, { name, group, kind: resource }),
  notFoundMessage: (message: string) => fail(404, "NotFound", message),
  methodNotAllowed: (message: string) => fail(405, "MethodNotAllowed", message),
  notAcceptable: (message: string) => fail(406, "NotAcceptable", message),
  alreadyExists: (resource: string, name: string, group?: string) =>
    fail(409, "AlreadyExists", `${qualify(resource, group)} "${name}" already exists`, { name, group, kind: resource }),
  conflict: (resource: string, name: string, message: string, group?: string, causes?: StatusCause[]) =>
    fail(409, "Conflict", `Operation cannot be fulfilled on ${qualify(resource, group)} "${name}": ${message}`, {
      name,
      group,
      kind: resource,
      ...(causes ? { causes } : {}),
    }),
  conflictMessage: (message: string, causes?: StatusCause[]) => fail(409, "Conflict", message, causes ? { causes } : undefined),
  expired: (message: string) => fail(410, "Expired", message),
  gone: (message: string) => fail(410, "Gone", message),
  requestEntityTooLarge: (message: string) => fail(413, "RequestEntityTooLarge", message),
  unsupportedMediaType: (contentType: string) =>
    fail(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf; got ${contentType}`),
  /** kind is the Kind (e.g. "ConfigMap"), as Kubernetes prints it in Invalid errors. */
  invalid: (kind: string, name: string, causes: StatusCause[], group?: string) =>
    fail(
      422,
      "Invalid",
      `${kind}${group ? "." + group : ""} "${name}" is invalid: ${causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)).join(", ")}`,
      { name, group, kind, causes },
    ),
  tooManyRequests: (message: string, retryAfterSeconds: number) =>
    fail(429, "TooManyRequests", message, { retryAfterSeconds }),
  internal: (message = "an internal error occurred") => fail(500, "InternalError", message),
  serviceUnavailable: (message: string) => fail(503, "ServiceUnavailable", message),
  timeout: (message: string) => fail(504, "Timeout", message),
};

function qualify(resource: string, group?: string): string {
  return group ? `${resource}.${group}` : resource;
}

/** Cause helpers matching apimachinery's field.Error reasons. */
export const causes = {
  required: (field: string, message = "Required value"): StatusCause => ({ reason: "FieldValueRequired", field, message }),
  invalid: (field: string, value: unknown, detail: string): StatusCause => ({
    reason: "FieldValueInvalid",
    field,
    message: `Invalid value: ${JSON.stringify(value)}: ${detail}`,
  }),
  notSupported: (field: string, value: unknown, supported: string[]): StatusCause => ({
    reason: "FieldValueNotSupported",
    field,
    message: `Unsupported value: ${JSON.stringify(value)}: supported values: ${supported.map((s) => `"${s}"`).join(", ")}`,
  }),
  forbidden: (field: string, message: string): StatusCause => ({ reason: "FieldValueForbidden", field, message: `Forbidden: ${message}` }),
  duplicate: (field: string, value: unknown): StatusCause => ({ reason: "FieldValueDuplicate", field, message: `Duplicate value: ${JSON.stringify(value)}` }),
  typeInvalid: (field: string, value: unknown, detail: string): StatusCause => ({
    reason: "FieldValueTypeInvalid",
    field,
    message: `Invalid value: ${JSON.stringify(value)}: ${detail}`,
  }),
};
