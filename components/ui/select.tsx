import type { SelectHTMLAttributes } from "react";

/** A native select (keyboard and screen-reader behaviour for free), styled like Input. */
export function Select({ className = "", children, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={`block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 dark:border-slate-700 dark:bg-slate-900 ${className}`}
      {...props}
    >
      {children}
    </select>
  );
}
