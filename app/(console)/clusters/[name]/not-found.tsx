import Link from "next/link";
import { EmptyState } from "../../../../components/ui/states";

export default function ClusterNotFound() {
  return (
    <EmptyState title="This cluster is not registered">
      <Link href="/clusters" className="text-indigo-700 underline dark:text-indigo-300">
        Back to clusters
      </Link>
    </EmptyState>
  );
}
