"use client";

import { ErrorState } from "../../../components/ui/states";

export default function WorkflowError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState error={error} title="The workflow could not be shown" onRetry={reset} />;
}
