import { ApiError, statusFailure } from "./errors";
import type { Status } from "./types";

/**
 * The browser's fetch wrapper for Flotilla's APIs (/k8s and /api/v1). Non-2xx answers become
 * ApiError carrying the server's metav1.Status, so TanStack Query's error state and the retry
 * policy see real codes.
 */
export async function apiFetch<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  const res = await fetch(path, {
    ...rest,
    headers: { Accept: "application/json", ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...headers },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
    credentials: "same-origin",
  });
  const text = await res.text();
  const body = text ? safeParse(text) : undefined;
  if (!res.ok) {
    const status = isStatus(body) ? body : statusFailure(res.status, res.statusText || "Error", typeof body === "string" ? body : `HTTP ${res.status}`);
    throw new ApiError(status);
  }
  return body as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isStatus(v: unknown): v is Status {
  return !!v && typeof v === "object" && (v as { kind?: unknown }).kind === "Status";
}
