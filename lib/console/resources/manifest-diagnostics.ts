import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from "yaml";
import type { KubeObject, StatusCause } from "../../kube/types";
import type { ResourceDescriptor } from "../../kube/resource-descriptor";
import { apiVersionOf } from "../../kube/resource-descriptor";
import { unknownFields } from "../../kube/resources/unknown-fields";
import { validateObjectMeta } from "../../apiserver/meta-validation";

/**
 * Validation of a manifest typed in the console's YAML editor, with the same descriptor code
 * the API server runs (defaults, ObjectMeta rules, the kind's `validate`, unknown fields from
 * its OpenAPI schema), so the editor flags what the server would refuse before anything is
 * sent. Pure: text and descriptors in, positioned diagnostics out.
 */
export interface ManifestDiagnostic {
  /** Character offsets into the text (to > from). */
  from: number;
  to: number;
  severity: "error" | "warning";
  message: string;
  /** The Kubernetes field path when the problem came from validation. */
  field?: string;
}

export interface ManifestCheck {
  diagnostics: ManifestDiagnostic[];
  /** The parsed object when the text is a YAML mapping (even if it has validation errors). */
  object?: KubeObject;
  descriptor?: ResourceDescriptor;
}

/** Finds the descriptor of an object's apiVersion and kind among those given. */
export function descriptorFor(descriptors: readonly ResourceDescriptor[], apiVersion: unknown, kind: unknown): ResourceDescriptor | undefined {
  return descriptors.find((d) => d.kind === kind && apiVersionOf(d) === apiVersion);
}

/** Parses and validates one YAML document. */
export function checkManifest(text: string, descriptors: readonly ResourceDescriptor[]): ManifestCheck {
  const doc = parseDocument(text, { prettyErrors: false });
  const syntax = [...doc.errors, ...doc.warnings].map((e) => ({
    from: e.pos[0],
    to: Math.max(e.pos[1], e.pos[0] + 1),
    severity: e instanceof Error && doc.errors.includes(e) ? ("error" as const) : ("warning" as const),
    message: e.message.split("\n")[0],
  }));
  if (doc.errors.length) return { diagnostics: syntax };
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return { diagnostics: [{ from: 0, to: Math.max(1, text.length), severity: "error", message: "The document is empty" }] };
  if (typeof value !== "object" || Array.isArray(value)) return { diagnostics: [{ from: 0, to: Math.max(1, text.length), severity: "error", message: "A manifest must be a YAML mapping" }] };
  const obj = value as KubeObject;
  const causes = validateObject(obj, descriptors);
  const descriptor = descriptorFor(descriptors, obj.apiVersion, obj.kind);
  return { object: obj, descriptor, diagnostics: [...syntax, ...causes.map((c) => positioned(doc, text, c))] };
}

interface SeverityCause extends StatusCause {
  severity: "error" | "warning";
}

/** Validation causes for a parsed object, as the server would produce them on create. */
export function validateObject(obj: KubeObject, descriptors: readonly ResourceDescriptor[]): SeverityCause[] {
  const out: SeverityCause[] = [];
  if (typeof obj.apiVersion !== "string" || !obj.apiVersion) out.push({ severity: "error", field: "apiVersion", message: "apiVersion is required" });
  if (typeof obj.kind !== "string" || !obj.kind) out.push({ severity: "error", field: "kind", message: "kind is required" });
  if (out.length) return out;
  const d = descriptorFor(descriptors, obj.apiVersion, obj.kind);
  if (!d) return [{ severity: "warning", field: "kind", message: `${obj.kind} in ${obj.apiVersion} is not a kind this console knows; the server decides` }];
  if (!obj.metadata || typeof obj.metadata !== "object") return [{ severity: "error", field: "metadata", message: "metadata is required" }];
  // Unknown fields first: defaulting prunes them for Karmada and CRD kinds.
  for (const m of unknownFields(d, obj)) out.push({ severity: "warning", field: /"(.*)"/.exec(m)?.[1], message: m });
  const copy = structuredClone(obj);
  const withName = copy.metadata.name || !copy.metadata.generateName ? copy : { ...copy, metadata: { ...copy.metadata, name: "generated" } };
  try {
    d.applyDefaults?.(withName);
    const meta = validateObjectMeta(withName, d.nameValidation);
    out.push(...meta.map((c) => ({ ...c, severity: "error" as const })));
    if (!meta.some((c) => c.field === "metadata.name")) out.push(...(d.validate?.(withName) ?? []).map((c) => ({ ...c, severity: "error" as const })));
  } catch (err) {
    // A shape the validators do not expect (e.g. a string where a map belongs) is still the user's error to see.
    out.push({ severity: "error", message: `invalid object: ${(err as Error).message}` });
  }
  return out;
}

/** Splits "spec.template.spec.containers[0].image" or "metadata.labels[app]" into YAML path segments. */
export function fieldPathSegments(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (let m = re.exec(field); m; m = re.exec(field)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return out;
}

/** Places a cause on the deepest node of its field path that exists in the document (the whole text otherwise). */
function positioned(doc: Document, text: string, cause: SeverityCause): ManifestDiagnostic {
  const range = cause.field ? rangeOf(doc, fieldPathSegments(cause.field)) : undefined;
  const message = cause.field ? `${cause.field}: ${cause.message ?? cause.reason ?? "invalid"}` : (cause.message ?? "invalid");
  const [from, to] = range ?? [0, Math.min(text.length, Math.max(1, text.indexOf("\n") > 0 ? text.indexOf("\n") : text.length))];
  return { from, to: Math.max(to, from + 1), severity: cause.severity, message, field: cause.field };
}

function rangeOf(doc: Document, path: (string | number)[]): [number, number] | undefined {
  let node: unknown = doc.contents;
  let range: [number, number] | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const key = pair.key as YamlNode;
      const value = pair.value as YamlNode | null;
      // A scalar is underlined with its key; a nested block only at its key, not its whole body.
      range = [key.range?.[0] ?? 0, isScalar(value) ? (value.range?.[1] ?? 0) : (key.range?.[1] ?? 0)];
      node = value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as YamlNode | undefined;
      if (!item?.range) break;
      range = [item.range[0], isScalar(item) ? item.range[1] : item.range[0] + 1];
      node = item;
    } else break;
  }
  return range;
}
