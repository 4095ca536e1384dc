import { errors } from "../../kube/errors";
import { parseFieldValidation, type FieldValidation } from "../strict-fields";
import { defaultFieldManager as patchDefaultFieldManager } from "../patch/managed-fields";

/**
 * Query parameters kube clients send (kube-api-surface.md §1), parsed once. Unknown ones are
 * ignored, like `timeout` (a client-side hint that must not end watches).
 */
export interface RequestQuery {
  watch: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  timeoutSeconds?: number;
  allowWatchBookmarks: boolean;
  sendInitialEvents: boolean;
  dryRun: boolean;
  fieldManager?: string;
  fieldValidation?: FieldValidation;
  force: boolean;
  includeObject: string | null;
  propagationPolicy?: string;
}

function bool(v: string | null): boolean {
  return v === "true" || v === "1";
}

function nonNegativeInt(name: string, v: string | null): number | undefined {
  if (v === null || v === "") return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw errors.badRequest(`invalid value for ${name}: ${JSON.stringify(v)}`);
  return n;
}

export function parseQuery(params: URLSearchParams): RequestQuery {
  const dryRun = params.getAll("dryRun");
  for (const v of dryRun) if (v !== "All") throw errors.badRequest(`dryRun: Unsupported value: "${v}": supported values: "All"`);
  return {
    watch: bool(params.get("watch")),
    labelSelector: params.get("labelSelector") ?? undefined,
    fieldSelector: params.get("fieldSelector") ?? undefined,
    limit: nonNegativeInt("limit", params.get("limit")),
    continue: params.get("continue") || undefined,
    resourceVersion: params.get("resourceVersion") ?? undefined,
    timeoutSeconds: nonNegativeInt("timeoutSeconds", params.get("timeoutSeconds")),
    allowWatchBookmarks: bool(params.get("allowWatchBookmarks")),
    sendInitialEvents: bool(params.get("sendInitialEvents")),
    dryRun: dryRun.length > 0,
    fieldManager: params.get("fieldManager") || undefined,
    fieldValidation: parseFieldValidation(params.get("fieldValidation")),
    force: bool(params.get("force")),
    includeObject: params.get("includeObject"),
    propagationPolicy: params.get("propagationPolicy") || undefined,
  };
}

/**
 * kube-apiserver's manager for a write without `fieldManager`: the User-Agent up to its first
 * "/" (the patch module's defaultFieldManager, so HTTP and in-process writes agree).
 */
export function defaultFieldManager(userAgent: string | null): string {
  return patchDefaultFieldManager(undefined, userAgent ?? undefined);
}
