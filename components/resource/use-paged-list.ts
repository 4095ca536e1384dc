"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { queries, type KubeListParams, type ResourceRef } from "../../lib/kube/queries";
import type { KubeObject } from "../../lib/kube/types";
import type { PaginationProps } from "./pagination";

/**
 * A server-paginated kube list (limit + continue): the browser holds one page at a time.
 * The continue tokens of visited pages are kept so "Previous page" works without a total.
 * Changing the namespace or selectors starts again at page 1.
 */
export function usePagedKubeList<T extends KubeObject = KubeObject>(
  ref: ResourceRef,
  namespace: string | undefined,
  params: Omit<KubeListParams, "limit" | "continue"> = {},
  pageSize = 50,
) {
  const resetKey = JSON.stringify([ref.group, ref.plural, namespace ?? "", params]);
  const [state, setState] = useState({ resetKey, tokens: [undefined] as (string | undefined)[] });
  const tokens = state.resetKey === resetKey ? state.tokens : [undefined];
  const token = tokens[tokens.length - 1];
  const query = useQuery({ ...queries.list<T>(ref, namespace, { ...params, limit: pageSize, continue: token }), placeholderData: keepPreviousData });
  const next = query.data?.metadata.continue;
  const remaining = query.data?.metadata.remainingItemCount;
  const pagination: PaginationProps = {
    page: tokens.length,
    hasPrevious: tokens.length > 1,
    hasNext: !!next,
    onPrevious: () => setState({ resetKey, tokens: tokens.slice(0, -1) }),
    onNext: () => next && setState({ resetKey, tokens: [...tokens, next] }),
    total: remaining !== undefined && query.data ? (tokens.length - 1) * pageSize + query.data.items.length + remaining : undefined,
    pageSize,
  };
  return { query, pagination };
}
