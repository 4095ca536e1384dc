import { Button } from "../ui/button";

/**
 * Previous/next paging for server-paginated lists. Works for both kinds of server paging:
 * kube continue tokens (no total) and page numbers (total known).
 */
export interface PaginationProps {
  /** 1-based page shown. */
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** Total items when the server knows it (kube lists give remainingItemCount). */
  total?: number;
  pageSize?: number;
}

export function Pagination({ page, hasPrevious, hasNext, onPrevious, onNext, total, pageSize }: PaginationProps) {
  const pages = total !== undefined && pageSize ? Math.max(1, Math.ceil(total / pageSize)) : undefined;
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between gap-3 pt-3 text-sm">
      <span className="text-slate-500 dark:text-slate-400">
        Page {page}
        {pages !== undefined && ` of ${pages}`}
        {total !== undefined && ` · ${total} items`}
      </span>
      <div className="flex gap-2">
        <Button variant="secondary" onClick={onPrevious} disabled={!hasPrevious}>
          Previous page
        </Button>
        <Button variant="secondary" onClick={onNext} disabled={!hasNext}>
          Next page
        </Button>
      </div>
    </nav>
  );
}
