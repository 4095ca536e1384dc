/** Relational app data (what is not a Kubernetes object): users, sessions, API tokens, audit, metrics. */
export * from "./api-tokens";
export * from "./audit-log";
export * from "./metric-samples";
export * from "./secrets";
export * from "./sessions";
export * from "./users";
