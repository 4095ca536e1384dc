import { describe, expect, it } from "vitest";
import { GroupCommitQueue } from "./group-commit";
import type { SqlClient, SqlQueryable } from "./sql-client";

/** A database stand-in that counts transactions and returns an empty store at counter 10; `guardHolds`: how a guarded write goes. */
function fakeSql(guardHolds = () => true) {
  const transactions: string[][] = [];
  const sql: SqlClient = {
    query: async () => [],
    async transaction(fn) {
      const statements: string[] = [];
      transactions.push(statements);
      const tx: SqlQueryable = {
        query: async <T,>(text: string) => {
          statements.push(text);
          if (text.includes("guard")) return (guardHolds() ? [{ rv: 0 }] : []) as T[];
          return (text.includes("FOR UPDATE") ? [{ base: 10, i: null, rv: 10 }] : []) as T[];
        },
      };
      return fn(tx);
    },
  };
  return { sql, transactions };
}

const cm = (name: string) => ({ kind: "create" as const, key: { group: "", resource: "configmaps" }, namespace: "d", name, object: { apiVersion: "v1", kind: "ConfigMap", metadata: { namespace: "d", name } } });

describe("GroupCommitQueue", () => {
  it("writes submitted by separate callbacks of one event-loop turn share a transaction", async () => {
    const { sql, transactions } = fakeSql();
    const committed: number[] = [];
    const q = new GroupCommitQueue({ sql, exclusive: true, onCommitted: (base, events) => committed.push(base, events.length) });
    const results = await new Promise<Promise<unknown>[]>((resolve) => {
      const out: Promise<unknown>[] = [];
      setImmediate(() => out.push(q.submit(cm("a"))));
      setImmediate(() => out.push(q.submit(cm("b"))));
      setImmediate(() => resolve(out));
    }).then((ps) => Promise.all(ps));
    expect(transactions).toHaveLength(1);
    // Lock and read in one statement, then the write: two statements per group commit.
    expect(transactions[0]).toHaveLength(2);
    expect(committed).toEqual([10, 2]);
    expect(results.map((o) => (o as { metadata: { resourceVersion: string } }).metadata.resourceVersion)).toEqual(["11", "12"]);
    await q.close();
  });

  it("without `exclusive`, locks and reads in separate statements", async () => {
    const { sql, transactions } = fakeSql();
    const q = new GroupCommitQueue({ sql, onCommitted: () => {} });
    await q.submit(cm("a"));
    expect(transactions).toHaveLength(1);
    expect(transactions[0]).toHaveLength(3);
    expect(transactions[0][0]).toMatch(/^SELECT rv FROM store_counter WHERE id = 1 FOR UPDATE$/);
    await q.close();
  });

  it("after a commit, writes a batch on what its ops assume in one statement; a miss reads first", async () => {
    let holds = true;
    const { sql, transactions } = fakeSql(() => holds);
    const q = new GroupCommitQueue({ sql, exclusive: true, onCommitted: () => {} });
    await q.submit(cm("a"));
    await q.submit(cm("b"));
    expect(transactions.map((t) => t.length)).toEqual([2, 1]);
    expect(transactions[1][0]).toContain("guard");
    // Deletes read the row first (their event carries its last state): here it is not found, so nothing is written.
    await expect(q.submit({ kind: "delete", key: cm("b").key, namespace: "d", name: "b" })).rejects.toMatchObject({ status: { reason: "NotFound" } });
    expect(transactions.map((t) => t.length)).toEqual([2, 1, 1]);
    expect(transactions[2][0]).toContain("FOR UPDATE");
    holds = false;
    await q.submit(cm("c"));
    expect(transactions.map((t) => t.length)).toEqual([2, 1, 1, 1, 2]);
    await q.close();
  });
});
