/**
 * YAML text exactly as sigs.k8s.io/yaml's JSONToYAML writes it (go.yaml.in/yaml/v2's encoder
 * and libyaml emitter, as Karmada vendors them), for JSON-shaped values: block style, two-space
 * indent, sequences in mappings not indented, keys in go-yaml's order, `{}`/`[]` for empty
 * collections, scalar styles chosen by the emitter's analysis (plain, 'single', "double",
 * literal `|`), long plain and quoted scalars folded at the first space past column 80.
 */

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

type Style = "plain" | "single" | "double" | "literal";

interface Analysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

/** Marshals a JSON-shaped value (objects, arrays, strings, finite numbers, bigints, booleans, null). */
export function goYamlMarshal(value: unknown): string {
  return new Emitter().document(value);
}

class Emitter {
  private out = "";
  private column = 0;
  private indent = -1;
  private indents: number[] = [];
  private whitespace = true;
  private indention = true;
  private flowLevel = 0;

  document(value: unknown): string {
    this.node(value, { mapping: false, simpleKey: false });
    this.writeIndent(); // document end
    return this.out;
  }

  // -- output primitives (put, put_break, write) -------------------------------------------

  private put(s: string): void {
    this.out += s;
    this.column += Array.from(s).length;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  // -- nodes -------------------------------------------------------------------------------

  private node(value: unknown, ctx: { mapping: boolean; simpleKey: boolean }): void {
    if (Array.isArray(value)) return this.sequence(value, ctx.mapping);
    if (value !== null && typeof value === "object") return this.mappingNode(value as Record<string, unknown>);
    const [text, style] = scalarOf(value);
    this.scalar(text, style, ctx.simpleKey);
  }

  private sequence(items: unknown[], inMapping: boolean): void {
    if (!items.length) return this.emptyFlow("[", "]");
    this.increaseIndent(false, inMapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private mappingNode(obj: Record<string, unknown>): void {
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
    if (!keys.length) return this.emptyFlow("{", "}");
    keys.sort(goYamlKeyCompare);
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const a = analyze(key);
      // check_simple_key: a one-line key of at most 128 bytes.
      if (!a.multiline && Buffer.byteLength(key) <= 128) {
        this.node(key, { mapping: true, simpleKey: true });
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.node(key, { mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(obj[key], { mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private emptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.flowLevel++;
    this.flowLevel--;
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private scalar(text: string, requested: Style, simpleKey: boolean): void {
    const a = analyze(text);
    let style = requested;
    if (simpleKey && a.multiline) style = "double";
    if (style === "plain") {
      if ((this.flowLevel > 0 && !a.flowPlain) || (this.flowLevel === 0 && !a.blockPlain)) style = "single";
      if (text.length === 0 && (this.flowLevel > 0 || simpleKey)) style = "single";
    }
    if (style === "single" && !a.singleQuoted) style = "double";
    if (style === "literal" && (!a.block || this.flowLevel > 0 || simpleKey)) style = "double";
    this.increaseIndent(true, false);
    const allowBreaks = !simpleKey;
    if (style === "plain") this.writePlain(text, allowBreaks);
    else if (style === "single") this.writeSingleQuoted(text, allowBreaks);
    else if (style === "double") this.writeDoubleQuoted(text, allowBreaks);
    else this.writeLiteral(text);
    this.popIndent();
  }

  private writePlain(text: string, allowBreaks: boolean): void {
    const cs = Array.from(text);
    if (!this.whitespace) this.put(" ");
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cs[i + 1] !== " ") this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === "\n") this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(text: string, allowBreaks: boolean): void {
    const cs = Array.from(text);
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1 && cs[i + 1] !== " ") this.writeIndent();
        else this.put(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === "\n") this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.put("'");
        this.put(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(text: string, allowBreaks: boolean): void {
    const cs = Array.from(text);
    // is_bom looks at the start of the value, not at the current character.
    const bom = cs[0] === "\ufeff";
    let spaces = false;
    this.writeIndicator('"', true, false, false);
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (!isPrintable(c) || bom || isBreak(c) || c === '"' || c === "\\") {
        this.put(escapeChar(c));
        spaces = false;
      } else if (c === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1) {
          this.writeIndent();
          if (cs[i + 1] === " ") this.put("\\");
        } else this.put(c);
        spaces = true;
      } else {
        this.put(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(text: string): void {
    const cs = Array.from(text);
    this.writeIndicator("|", true, false, false);
    if (cs[0] === " " || isBreak(cs[0] ?? "")) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = "";
    const last = cs.length - 1;
    if (!cs.length || !isBreak(cs[last])) chomp = "-";
    else if (last === 0 || isBreak(cs[last - 1])) chomp = "+";
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of cs) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(c);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private writeBreak(c: string): void {
    if (c === "\n") return this.putBreak();
    this.out += c;
    this.column = 0;
  }
}

// -- scalars ---------------------------------------------------------------------------------

/** The text and requested style of a scalar, as go-yaml v2's encoder picks them. */
function scalarOf(value: unknown): [string, Style] {
  if (value === null || value === undefined) return ["null", "plain"];
  if (typeof value === "boolean") return [value ? "true" : "false", "plain"];
  // An int64 or uint64 is written exactly; beyond that go-yaml read a float64.
  if (typeof value === "bigint") return [value >= -(2n ** 63n) && value < 2n ** 64n ? value.toString() : goFormatFloat(Number(value)), "plain"];
  if (typeof value === "number") {
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return [BigInt(value).toString(), "plain"];
    if (!Number.isFinite(value)) return [Number.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf", "plain"];
    return [goFormatFloat(value), "plain"];
  }
  const s = String(value);
  const canUsePlain = !resolvesToNonString(s) && !isBase60Float(s);
  if (s.includes("\n")) return [s, "literal"];
  return [s, canUsePlain ? "plain" : "double"];
}

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form below 1e-4 and from 1e6 on. */
export function goFormatFloat(f: number): string {
  if (!Number.isFinite(f)) return f > 0 ? "+Inf" : f < 0 ? "-Inf" : "NaN";
  const [m, e] = f.toExponential().split("e");
  const n = Number(e);
  if (n < -4 || n >= 6) return `${m}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  return String(f);
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const GO_INT = /^[+-]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Whether go-yaml v2's resolve gives a plain scalar with this text a tag other than !!str. */
export function resolvesToNonString(s: string): boolean {
  return goResolve(s).tag !== "str";
}

const RESOLVE_VALUES: Record<string, unknown> = {};
for (const k of "y Y yes Yes YES true True TRUE on On ON".split(" ")) RESOLVE_VALUES[k] = true;
for (const k of "n N no No NO false False FALSE off Off OFF".split(" ")) RESOLVE_VALUES[k] = false;
for (const k of ["", "~", "null", "Null", "NULL"]) RESOLVE_VALUES[k] = null;
for (const k of [".nan", ".NaN", ".NAN"]) RESOLVE_VALUES[k] = NaN;
for (const k of [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"]) RESOLVE_VALUES[k] = Infinity;
for (const k of ["-.inf", "-.Inf", "-.INF"]) RESOLVE_VALUES[k] = -Infinity;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * go-yaml v2's resolve for an untagged plain scalar: the tag it gets ("str", "bool", "null",
 * "int", "float", "timestamp", "merge") and the value decoding into interface{} gives (ints as
 * bigint; timestamps stay strings).
 */
export function goResolve(s: string): { tag: string; value: unknown } {
  const c = s[0];
  const hint = s === "" ? "N" : c === "+" || c === "-" ? "S" : c >= "0" && c <= "9" ? "D" : "yYnNtTfFoO~".includes(c) ? "M" : c === "." ? "." : "";
  const str = { tag: "str", value: s };
  if (!hint) return str;
  if (Object.prototype.hasOwnProperty.call(RESOLVE_VALUES, s)) {
    const value = RESOLVE_VALUES[s];
    return { tag: typeof value === "boolean" ? "bool" : value === null ? "null" : "float", value };
  }
  if (hint === ".") return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) ? { tag: "float", value: Number(s) } : str;
  if (hint === "D" || hint === "S") {
    if (isTimestamp(s)) return { tag: "timestamp", value: s };
    const plain = s.replace(/_/g, "");
    const n = parseGoInt(plain);
    if (n !== undefined && ((n >= INT64_MIN && n <= INT64_MAX) || (n >= 0n && n <= UINT64_MAX && !/^[+-]/.test(plain)))) return { tag: "int", value: n };
    if (YAML_STYLE_FLOAT.test(plain)) return { tag: "float", value: Number(plain) };
  }
  return str;
}

/** strconv.ParseInt(s, 0, ...)'s syntax (sign, 0x/0o/0b prefixes, leading-0 octal), without the range check. */
function parseGoInt(s: string): bigint | undefined {
  const m = GO_INT.exec(s);
  if (!m) return undefined;
  const neg = s.startsWith("-");
  const body = s.replace(/^[+-]/, "");
  let v: bigint;
  if (/^0[xX]/.test(body)) v = BigInt(`0x${body.slice(2)}`);
  else if (/^0[oO]/.test(body)) v = BigInt(`0o${body.slice(2)}`);
  else if (/^0[bB]/.test(body)) v = BigInt(`0b${body.slice(2)}`);
  else if (body.length > 1 && body.startsWith("0")) v = BigInt(`0o${body.slice(1)}`);
  else v = BigInt(body);
  return neg ? -v : v;
}

function isBase60Float(s: string): boolean {
  const c = s[0];
  if (!(c === "+" || c === "-" || (c >= "0" && c <= "9")) || !s.includes(":")) return false;
  return BASE60_FLOAT.test(s);
}

/** go-yaml v2's parseTimestamp: YYYY-M-D, optionally with a time (T, t or space) as time.Parse accepts it. */
function isTimestamp(s: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(s);
  if (!m) return false;
  const [, y, mo, d, sep, h, mi, se, , zone] = m;
  const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > days) return false;
  if (!sep) return true;
  if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return false;
  // The T/t forms need a zone; the space form must not have one.
  return sep === " " ? zone === undefined : zone !== undefined;
}

/** yaml_emitter_analyze_scalar. */
function analyze(text: string): Analysis {
  const cs = Array.from(text);
  if (!cs.length) return { multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true, block: false };
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (text.startsWith("---") || text.startsWith("...")) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    const followedByWhitespace = i + 1 >= cs.length || cs[i + 1] === " " || cs[i + 1] === "\t";
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(c)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (c === "?" || c === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (c === "-" && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (",?[]{}".includes(c)) {
      flowIndicators = true;
    } else if (c === ":") {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (c === "#" && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }
    if (!isPrintable(c)) special = true;
    if (c === " ") {
      if (i === 0) leadingSpace = true;
      if (i === cs.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cs.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = c === " " || c === "\t" || c === "\0" || isBreak(c);
  }
  const a: Analysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || special) a.flowPlain = a.blockPlain = a.singleQuoted = a.block = false;
  if (lineBreaks) a.flowPlain = a.blockPlain = false;
  if (flowIndicators) a.flowPlain = false;
  if (blockIndicators) a.blockPlain = false;
  return a;
}

/** is_printable: LF, printable ASCII, U+00A0..U+D7FF, U+E000..U+FFFD but not the BOM; nothing beyond the BMP. */
function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

function isBreak(c: string): boolean {
  return c === "\r" || c === "\n" || c === "\u0085" || c === "\u2028" || c === "\u2029";
}

const SHORT_ESCAPES: Record<number, string> = {
  0x00: "0",
  0x07: "a",
  0x08: "b",
  0x09: "t",
  0x0a: "n",
  0x0b: "v",
  0x0c: "f",
  0x0d: "r",
  0x1b: "e",
  0x22: '"',
  0x5c: "\\",
  0x85: "N",
  0xa0: "_",
  0x2028: "L",
  0x2029: "P",
};

function escapeChar(c: string): string {
  const cp = c.codePointAt(0)!;
  if (SHORT_ESCAPES[cp] !== undefined) return `\\${SHORT_ESCAPES[cp]}`;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, "0")}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, "0")}`;
  return `\\U${hex.padStart(8, "0")}`;
}

// -- key order -------------------------------------------------------------------------------

/**
 * The order go-yaml v2 writes map keys in (its keyList.Less on strings): letters by code point,
 * anything else before letters, runs of digits compared as numbers ("a2" before "a10").
 */
export function goYamlKeyCompare(a: string, b: string): number {
  return goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0;
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);

function goYamlKeyLess(x: string, y: string): boolean {
  const ar = Array.from(x);
  const br = Array.from(y);
  const code = (c: string) => c.codePointAt(0)!;
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return code(ar[i]) < code(br[i]);
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (code(ar[ai]) - 48);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (code(br[bi]) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return code(ar[i]) < code(br[i]);
  }
  return ar.length < br.length;
}
