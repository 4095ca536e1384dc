/**
 * The JSONPath subset CRD `additionalPrinterColumns` use in practice (kube restricts them to
 * "simple" paths): `.a.b`, `.a[0]`, `.a[*].b`, `.a['x.y']`, and filters
 * `.a[?(@.type=="Ready")].status` with `==` / `!=` against a string, number or boolean literal.
 * Anything else is rejected when compiled.
 */
export type JsonPathSegment =
  | { kind: "field"; name: string }
  | { kind: "index"; index: number }
  | { kind: "wildcard" }
  | { kind: "filter"; path: string[]; op: "==" | "!="; literal: string | number | boolean | undefined; exists?: boolean };

export interface CompiledJsonPath {
  source: string;
  segments: JsonPathSegment[];
}

/** Parses a path such as `.status.conditions[?(@.type=="Ready")].status`; accepts an optional `{}` wrapper and leading `$`. */
export function compileJsonPath(source: string): CompiledJsonPath {
  let s = source.trim();
  if (s.startsWith("{") && s.endsWith("}")) s = s.slice(1, -1).trim();
  if (s.startsWith("$")) s = s.slice(1);
  const segments: JsonPathSegment[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === ".") {
      const m = /^\.([A-Za-z0-9_\-$]+)/.exec(s.slice(i));
      if (!m) throw new Error(`unsupported JSONPath ${JSON.stringify(source)} at ${i}`);
      segments.push({ kind: "field", name: m[1] });
      i += m[0].length;
    } else if (s[i] === "[") {
      const end = findClose(s, i);
      segments.push(parseBracket(s.slice(i + 1, end).trim(), source));
      i = end + 1;
    } else throw new Error(`unsupported JSONPath ${JSON.stringify(source)} at ${i}`);
  }
  return { source, segments };
}

function findClose(s: string, open: number): number {
  let quote: string | null = null;
  for (let j = open + 1; j < s.length; j++) {
    const c = s[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "]") return j;
  }
  throw new Error(`unterminated [ in JSONPath`);
}

function parseBracket(inner: string, source: string): JsonPathSegment {
  if (inner === "*") return { kind: "wildcard" };
  if (/^-?\d+$/.test(inner)) return { kind: "index", index: Number(inner) };
  const quoted = /^(['"])(.*)\1$/.exec(inner);
  if (quoted) return { kind: "field", name: quoted[2] };
  const filter = /^\?\(\s*@((?:\.[A-Za-z0-9_\-]+)+)\s*(?:(==|!=)\s*(.+?))?\s*\)$/.exec(inner);
  if (filter) {
    const path = filter[1].split(".").slice(1);
    if (!filter[2]) return { kind: "filter", path, op: "==", literal: undefined, exists: true };
    return { kind: "filter", path, op: filter[2] as "==" | "!=", literal: parseLiteral(filter[3], source) };
  }
  throw new Error(`unsupported JSONPath ${JSON.stringify(source)}: [${inner}]`);
}

function parseLiteral(raw: string, source: string): string | number | boolean {
  const q = /^(['"])(.*)\1$/.exec(raw);
  if (q) return q[2];
  if (raw === "true" || raw === "false") return raw === "true";
  const n = Number(raw);
  if (!Number.isNaN(n)) return n;
  throw new Error(`unsupported literal in JSONPath ${JSON.stringify(source)}: ${raw}`);
}

/** Every value the path selects, in document order (missing branches select nothing). */
export function evaluateJsonPath(path: CompiledJsonPath, root: unknown): unknown[] {
  let current: unknown[] = [root];
  for (const seg of path.segments) {
    const next: unknown[] = [];
    for (const v of current) step(seg, v, next);
    current = next;
  }
  return current;
}

function step(seg: JsonPathSegment, v: unknown, out: unknown[]): void {
  if (v === null || v === undefined) return;
  switch (seg.kind) {
    case "field":
      if (typeof v === "object" && !Array.isArray(v) && (v as Record<string, unknown>)[seg.name] !== undefined)
        out.push((v as Record<string, unknown>)[seg.name]);
      return;
    case "index":
      if (Array.isArray(v)) {
        const i = seg.index < 0 ? v.length + seg.index : seg.index;
        if (i >= 0 && i < v.length) out.push(v[i]);
      }
      return;
    case "wildcard":
      if (Array.isArray(v)) out.push(...v);
      else if (typeof v === "object") out.push(...Object.values(v as Record<string, unknown>));
      return;
    case "filter":
      if (!Array.isArray(v)) return;
      for (const item of v) if (filterMatches(seg, item)) out.push(item);
  }
}

function filterMatches(seg: Extract<JsonPathSegment, { kind: "filter" }>, item: unknown): boolean {
  let cur: unknown = item;
  for (const p of seg.path) {
    if (cur === null || typeof cur !== "object") return false;
    cur = (cur as Record<string, unknown>)[p];
  }
  if (seg.exists) return cur !== undefined;
  const eq = cur === seg.literal;
  return seg.op === "==" ? eq : cur !== undefined && !eq;
}
