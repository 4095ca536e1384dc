"use client";

import { ErrorState } from "../../../components/ui/states";

export default function ResourcesError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState error={error} title="Resources could not be shown" onRetry={reset} />;
}
