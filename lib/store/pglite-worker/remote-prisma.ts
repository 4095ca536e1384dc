import type { IsolationLevel, SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction, TransactionOptions } from "@prisma/driver-adapter-utils";
import type { PgliteThread } from "./pglite-thread";

const provider = "postgres";
// The name of the adapter that really runs (in the thread): Prisma may key behaviour on it.
const adapterName = "pglite-prisma-adapter";

/**
 * A Prisma driver adapter factory whose adapter forwards to pglite-prisma-adapter inside the
 * PGlite thread. Results and DriverAdapterErrors come back as plain data (see protocol.ts).
 * Used by the Prisma Client and by the schema engine (migrations); no shadow databases.
 */
export function remotePrismaFactory(thread: PgliteThread): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider,
    adapterName,
    connect: async () => remoteAdapter(thread),
    connectToShadowDb: async () => {
      throw new Error("shadow databases are not supported by Flotilla's migration runner");
    },
  };
}

function remoteAdapter(thread: PgliteThread): SqlDriverAdapter {
  return {
    provider,
    adapterName,
    queryRaw: (query: SqlQuery) => thread.call<SqlResultSet>("prisma.query", { query }),
    executeRaw: (query: SqlQuery) => thread.call<number>("prisma.execute", { query }),
    executeScript: (script: string) => thread.call<void>("prisma.script", { script }),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      const tx = thread.nextTxId();
      const options = await thread.call<TransactionOptions>("prisma.begin", { tx, isolationLevel });
      return {
        provider,
        adapterName,
        options,
        queryRaw: (query: SqlQuery) => thread.call<SqlResultSet>("prisma.query", { query, tx }),
        executeRaw: (query: SqlQuery) => thread.call<number>("prisma.execute", { query, tx }),
        commit: () => thread.call<void>("prisma.commit", { tx }),
        rollback: () => thread.call<void>("prisma.rollback", { tx }),
      };
    },
    getConnectionInfo: () => ({ schemaName: undefined, supportsRelationJoins: true }),
    // The thread (and PGlite) belong to the Database, which closes them.
    dispose: async () => {},
  };
}
