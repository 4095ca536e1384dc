import { queries, type QueryParams } from "../../lib/kube/queries";
import type { TemplatePage } from "../../lib/console/resources/list-templates";

/** The resources list's filters (kind token, namespace or "" for all, name search). */
export interface TemplateFilters {
  kind: string;
  namespace: string;
  search: string;
}

export const TEMPLATE_PAGE_SIZE = 50;

/** Query parameters of one page; the server page prefetches the first with the same key. */
export function templatePageParams(f: TemplateFilters, page?: string): QueryParams {
  return { kind: f.kind, namespace: f.namespace, search: f.search, page, limit: TEMPLATE_PAGE_SIZE };
}

/** The REST query of one page of templates. */
export function templatePageQuery(f: TemplateFilters, page?: string) {
  return queries.rest<TemplatePage>("resources", templatePageParams(f, page));
}
