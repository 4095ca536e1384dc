"use client";

import { ErrorState } from "../../../components/ui/states";

export default function PoliciesError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState error={error} title="Policies could not be shown" onRetry={reset} />;
}
