"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { hrefWithNamespace, namespaceOf } from "./console-filters";
import { NAV_ITEMS, isActive } from "./nav-items";

export function Sidebar() {
  const pathname = usePathname();
  // The namespace choice follows the user from page to page.
  const namespace = namespaceOf(useSearchParams());
  return (
    <nav aria-label="Main" className="flex w-56 shrink-0 flex-col gap-1 border-r border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <div className="mb-4 flex items-center gap-2 px-2 pt-1 text-lg font-semibold tracking-tight">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-indigo-600 dark:text-indigo-400" fill="currentColor">
          <path d="M11 2 4 15h7V2Zm2 3v10h6L13 5ZM2 17h20l-2.5 4h-15L2 17Z" />
        </svg>
        Flotilla
      </div>
      <ul className="space-y-1">
        {NAV_ITEMS.map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={hrefWithNamespace(item.href, namespace)}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${
                  active
                    ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-200"
                    : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
