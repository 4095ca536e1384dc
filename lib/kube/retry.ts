import { ApiError } from "./errors";

/** TanStack Query retry policy: retry network and 5xx errors a few times, never 4xx (Headlamp's rule). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 3) return false;
  if (ApiError.is(error)) return error.code >= 500;
  return true;
}
