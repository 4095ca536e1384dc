"use client";

import { ErrorState } from "../../../components/ui/states";

export default function ClustersError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState error={error} title="The clusters page failed" onRetry={reset} />;
}
