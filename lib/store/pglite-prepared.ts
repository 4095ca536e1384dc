/**
 * Named statements on PGlite. PGlite's query() parses and plans every call (six protocol
 * messages, a fresh plan each time); for the group commit's fixed statements that was a fifth of
 * the PGlite thread. SQL PREPARE once per session, then EXECUTE, reuses the plan (Postgres
 * switches to a generic plan after five runs) and parses a jsonb argument once even where the
 * statement reads it twice. EXECUTE takes no protocol parameters, so arguments go inline as
 * literals, and it runs through the simple protocol (exec: one message).
 */
export class PglitePrepared {
  private readonly names = new Set<string>();

  /** The PREPARE to run first (once per session, before `execute`), or undefined. */
  prepareFor(name: string, sql: string): string | undefined {
    return this.names.has(name) ? undefined : `PREPARE ${checkName(name)} AS ${sql}`;
  }

  /** Call once its PREPARE succeeded (prepared statements outlive a rolled-back transaction). */
  prepared(name: string): void {
    this.names.add(name);
  }

  execute(name: string, params: unknown[] = []): string {
    return params.length ? `EXECUTE ${checkName(name)}(${params.map(sqlLiteral).join(", ")})` : `EXECUTE ${checkName(name)}`;
  }
}

function checkName(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid prepared statement name ${JSON.stringify(name)}`);
  return name;
}

/**
 * A parameter as an SQL literal. Strings are quoted with '' doubling and no backslash handling:
 * PGlite runs with standard_conforming_strings on (the default since PostgreSQL 9.1).
 */
export function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new Error(`cannot inline ${v}`);
    return String(v);
  }
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string") return `'${v.includes("'") ? v.replaceAll("'", "''") : v}'`;
  throw new Error(`cannot inline a ${typeof v} parameter`);
}
