import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { builtin, col, ensureObj, setDefault } from "../builtin";
import { arr, rec, str } from "../format";
import { causes } from "../../errors";
import { isDNS1123Label, isDNS1123Subdomain } from "../../validation/names";
import { compileJsonPath } from "../jsonpath";

const COLUMN_TYPES = ["boolean", "date", "integer", "number", "string"];
const SCHEMA_TYPES = ["array", "boolean", "integer", "number", "object", "string"];

/**
 * apiextensions.k8s.io/v1 CustomResourceDefinition. Its table is kube's default one: NAME and
 * CREATED AT (an RFC 3339 timestamp, not an age, hence a string cell).
 */
export function crdDescriptor(): ResourceDescriptor {
  return builtin({
    group: "apiextensions.k8s.io",
    version: "v1",
    kind: "CustomResourceDefinition",
    plural: "customresourcedefinitions",
    namespaced: false,
    shortNames: ["crd", "crds"],
    categories: ["api-extensions"],
    subresources: { status: true },
    columns: [col("Created At", "string", (o) => (o.metadata.creationTimestamp ? new Date(o.metadata.creationTimestamp).toISOString().replace(/\.\d{3}Z$/, "Z") : ""))],
    applyDefaults: defaultCRD,
    validate: (obj) => validateCRD(obj),
  });
}

export function defaultCRD(obj: KubeObject): void {
  const spec = ensureObj(obj, "spec");
  const names = ensureObj(spec, "names");
  if (str(names.kind)) {
    setDefault(names, "singular", str(names.kind).toLowerCase());
    setDefault(names, "listKind", `${str(names.kind)}List`);
  }
  setDefault(spec, "conversion", { strategy: "None" });
}

/** Validates a CustomResourceDefinition the way apiextensions-apiserver does for the common mistakes. */
export function validateCRD(crd: KubeObject): StatusCause[] {
  const out: StatusCause[] = [];
  const spec = rec(crd.spec);
  const names = rec(spec.names);
  const group = str(spec.group);
  const plural = str(names.plural);
  if (crd.metadata.name !== `${plural}.${group}`)
    out.push(causes.invalid("metadata.name", crd.metadata.name ?? "", 'must be spec.names.plural+"."+spec.group'));
  if (!group) out.push(causes.required("spec.group"));
  else if (!group.includes(".")) out.push(causes.invalid("spec.group", group, "should be a domain with at least one dot"));
  else for (const e of isDNS1123Subdomain(group)) out.push(causes.invalid("spec.group", group, e));
  out.push(...validateNames(names));
  const scope = spec.scope;
  if (!scope) out.push(causes.required("spec.scope"));
  else if (scope !== "Cluster" && scope !== "Namespaced") out.push(causes.notSupported("spec.scope", scope, ["Cluster", "Namespaced"]));
  const versions = arr(spec.versions);
  if (versions.length === 0) out.push(causes.required("spec.versions", "Required value: must have exactly one version marked as storage version"));
  else if (versions.filter((v) => v.storage === true).length !== 1)
    out.push(causes.invalid("spec.versions", versions.map((v) => v.name), "must have exactly one version marked as storage version"));
  const seen = new Set<string>();
  versions.forEach((v, i) => out.push(...validateVersion(v, `spec.versions[${i}]`, seen)));
  return out;
}

function validateNames(names: Record<string, unknown>): StatusCause[] {
  const out: StatusCause[] = [];
  for (const k of ["plural", "singular"]) {
    const v = str(names[k]);
    if (!v && k === "plural") out.push(causes.required("spec.names.plural"));
    if (v) for (const e of isDNS1123Label(v)) out.push(causes.invalid(`spec.names.${k}`, v, e));
  }
  const kind = str(names.kind);
  if (!kind) out.push(causes.required("spec.names.kind"));
  else if (!/^[A-Za-z][A-Za-z0-9]*$/.test(kind)) out.push(causes.invalid("spec.names.kind", kind, "may have mixed case, but should otherwise match: [a-z][-a-z0-9]*"));
  arr<string>(names.shortNames).forEach((s, i) => {
    for (const e of isDNS1123Label(s)) out.push(causes.invalid(`spec.names.shortNames[${i}]`, s, e));
  });
  return out;
}

function validateVersion(v: Record<string, unknown>, path: string, seen: Set<string>): StatusCause[] {
  const out: StatusCause[] = [];
  const name = str(v.name);
  if (!name) out.push(causes.required(`${path}.name`));
  else {
    for (const e of isDNS1123Label(name)) out.push(causes.invalid(`${path}.name`, name, e));
    if (seen.has(name)) out.push(causes.duplicate(`${path}.name`, name));
    seen.add(name);
  }
  const schema = rec(rec(v.schema).openAPIV3Schema);
  if (!v.schema || !rec(v.schema).openAPIV3Schema) out.push(causes.required(`${path}.schema.openAPIV3Schema`, "Required value: schemas are required"));
  else {
    if (schema.type !== "object") out.push(causes.invalid(`${path}.schema.openAPIV3Schema.type`, schema.type ?? "", 'must be object at the root'));
    out.push(...validateSchemaTypes(schema, `${path}.schema.openAPIV3Schema`));
  }
  arr(v.additionalPrinterColumns).forEach((c, i) => {
    const cp = `${path}.additionalPrinterColumns[${i}]`;
    if (!str(c.name)) out.push(causes.required(`${cp}.name`));
    if (!COLUMN_TYPES.includes(str(c.type))) out.push(causes.notSupported(`${cp}.type`, c.type ?? "", COLUMN_TYPES));
    if (!str(c.jsonPath)) out.push(causes.required(`${cp}.JSONPath`));
    else {
      try {
        compileJsonPath(str(c.jsonPath));
      } catch {
        out.push(causes.invalid(`${cp}.JSONPath`, c.jsonPath, "must be a simple json path"));
      }
    }
  });
  return out;
}

/** Structural-schema rule: every specified field has a known type unless it preserves unknown fields or is int-or-string. */
function validateSchemaTypes(s: Record<string, unknown>, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const type = s.type;
  if (type !== undefined && !SCHEMA_TYPES.includes(str(type))) out.push(causes.notSupported(`${path}.type`, type, SCHEMA_TYPES));
  for (const [k, p] of Object.entries(rec(s.properties))) {
    const prop = rec(p);
    const pp = `${path}.properties[${k}]`;
    if (prop.type === undefined && !prop["x-kubernetes-int-or-string"] && !prop["x-kubernetes-preserve-unknown-fields"])
      out.push(causes.required(`${pp}.type`, "Required value: must not be empty for specified object fields"));
    out.push(...validateSchemaTypes(prop, pp));
  }
  if (s.items && typeof s.items === "object") out.push(...validateSchemaTypes(rec(s.items), `${path}.items`));
  if (s.type === "array" && !s.items) out.push(causes.required(`${path}.items`, "Required value: must be specified"));
  if (s.additionalProperties && typeof s.additionalProperties === "object") out.push(...validateSchemaTypes(rec(s.additionalProperties), `${path}.additionalProperties`));
  return out;
}
