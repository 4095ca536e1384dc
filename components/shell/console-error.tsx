"use client";

import { useEffect } from "react";
import { ErrorState } from "../ui/states";

/**
 * The body of the console's error boundary. A client-side failure carries the ApiError's
 * Status, whose message (and field causes) ErrorState shows; a server component's failure
 * reaches the browser only as a digest in production, so the digest is shown for the logs.
 */
export function ConsoleErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="mx-auto max-w-2xl pt-6">
      <ErrorState error={error} title="This page could not be shown" onRetry={reset} />
      {error.digest && <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Error reference: {error.digest}</p>}
    </div>
  );
}
