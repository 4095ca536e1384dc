import type { ResourceKey, StorageListOptions, StorageListResult } from "../apiserver/storage";
import type { KubeObject } from "../kube/types";
import { decodeContinue, encodeContinue } from "./continue-token";
import { asObject } from "./object-rows";
import type { SqlClient, SqlQueryable } from "./sql-client";

/** The etcd-like key order: "namespace/name" compared bytewise. */
const KEY = `(o.namespace || '/' || o.name) COLLATE "C"`;
const FILTER_PAGE = 500;

function whereClause(key: ResourceKey, namespace: string | undefined, after: string | undefined, params: unknown[]): string {
  params.push(key.group, key.resource);
  let where = `o."group" = $1 AND o.resource = $2`;
  if (namespace !== undefined) {
    params.push(namespace);
    where += ` AND o.namespace = $${params.length}`;
  }
  if (after !== undefined) {
    params.push(after);
    where += ` AND ${KEY} > $${params.length}`;
  }
  return where;
}

/**
 * One page read in one statement, together with the counter (so the list resourceVersion matches
 * the rows exactly). With `count`, also the number of rows from `after` on (the page's included);
 * without it `total` is undefined and the query reads no more than the page.
 */
async function page(q: SqlQueryable, key: ResourceKey, namespace: string | undefined, after: string | undefined, limit: number | undefined, count = true) {
  const params: unknown[] = [];
  const where = whereClause(key, namespace, after, params);
  const lim = limit !== undefined ? `LIMIT ${limit}` : "";
  // Within one namespace the key order is the name order. Saying so lets the planner take the
  // namespace's rows by primary key and sort those few, instead of walking the key-order index
  // (objects_key_order_idx, which serves lists across namespaces) past every other namespace.
  const order = namespace !== undefined ? `o.name COLLATE "C"` : KEY;
  // Across namespaces the count is its own subquery: a window count would carry every remaining
  // object through the page query on every page (quadratic when paging a large resource). One
  // namespace's rows are few and already read, so counting them in the window is cheaper.
  const rows = !count
    ? await q.query(
        `SELECT c.rv AS list_rv, p.k, p.object FROM store_counter c LEFT JOIN LATERAL (
           SELECT ${KEY} AS k, o.object FROM objects o WHERE ${where} ORDER BY ${order} ${lim}
         ) p ON true WHERE c.id = 1`,
        params,
      )
    : namespace !== undefined
      ? await q.query(
          `SELECT c.rv AS list_rv, p.k, p.object, p.total FROM store_counter c LEFT JOIN LATERAL (
             SELECT ${KEY} AS k, o.object, count(*) OVER () AS total FROM objects o WHERE ${where} ORDER BY ${order} ${lim}
           ) p ON true WHERE c.id = 1`,
          params,
        )
      : await q.query(
          `SELECT c.rv AS list_rv, p.k, p.object, (SELECT count(*) FROM objects o WHERE ${where}) AS total FROM store_counter c LEFT JOIN LATERAL (
             SELECT ${KEY} AS k, o.object FROM objects o WHERE ${where} ORDER BY ${order} ${lim}
           ) p ON true WHERE c.id = 1`,
          params,
        );
  const items = rows.filter((r) => r.k !== null).map((r) => ({ key: r.k as string, object: asObject(r.object) }));
  return { listRv: String(rows[0]?.list_rv ?? "0"), items, total: count ? Number(rows[0]?.total ?? 0) : undefined };
}

/**
 * Lists one resource in key order with limit/continue, over raw SQL. Without a filter, one
 * statement does it. With a filter (label/field selectors), rows are streamed in pages inside
 * one snapshot transaction until enough items match.
 */
export async function sqlList(sql: SqlClient, key: ResourceKey, opts: StorageListOptions = {}): Promise<StorageListResult> {
  const start = opts.continue ? decodeContinue(opts.continue) : undefined;
  const limit = opts.limit && opts.limit > 0 ? opts.limit : undefined;
  if (!opts.filter) {
    // A first page with a limit counts what is left; later pages (their token carries that count)
    // read one row past the page to learn whether more follow, and estimate the rest from the
    // count. Without a limit everything is read, so nothing is counted.
    const counted = limit !== undefined && start?.left === undefined;
    const p = await page(sql, key, opts.namespace, start?.key, limit === undefined || counted ? limit : limit + 1, counted);
    const more = limit !== undefined && (counted ? p.total! > p.items.length : p.items.length > limit);
    if (more && !counted) p.items.length = limit!;
    const listRv = start?.rv ?? p.listRv;
    const result: StorageListResult = { items: p.items.map((i) => i.object), resourceVersion: listRv };
    if (more && p.items.length > 0) {
      const remaining = counted ? p.total! - p.items.length : Math.max(1, start!.left! - p.items.length);
      result.continue = encodeContinue({ key: p.items[p.items.length - 1].key, rv: listRv, left: remaining });
      result.remainingItemCount = remaining;
    }
    return result;
  }
  const filter = opts.filter;
  return sql.transaction(
    async (tx) => {
      const matched: { key: string; object: KubeObject }[] = [];
      let after = start?.key;
      let listRv: string | undefined;
      for (;;) {
        const p = await page(tx, key, opts.namespace, after, FILTER_PAGE, false);
        listRv ??= p.listRv;
        for (const i of p.items) if (filter(i.object)) matched.push(i);
        if (p.items.length < FILTER_PAGE || (limit !== undefined && matched.length > limit)) break;
        after = p.items[p.items.length - 1].key;
      }
      const rv = start?.rv ?? listRv!;
      const items = limit !== undefined ? matched.slice(0, limit) : matched;
      const result: StorageListResult = { items: items.map((i) => i.object), resourceVersion: rv };
      if (limit !== undefined && matched.length > limit) result.continue = encodeContinue({ key: items[items.length - 1].key, rv });
      return result;
    },
    { snapshot: true },
  );
}
