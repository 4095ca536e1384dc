"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { Input } from "../ui/input";
import { searchOf, searchTarget, searchesInPlace } from "./console-filters";

const TYPING_PAUSE_MS = 300;

/**
 * The header search. On the list pages (clusters, resources, policies) it filters the list in
 * place as the user types, through `?q=` (see useConsoleSearch); anywhere else, Enter opens the
 * resources list with the search applied.
 */
export function HeaderSearch() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const inUrl = searchOf(params);
  const [text, setText] = useState(inUrl);
  const inPlace = searchesInPlace(pathname);

  // Follow the URL when it changes under us (navigation, the page's own search box).
  useEffect(() => setText(inUrl), [inUrl, pathname]);

  useEffect(() => {
    if (!inPlace || text === inUrl) return;
    const t = setTimeout(() => router.replace(searchTarget(pathname, params, text), { scroll: false }), TYPING_PAUSE_MS);
    return () => clearTimeout(t);
    // params/inUrl are read at the moment the pause ends; re-running on them would loop.
  }, [text, inPlace]);

  return (
    <form
      role="search"
      aria-label="Console search"
      className="w-72"
      onSubmit={(e) => {
        e.preventDefault();
        router.push(searchTarget(pathname, params, text));
      }}
    >
      <Input type="search" aria-label="Search console" placeholder={inPlace ? "Filter this list…" : "Search resources…"} value={text} onChange={(e) => setText(e.target.value)} />
    </form>
  );
}
