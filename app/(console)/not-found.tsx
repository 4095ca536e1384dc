import Link from "next/link";
import { EmptyState } from "../../components/ui/states";

/** notFound() anywhere in the console, and unknown console URLs. */
export default function ConsoleNotFound() {
  return (
    <div role="region" aria-label="Not found" className="mx-auto max-w-xl pt-10">
      <h1 className="mb-4 text-2xl font-semibold tracking-tight">Not found</h1>
      <EmptyState title="Nothing lives at this address">
        It may have been deleted, or the link is mistyped.{" "}
        <Link href="/" className="text-indigo-700 underline dark:text-indigo-300">
          Back to the overview
        </Link>
      </EmptyState>
    </div>
  );
}
