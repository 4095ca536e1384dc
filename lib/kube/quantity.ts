import type { ResourceList } from "./karmada";

/**
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource) as exact integers of
 * nano-units, so "100m" + "900m" is exactly "1" and millicore rounding matches Go's
 * `MilliValue()` / `Value()` (both round up). Numbers returned to callers are plain JS numbers.
 */

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

/** A parsed quantity: exact value in nano-units (1e-9) and the format it was written in. */
export interface ParsedQuantity {
  nanos: bigint;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const QUANTITY_RE = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  // BigInt division truncates toward zero; round up only for positive remainders.
  return a % b !== 0n && a > 0n ? q + 1n : q;
}

/**
 * Parses a quantity string (or a plain number) exactly. Precision below a nano-unit is rounded up,
 * as Kubernetes does. Throws `Error("quantities must match the regular expression ...")` on bad input.
 */
export function parseQuantityExact(input: string | number): ParsedQuantity {
  const src = typeof input === "number" ? String(input) : input.trim();
  const m = QUANTITY_RE.exec(src);
  if (!m) throw new Error(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': "${src}"`);
  const [, sign, num, suffix = ""] = m;
  const [intPart, fracPart = ""] = num.split(".");
  const digits = BigInt((intPart || "0") + fracPart);
  let exp10 = -fracPart.length + 9; // to nano-units
  let binPow = 0;
  let format: QuantityFormat = "DecimalSI";
  if (suffix in BINARY) {
    binPow = BINARY[suffix] * 10;
    format = "BinarySI";
  } else if (suffix in DECIMAL) {
    exp10 += DECIMAL[suffix];
  } else {
    exp10 += Number(suffix.slice(1));
    format = "DecimalExponent";
  }
  let nanos = digits * (1n << BigInt(binPow));
  nanos = exp10 >= 0 ? nanos * 10n ** BigInt(exp10) : ceilDiv(nanos, 10n ** BigInt(-exp10));
  return { nanos: sign === "-" ? -nanos : nanos, format };
}

/** The value in base units as a float ("100m" → 0.1, "2Gi" → 2147483648). */
export function parseQuantity(input: string | number): number {
  return Number(parseQuantityExact(input).nanos) / 1e9;
}

/** Go's `Quantity.MilliValue()`: thousandths, rounded up ("100m" → 100, "1.5" → 1500). */
export function quantityMilliValue(input: string | number): number {
  return Number(ceilDiv(parseQuantityExact(input).nanos, 1_000_000n));
}

/** Go's `Quantity.Value()`: whole base units, rounded up ("500m" → 1, "1Ki" → 1024). */
export function quantityValue(input: string | number): number {
  return Number(ceilDiv(parseQuantityExact(input).nanos, 1_000_000_000n));
}

/**
 * The integer Karmada's estimators compare for a resource: millicores for `cpu`, base units
 * (rounded up) for everything else (memory bytes, pods, storage bytes, extended resources).
 */
export function resourceAmount(name: string, input: string | number): number {
  return name === "cpu" ? quantityMilliValue(input) : quantityValue(input);
}

function formatDecimal(nanos: bigint): string {
  if (nanos === 0n) return "0";
  const neg = nanos < 0n;
  let abs = neg ? -nanos : nanos;
  // Largest SI exponent (multiple of 3, from nano up) at which the mantissa stays an integer.
  let exp = -9;
  while (exp < 18 && abs % 1000n === 0n) {
    abs /= 1000n;
    exp += 3;
  }
  const suffix = Object.keys(DECIMAL).find((k) => DECIMAL[k] === exp) ?? "";
  return `${neg ? "-" : ""}${abs}${suffix}`;
}

function formatBinary(nanos: bigint): string {
  const abs = nanos < 0n ? -nanos : nanos;
  // Like Kubernetes: fractions and |value| < 1024 fall back to decimal notation.
  if (abs % 1_000_000_000n !== 0n || abs < 1024n * 1_000_000_000n) return formatDecimal(nanos);
  let units = abs / 1_000_000_000n;
  let pow = 0;
  while (pow < 6 && units % 1024n === 0n) {
    units /= 1024n;
    pow++;
  }
  const suffix = Object.keys(BINARY).find((k) => BINARY[k] === pow) ?? "";
  return `${nanos < 0n ? "-" : ""}${units}${suffix}`;
}

/**
 * Canonical string for a value in base units, as Kubernetes serialises quantities:
 * DecimalSI "1500m", "2k"; BinarySI "2Gi", "1536Mi" (decimal when not a multiple of 1024).
 * Accepts a number (base units) or an exact ParsedQuantity.
 */
export function formatQuantity(value: number | ParsedQuantity, format: QuantityFormat = "DecimalSI"): string {
  const nanos = typeof value === "number" ? BigInt(Math.round(value * 1e9)) : value.nanos;
  return format === "BinarySI" ? formatBinary(nanos) : formatDecimal(nanos);
}

function combine(a: ResourceList | undefined, b: ResourceList | undefined, sign: 1n | -1n): ResourceList {
  const out: ResourceList = {};
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const key of keys) {
    const left = a?.[key] !== undefined ? parseQuantityExact(a[key]) : undefined;
    const right = b?.[key] !== undefined ? parseQuantityExact(b[key]) : undefined;
    const nanos = (left?.nanos ?? 0n) + sign * (right?.nanos ?? 0n);
    // The result keeps the left operand's notation, as Quantity.Add/Sub do.
    out[key] = formatQuantity({ nanos, format: "DecimalSI" }, (left ?? right)!.format);
  }
  return out;
}

/** Per-resource sum of two ResourceLists (resources present in either). Exact; no rounding. */
export function addResourceLists(a: ResourceList | undefined, b: ResourceList | undefined): ResourceList {
  return combine(a, b, 1n);
}

/** Per-resource `a - b` (resources present in either; may go negative, callers clamp). */
export function subtractResourceLists(a: ResourceList | undefined, b: ResourceList | undefined): ResourceList {
  return combine(a, b, -1n);
}
