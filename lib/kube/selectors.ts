import { errors } from "./errors";

/**
 * Label and field selectors with Kubernetes semantics: the string forms kubectl sends
 * (`a=b,c!=d,e in (x,y),f notin (z),g,!h`) and the metav1.LabelSelector object form
 * used inside specs (matchLabels + matchExpressions).
 */

export type Requirement =
  | { key: string; op: "=" | "!="; values: [string] }
  | { key: string; op: "in" | "notin"; values: string[] }
  | { key: string; op: "exists" | "!" ; values: [] };

export type Selector = Requirement[];

export interface LabelSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** Parses the string form; throws a 400 BadRequest ApiError on bad syntax. Empty string → matches everything. */
export function parseLabelSelector(input: string | undefined | null): Selector {
  const src = (input ?? "").trim();
  if (!src) return [];
  const out: Requirement[] = [];
  for (const part of splitTopLevel(src)) {
    const term = part.trim();
    if (!term) throw errors.badRequest(`unable to parse requirement: found '', expected: identifier in selector "${src}"`);
    const setMatch = /^([^\s!=(),]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
    if (setMatch) {
      const values = setMatch[3].split(",").map((v) => v.trim()).filter((v) => v !== "");
      checkKey(setMatch[1], src);
      values.forEach((v) => checkValue(v, src));
      out.push({ key: setMatch[1], op: setMatch[2] as "in" | "notin", values });
      continue;
    }
    const eqMatch = /^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/.exec(term);
    if (eqMatch) {
      checkKey(eqMatch[1], src);
      checkValue(eqMatch[3], src);
      out.push({ key: eqMatch[1], op: eqMatch[2] === "!=" ? "!=" : "=", values: [eqMatch[3]] });
      continue;
    }
    const notExists = /^!\s*([^\s!=(),]+)$/.exec(term);
    if (notExists) {
      checkKey(notExists[1], src);
      out.push({ key: notExists[1], op: "!", values: [] });
      continue;
    }
    if (/^[^\s!=(),]+$/.test(term)) {
      checkKey(term, src);
      out.push({ key: term, op: "exists", values: [] });
      continue;
    }
    throw errors.badRequest(`unable to parse requirement: invalid selector "${term}" in "${src}"`);
  }
  return out;
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(src: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of src) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

const QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

function checkKey(key: string, src: string) {
  if (!QUALIFIED_NAME.test(key)) throw errors.badRequest(`unable to parse requirement: invalid label key "${key}" in selector "${src}"`);
}

function checkValue(value: string, src: string) {
  if (!LABEL_VALUE.test(value) || value.length > 63)
    throw errors.badRequest(`unable to parse requirement: invalid label value: "${value}" in selector "${src}"`);
}

export function matchesSelector(selector: Selector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const r of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case "=":
        if (!has || v !== r.values[0]) return false;
        break;
      case "!=":
        if (has && v === r.values[0]) return false;
        break;
      case "in":
        if (!has || !r.values.includes(v)) return false;
        break;
      case "notin":
        if (has && r.values.includes(v)) return false;
        break;
      case "exists":
        if (!has) return false;
        break;
      case "!":
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Converts metav1.LabelSelector to requirements. A nil selector matches nothing in Karmada's usage; callers decide. */
export function labelSelectorToRequirements(sel: LabelSelector): Selector {
  const out: Requirement[] = [];
  for (const [key, value] of Object.entries(sel.matchLabels ?? {})) out.push({ key, op: "=", values: [value] });
  for (const e of sel.matchExpressions ?? []) {
    switch (e.operator) {
      case "In":
        out.push({ key: e.key, op: "in", values: e.values ?? [] });
        break;
      case "NotIn":
        out.push({ key: e.key, op: "notin", values: e.values ?? [] });
        break;
      case "Exists":
        out.push({ key: e.key, op: "exists", values: [] });
        break;
      case "DoesNotExist":
        out.push({ key: e.key, op: "!", values: [] });
        break;
      default:
        throw errors.badRequest(`"${String((e as { operator: unknown }).operator)}" is not a valid label selector operator`);
    }
  }
  return out;
}

/** metav1.LabelSelectorAsSelector semantics: an empty (non-nil) selector matches everything. */
export function matchesLabelSelector(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  return matchesSelector(labelSelectorToRequirements(sel), labels);
}

export function selectorToString(selector: Selector): string {
  return selector
    .map((r) => {
      switch (r.op) {
        case "=":
        case "!=":
          return `${r.key}${r.op}${r.values[0]}`;
        case "in":
        case "notin":
          return `${r.key} ${r.op} (${r.values.join(",")})`;
        case "exists":
          return r.key;
        case "!":
          return `!${r.key}`;
      }
    })
    .join(",");
}

export interface FieldRequirement {
  field: string;
  op: "=" | "!=";
  value: string;
}

/** Parses `a=b,c!=d` field selectors (`==` accepted). Throws 400 on bad syntax. */
export function parseFieldSelector(input: string | undefined | null): FieldRequirement[] {
  const src = (input ?? "").trim();
  if (!src) return [];
  return src.split(",").map((term) => {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!m) throw errors.badRequest(`invalid field selector: '${term}': expected operator =, == or !=`);
    return { field: m[1], op: m[2] === "!=" ? "!=" : "=", value: m[3] };
  });
}

export function matchesFields(reqs: FieldRequirement[], get: (field: string) => string | undefined): boolean {
  for (const r of reqs) {
    const v = get(r.field) ?? "";
    if (r.op === "=" ? v !== r.value : v === r.value) return false;
  }
  return true;
}
