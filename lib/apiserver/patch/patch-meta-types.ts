import type { JsonValue } from "../../kube/types";

/**
 * What strategic merge patch and server-side apply need to know about a field: the Go struct
 * tags (`patchStrategy`, `patchMergeKey`) and the OpenAPI list/map markers (`listType`,
 * `listMapKey`, `mapType`, `structType`). Fields without an entry fall back to the "deduced"
 * behaviour: objects merge key by key, lists are replaced whole (atomic).
 */
export interface PatchMeta {
  /** Known fields of a struct. */
  fields?: Readonly<Record<string, PatchMeta>>;
  /** Element schema: list items for lists, values for `map[string]T` maps. */
  elem?: PatchMeta;
  /** A `map[string]T` (labels, data): its keys are map entries, not struct fields. */
  map?: boolean;
  /** `+mapType=atomic` / `+structType=atomic`: apply owns and replaces it as one value. */
  atomic?: boolean;
  /** Marks a list and gives its SSA type; set lists hold scalars, map lists are keyed. */
  list?: "atomic" | "set" | "map";
  /** SSA `listMapKey`s, in declaration order. */
  keys?: readonly string[];
  /** Defaults of key fields that may be omitted (Container ports' protocol is "TCP"). */
  keyDefaults?: Readonly<Record<string, JsonValue>>;
  /** SMP `patchMergeKey`. */
  mergeKey?: string;
  /** SMP `patchStrategy`: lists merge only with "merge"; retainKeys is honoured as a directive. */
  strategy?: "merge" | "replace" | "retainKeys" | "merge,retainKeys";
}

/** A struct with known fields. */
export function struct(fields: Record<string, PatchMeta>, opts: { atomic?: boolean } = {}): PatchMeta {
  return { fields, ...opts };
}

/** A `map[string]T`; with `atomic`, SSA treats it as one value (`+mapType=atomic`). */
export function mapOf(elem?: PatchMeta, opts: { atomic?: boolean } = {}): PatchMeta {
  return elem ? { map: true, elem, ...opts } : { map: true, ...opts };
}

/** A list with no merge semantics: SMP replaces it, SSA owns it as one value. */
export function atomicList(elem?: PatchMeta): PatchMeta {
  return elem ? { list: "atomic", elem } : { list: "atomic" };
}

/** A list of scalars that SMP merges (`patchStrategy=merge`) and SSA treats as a set. */
export function setList(opts: { smpMerge?: boolean } = { smpMerge: true }): PatchMeta {
  return opts.smpMerge ? { list: "set", strategy: "merge" } : { list: "set" };
}

/**
 * A keyed list. `mergeKey` is the SMP key (absent when SMP replaces the list), `keys` the SSA
 * list-map keys; they differ for ports (SMP: containerPort, SSA: containerPort+protocol).
 */
export function keyedList(
  mergeKey: string | undefined,
  keys: readonly string[],
  elem: PatchMeta = {},
  opts: { strategy?: PatchMeta["strategy"]; keyDefaults?: Record<string, JsonValue> } = {},
): PatchMeta {
  const meta: PatchMeta = { list: "map", keys, elem };
  if (mergeKey) {
    meta.mergeKey = mergeKey;
    meta.strategy = opts.strategy ?? "merge";
  }
  if (opts.keyDefaults) meta.keyDefaults = opts.keyDefaults;
  return meta;
}

/** Schema of a field of `meta`, or undefined when unknown (deduced behaviour applies). */
export function fieldMeta(meta: PatchMeta | undefined, key: string): PatchMeta | undefined {
  if (!meta) return undefined;
  const f = meta.fields?.[key];
  if (f) return f;
  return meta.map ? meta.elem : undefined;
}

/** True when `key` is a struct field of `meta` (as opposed to a map entry or unknown). */
export function isNamedField(meta: PatchMeta | undefined, key: string): boolean {
  return !!meta?.fields && Object.prototype.hasOwnProperty.call(meta.fields, key);
}
