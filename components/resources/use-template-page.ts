"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TEMPLATE_PAGE_SIZE, templatePageQuery, type TemplateFilters } from "./template-query";
import type { PaginationProps } from "../resource/pagination";

/**
 * Pages through GET /api/v1/resources with continue tokens (kept for "Previous page"); a change
 * of filters starts again at page 1. The browser holds one page.
 */
export function useTemplatePage(filters: TemplateFilters) {
  const resetKey = JSON.stringify(filters);
  const [state, setState] = useState({ resetKey, tokens: [undefined] as (string | undefined)[] });
  const tokens = state.resetKey === resetKey ? state.tokens : [undefined];
  const token = tokens[tokens.length - 1];
  const query = useQuery({
    ...templatePageQuery(filters, token),
    placeholderData: keepPreviousData,
    // Rows show converging state; refresh while anything is still moving.
    refetchInterval: (q) => (q.state.data?.items.some((r) => ["Pending", "Scheduling", "Applying", "Deleting"].includes(r.propagation.state)) ? 2_000 : 15_000),
  });
  const next = query.data?.continue;
  const remaining = query.data?.remaining;
  const pagination: PaginationProps = {
    page: tokens.length,
    hasPrevious: tokens.length > 1,
    hasNext: !!next,
    onPrevious: () => setState({ resetKey, tokens: tokens.slice(0, -1) }),
    onNext: () => next && setState({ resetKey, tokens: [...tokens, next] }),
    total: remaining !== undefined && query.data ? (tokens.length - 1) * TEMPLATE_PAGE_SIZE + query.data.items.length + remaining : undefined,
    pageSize: TEMPLATE_PAGE_SIZE,
  };
  return { query, pagination };
}
