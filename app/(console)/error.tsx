"use client";

import { ConsoleErrorView } from "../../components/shell/console-error";

/** The console group's error boundary: the failure's Status message and a retry. */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ConsoleErrorView error={error} reset={reset} />;
}
