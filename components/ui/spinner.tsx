/** An indeterminate spinner with an accessible label (role=status announces it politely). */
export function Spinner({ label = "Loading", className = "" }: { label?: string; className?: string }) {
  return (
    <span role="status" aria-label={label} className={`inline-flex items-center ${className}`}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4 animate-spin text-indigo-600 dark:text-indigo-400">
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeWidth="4" fill="none" opacity="0.25" />
        <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" fill="none" />
      </svg>
    </span>
  );
}

/**
 * A progress bar: determinate with `value` (0..max), indeterminate without. Always labelled,
 * because a long action's progress is the only sign something is happening.
 */
export function Progress({ label, value, max = 100 }: { label: string; value?: number; max?: number }) {
  const pct = value === undefined ? undefined : Math.max(0, Math.min(100, (value / max) * 100));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
    >
      <div
        className={`h-full rounded-full bg-indigo-600 dark:bg-indigo-400 ${pct === undefined ? "w-1/3 animate-pulse" : ""}`}
        style={pct === undefined ? undefined : { width: `${pct}%` }}
      />
    </div>
  );
}
