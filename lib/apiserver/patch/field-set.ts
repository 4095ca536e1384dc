import type { JsonObject, JsonValue } from "../../kube/types";
import { isJsonObject } from "./json-value";

/**
 * A set of field paths, as structured-merge-diff's fieldpath.Set: a trie keyed by serialized
 * path elements ("f:spec", `k:{"name":"web"}`, `v:"x"`, "i:0"). A node is a member when the
 * path itself is in the set; intermediate nodes exist only to reach members.
 * Serialized as FieldsV1 ({"f:metadata":{"f:labels":{".":{},"f:app":{}}}}).
 */
export class FieldSet {
  member = false;
  children: Map<string, FieldSet> | undefined;

  /** The child for `pe`, created when missing. */
  child(pe: string): FieldSet {
    if (!this.children) this.children = new Map();
    let c = this.children.get(pe);
    if (!c) {
      c = new FieldSet();
      this.children.set(pe, c);
    }
    return c;
  }

  get(pe: string): FieldSet | undefined {
    return this.children?.get(pe);
  }

  isEmpty(): boolean {
    if (this.member) return false;
    if (this.children) for (const c of this.children.values()) if (!c.isEmpty()) return false;
    return true;
  }

  /** Adds a member path. */
  insert(path: readonly string[]): this {
    let n: FieldSet = this;
    for (const pe of path) n = n.child(pe);
    n.member = true;
    return this;
  }

  has(path: readonly string[]): boolean {
    let n: FieldSet | undefined = this;
    for (const pe of path) {
      n = n.get(pe);
      if (!n) return false;
    }
    return n.member;
  }

  union(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.member = this.member || other.member;
    const keys = new Set([...(this.children?.keys() ?? []), ...(other.children?.keys() ?? [])]);
    for (const k of keys) {
      const a = this.get(k);
      const b = other.get(k);
      const c = a && b ? a.union(b) : (a ?? b)!.copy();
      if (!c.isEmpty()) out.child(k).assign(c);
    }
    return out;
  }

  /** Whether every member of `other` is also a member of this set (no set is built). */
  contains(other: FieldSet): boolean {
    if (other.member && !this.member) return false;
    if (other.children) {
      for (const [k, b] of other.children) {
        const a = this.get(k);
        if (a ? !a.contains(b) : !b.isEmpty()) return false;
      }
    }
    return true;
  }

  /** Members of this set that are not members of `other`. */
  difference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.member = this.member && !other.member;
    if (this.children) {
      for (const [k, a] of this.children) {
        const b = other.get(k);
        const c = b ? a.difference(b) : a.copy();
        if (!c.isEmpty()) out.child(k).assign(c);
      }
    }
    return out;
  }

  /** Members present in both sets. */
  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    out.member = this.member && other.member;
    if (this.children) {
      for (const [k, a] of this.children) {
        const b = other.get(k);
        if (!b) continue;
        const c = a.intersection(b);
        if (!c.isEmpty()) out.child(k).assign(c);
      }
    }
    return out;
  }

  /** The subset under the top-level path element `pe` (kept at its place), e.g. only "f:status". */
  only(pe: string): FieldSet {
    const out = new FieldSet();
    const c = this.get(pe);
    if (c && !c.isEmpty()) out.child(pe).assign(c.copy());
    return out;
  }

  /** This set without the subtree under the top-level path element `pe`. */
  without(pe: string): FieldSet {
    if (!this.get(pe)) return this;
    const out = this.copy();
    out.children!.delete(pe);
    return out;
  }

  copy(): FieldSet {
    const out = new FieldSet();
    out.member = this.member;
    if (this.children) for (const [k, c] of this.children) out.child(k).assign(c.copy());
    return out;
  }

  /** Member paths in kube's order (fields, then keys, then values, then indices). */
  paths(): string[][] {
    const out: string[][] = [];
    const walk = (n: FieldSet, prefix: string[]) => {
      if (n.member && prefix.length) out.push(prefix);
      for (const k of sortedKeys(n)) walk(n.children!.get(k)!, [...prefix, k]);
    };
    walk(this, []);
    return out;
  }

  /** FieldsV1 JSON. Empty sets encode as {}. */
  toFieldsV1(): JsonObject {
    const out: JsonObject = {};
    const keys = sortedKeys(this);
    if (this.member && keys.length) out["."] = {};
    for (const k of keys) {
      const c = this.children!.get(k)!;
      if (!c.isEmpty()) out[k] = c.toFieldsV1();
    }
    return out;
  }

  /** Parses FieldsV1; unknown shapes are ignored rather than failing a write. */
  static fromFieldsV1(v: JsonValue | undefined): FieldSet {
    const out = new FieldSet();
    if (!isJsonObject(v)) return out;
    for (const k in v) {
      if (k === ".") {
        out.member = true;
        continue;
      }
      const inner = v[k];
      const c = FieldSet.fromFieldsV1(inner);
      // A leaf ({}) is a member; a non-leaf is one only with ".".
      if (!isJsonObject(inner) || Object.keys(inner).length === 0) c.member = true;
      out.child(k).assign(c);
    }
    return out;
  }

  private assign(from: FieldSet): void {
    this.member = from.member;
    this.children = from.children;
  }
}

const typeRank: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

function sortedKeys(n: FieldSet): string[] {
  if (!n.children) return [];
  return [...n.children.keys()].sort((a, b) => {
    const ra = typeRank[a[0]] ?? 4;
    const rb = typeRank[b[0]] ?? 4;
    if (ra !== rb) return ra - rb;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** Path element of a struct field or map entry. */
export function fieldPE(name: string): string {
  return "f:" + name;
}

/** Path element of a set-list item. */
export function valuePE(v: JsonValue): string {
  return "v:" + JSON.stringify(v);
}

/** Path element of a map-list item from its key fields, serialized with sorted key names. */
export function keyPE(fields: Record<string, JsonValue>): string {
  const names = Object.keys(fields).sort();
  return "k:{" + names.map((n) => `${JSON.stringify(n)}:${JSON.stringify(fields[n])}`).join(",") + "}";
}

/** Human form of a path, as fieldpath.Path.String prints it: `.spec.containers[name="web"].image`. */
export function pathString(path: readonly string[]): string {
  let out = "";
  for (const pe of path) {
    const body = pe.slice(2);
    switch (pe[0]) {
      case "f":
        out += "." + body;
        break;
      case "k": {
        const obj = JSON.parse(body) as JsonObject;
        out += "[" + Object.keys(obj).sort().map((k) => `${k}=${valueString(obj[k])}`).join(",") + "]";
        break;
      }
      case "v":
        out += "[=" + valueString(JSON.parse(body) as JsonValue) + "]";
        break;
      default:
        out += "[" + body + "]";
    }
  }
  return out;
}

function valueString(v: JsonValue): string {
  return typeof v === "string" || typeof v === "object" ? JSON.stringify(v) : String(v);
}
