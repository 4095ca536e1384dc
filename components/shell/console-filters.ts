/**
 * The console's URL-held filters: `?ns=` (the namespace chosen in the header, kept while the
 * user moves between pages) and `?q=` (the header search, which belongs to the page it was typed
 * on). Pure functions over URLSearchParams so the hooks stay thin and the rules are testable.
 */
export const NAMESPACE_PARAM = "ns";
export const SEARCH_PARAM = "q";

/** Pages whose lists the header search filters in place; elsewhere a search opens /resources. */
export const SEARCHABLE_PAGES = ["/clusters", "/resources", "/policies"] as const;

/** The namespace in the URL, undefined for "all namespaces" (absent or empty). */
export function namespaceOf(params: Pick<URLSearchParams, "get">): string | undefined {
  return params.get(NAMESPACE_PARAM)?.trim() || undefined;
}

/** The search text in the URL ("" when none). */
export function searchOf(params: Pick<URLSearchParams, "get">): string {
  return params.get(SEARCH_PARAM) ?? "";
}

/**
 * The query string after setting (or, with an empty value, removing) one parameter. Any
 * page-local paging token is dropped: a new filter starts again at the first page.
 */
export function withParam(params: URLSearchParams | string, name: string, value: string | undefined): string {
  const next = new URLSearchParams(params.toString());
  if (value) next.set(name, value);
  else next.delete(name);
  next.delete("page");
  const s = next.toString();
  return s ? `?${s}` : "";
}

/** A navigation href that keeps the current namespace choice (the search is not carried over). */
export function hrefWithNamespace(href: string, namespace: string | undefined): string {
  if (!namespace) return href;
  const [path, query = ""] = href.split("?");
  const params = new URLSearchParams(query);
  params.set(NAMESPACE_PARAM, namespace);
  return `${path}?${params.toString()}`;
}

/** Whether the header search filters the page at `pathname` in place. */
export function searchesInPlace(pathname: string): boolean {
  return SEARCHABLE_PAGES.some((p) => pathname === p);
}

/** Where submitting the header search goes: the same list page, or the resources list. */
export function searchTarget(pathname: string, current: URLSearchParams | string, text: string): string {
  const trimmed = text.trim();
  if (searchesInPlace(pathname)) return `${pathname}${withParam(current, SEARCH_PARAM, trimmed || undefined)}`;
  const ns = namespaceOf(new URLSearchParams(current.toString()));
  const params = new URLSearchParams();
  if (ns) params.set(NAMESPACE_PARAM, ns);
  if (trimmed) params.set(SEARCH_PARAM, trimmed);
  const s = params.toString();
  return `/resources${s ? `?${s}` : ""}`;
}
