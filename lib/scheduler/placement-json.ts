/**
 * A Placement as Go's encoding/json writes Karmada's policyv1alpha1.Placement: fields in struct
 * order, `omitempty` fields dropped when empty, fields Karmada's types do not have dropped, map
 * keys sorted, and <, >, &, U+2028, U+2029 escaped as \u003c etc. This is the text of the
 * applied-placement annotation Karmada's scheduler writes, and the canonical form in which
 * placementChanged compares placements (Go compares the decoded structs, where a missing field
 * and its zero value are the same).
 *
 * `canonicalPlacement` throws PlacementDecodeError where Go's json.Unmarshal into a Placement
 * would fail (a value of the wrong JSON type).
 */

export class PlacementDecodeError extends Error {}

type Obj = Record<string, unknown>;

/** A field's encoder: returns the JSON text, or undefined to omit the field. */
type Enc = (v: unknown, path: string) => string | undefined;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function fail(path: string, want: string): never {
  throw new PlacementDecodeError(`json: cannot unmarshal into Go struct field Placement.${path} of type ${want}`);
}

/** Go's string encoding (encoding/json with HTML escaping). */
function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** string; `omit` drops "" (omitempty). */
const str =
  (omit: boolean): Enc =>
  (v, path) => {
    if (v === undefined || v === null) return omit ? undefined : '""';
    if (typeof v !== "string") fail(path, "string");
    return omit && v === "" ? undefined : goString(v);
  };

/** an integer; `omit` drops 0. */
const int =
  (omit: boolean): Enc =>
  (v, path) => {
    if (v === undefined || v === null) return omit ? undefined : "0";
    if (typeof v !== "number" || !Number.isInteger(v)) fail(path, "int");
    return omit && v === 0 ? undefined : String(v);
  };

/** a pointer to an integer (omitempty drops only nil). */
const intPtr: Enc = (v, path) => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isInteger(v)) fail(path, "int64");
  return String(v);
};

/** A slice with omitempty: nil and empty are dropped. */
const slice =
  (item: Enc): Enc =>
  (v, path) => {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) fail(path, "array");
    if (v.length === 0) return undefined;
    return `[${v.map((x, i) => item(x, `${path}[${i}]`) ?? "null").join(",")}]`;
  };

/** map[string]string with omitempty, keys in byte order. */
const stringMap: Enc = (v, path) => {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) fail(path, "map[string]string");
  const keys = Object.keys(v).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (keys.length === 0) return undefined;
  return `{${keys.map((k) => `${goString(k)}:${str(false)(v[k], `${path}.${k}`)}`).join(",")}}`;
};

type Fields = [name: string, enc: Enc][];

/** A struct: its fields in order. `pointer` structs (omitempty) are dropped only when absent. */
function struct(fields: Fields | (() => Fields), pointer: boolean): Enc {
  return (v, path) => {
    if (v === undefined || v === null) return pointer ? undefined : "{}";
    if (!isObj(v)) fail(path, "object");
    const list = typeof fields === "function" ? fields() : fields;
    const parts: string[] = [];
    for (const [name, enc] of list) {
      const text = enc(v[name], `${path}.${name}`);
      if (text !== undefined) parts.push(`${goString(name)}:${text}`);
    }
    return `{${parts.join(",")}}`;
  };
}

const requirement: Fields = [
  ["key", str(false)],
  ["operator", str(false)],
  ["values", slice(str(false))],
];
const labelSelector = struct(
  [
    ["matchLabels", stringMap],
    ["matchExpressions", slice(struct(requirement, false))],
  ],
  true,
);
const fieldSelector = struct([["matchExpressions", slice(struct(requirement, false))]], true);
const affinityFields: Fields = [
  ["labelSelector", labelSelector],
  ["fieldSelector", fieldSelector],
  ["clusterNames", slice(str(false))],
  ["exclude", slice(str(false))],
];
const overflowAffinity = struct([["affinityName", str(false)], ...affinityFields], false);
const affinityTerm = struct([["affinityName", str(false)], ...affinityFields, ["overflowAffinities", slice(overflowAffinity)]], false);
const toleration = struct(
  [
    ["key", str(true)],
    ["operator", str(true)],
    ["value", str(true)],
    ["effect", str(true)],
    ["tolerationSeconds", intPtr],
  ],
  false,
);
const spreadConstraint = struct(
  [
    ["spreadByField", str(true)],
    ["spreadByLabel", str(true)],
    ["maxGroups", int(true)],
    ["minGroups", int(true)],
  ],
  false,
);
const staticWeight = struct(
  [
    ["targetCluster", struct(affinityFields, false)],
    ["weight", int(false)],
  ],
  false,
);
const replicaScheduling = struct(
  [
    ["replicaSchedulingType", str(true)],
    ["replicaDivisionPreference", str(true)],
    [
      "weightPreference",
      struct(
        [
          ["staticWeightList", slice(staticWeight)],
          ["dynamicWeight", str(true)],
        ],
        true,
      ),
    ],
  ],
  true,
);
const workloadTerm = struct([["groupByLabelKey", str(false)]], true);

/** Encoders of Placement's fields, by JSON name (the parts placementChanged compares). */
export const PLACEMENT_FIELDS = {
  clusterAffinity: struct(affinityFields, true),
  clusterAffinities: slice(affinityTerm),
  clusterTolerations: slice(toleration),
  spreadConstraints: slice(spreadConstraint),
  replicaScheduling,
  workloadAffinity: struct(
    [
      ["affinity", workloadTerm],
      ["antiAffinity", workloadTerm],
    ],
    true,
  ),
} satisfies Record<string, Enc>;

const placement = struct(Object.entries(PLACEMENT_FIELDS), false);

/** Go's json.Marshal of a Placement. Throws PlacementDecodeError for values Go could not hold. */
export function canonicalPlacement(value: unknown): string {
  return placement(value, "placement")!;
}

/** Go's json.Marshal of one clusterAffinities term (for comparing the term in use). */
export function canonicalAffinityTerm(value: unknown): string {
  return affinityTerm(value, "clusterAffinities")!;
}

/** Go's json.Marshal of one Placement field ("" when omitted). */
export function canonicalPlacementField(name: keyof typeof PLACEMENT_FIELDS, value: unknown): string {
  return PLACEMENT_FIELDS[name](value, name) ?? "";
}
