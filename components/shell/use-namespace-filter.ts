"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import { NAMESPACE_PARAM, SEARCH_PARAM, namespaceOf, searchOf, withParam } from "./console-filters";

/**
 * The namespace chosen in the console header, held in the URL as `?ns=` so a link or a reload
 * keeps it. `namespace` is undefined for "all namespaces". List pages pass it to their queries
 * (e.g. `usePagedKubeList(ref, namespace)`, or `namespace` on GET /api/v1/resources); setting it
 * replaces the history entry and drops the page's paging token.
 */
export function useNamespaceFilter(): { namespace: string | undefined; setNamespace: (namespace: string | undefined) => void } {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const setNamespace = useCallback(
    (namespace: string | undefined) => router.replace(`${pathname}${withParam(params, NAMESPACE_PARAM, namespace)}`, { scroll: false }),
    [router, pathname, params],
  );
  return { namespace: namespaceOf(params), setNamespace };
}

/**
 * The header search text of the current page (`?q=`), "" when none. List pages filter by it
 * server-side; `setSearch` writes it back (replace, not push: typing is not navigation).
 */
export function useConsoleSearch(): { search: string; setSearch: (text: string) => void } {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const setSearch = useCallback(
    (text: string) => router.replace(`${pathname}${withParam(params, SEARCH_PARAM, text || undefined)}`, { scroll: false }),
    [router, pathname, params],
  );
  return { search: searchOf(params), setSearch };
}
