/**
 * The relational side of the store (users, sessions, API tokens, audit log, metric samples):
 * small functions over Prisma Client, one job per file under ./app.
 */
export * from "./app/index";
