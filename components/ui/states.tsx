import type { ReactNode } from "react";
import { ApiError } from "../../lib/kube/errors";
import { Button } from "./button";
import { Spinner } from "./spinner";

/** The loading state of a page or panel: a labelled spinner, announced politely. */
export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="flex items-center justify-center gap-2 p-10 text-sm text-slate-500 dark:text-slate-400">
      <Spinner label={label} />
      <span aria-hidden="true">{label}</span>
    </div>
  );
}

/** The empty state: says what is missing and, through children, what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      <p className="font-medium">{title}</p>
      {children && <div className="mt-2 text-sm text-slate-500 dark:text-slate-400">{children}</div>}
    </div>
  );
}

/**
 * The error state: the server's Status message (and field causes), never a bare "failed".
 * role=alert so it is announced and findable.
 */
export function ErrorState({ error, title = "Something went wrong", onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { message, causes } = describeError(error);
  return (
    <div role="alert" className="rounded-xl border border-rose-300 bg-rose-50 p-4 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
      <p className="font-medium">{title}</p>
      <p className="mt-1">{message}</p>
      {causes.length > 0 && (
        <ul className="mt-2 list-disc pl-5">
          {causes.map((c, i) => (
            <li key={i}>{c}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <Button variant="secondary" className="mt-3" onClick={onRetry}>
          Retry
        </Button>
      )}
    </div>
  );
}

/** Message and "field: message" causes of any thrown value, ApiError first. */
export function describeError(error: unknown): { message: string; causes: string[]; code?: number } {
  if (ApiError.is(error)) {
    const causes = (error.status.details?.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message ?? c.reason ?? ""}` : (c.message ?? c.reason ?? "")));
    return { message: error.status.message ?? error.status.reason ?? `HTTP ${error.code}`, causes, code: error.code };
  }
  if (error instanceof Error) return { message: error.message, causes: [] };
  return { message: String(error), causes: [] };
}
