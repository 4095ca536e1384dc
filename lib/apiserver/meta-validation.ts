import type { StatusCause } from "../kube/types";
import type { NameValidation } from "../kube/resource-descriptor";
import type { KubeObject } from "../kube/types";

/**
 * metadata validation with apimachinery's exact wording (validation.go / objectmeta.go), because
 * kubectl prints these messages verbatim and conformance checks compare them.
 */

const DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const LABEL_RE = new RegExp(`^${DNS1123_LABEL}$`);
const SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN}$`);
const QUALIFIED_NAME_PART = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const QUALIFIED_NAME_RE = new RegExp(`^${QUALIFIED_NAME_PART}$`);
const LABEL_VALUE_RE = new RegExp(`^(${QUALIFIED_NAME_PART})?$`);

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** Problems with a DNS-1123 subdomain (empty = valid). */
export function dns1123SubdomainErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push("must be no more than 253 characters");
  if (!SUBDOMAIN_RE.test(value)) errs.push(SUBDOMAIN_MSG);
  return errs;
}

/** Problems with a DNS-1123 label (empty = valid). */
export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push("must be no more than 63 characters");
  if (!LABEL_RE.test(value)) errs.push(LABEL_MSG);
  return errs;
}

/** path.ValidatePathSegmentName: any name that is safe in a URL path. */
export function pathSegmentErrors(value: string): string[] {
  if (value === "." || value === "..") return [`may not be '${value}'`];
  const errs: string[] = [];
  for (const bad of ["/", "%"]) if (value.includes(bad)) errs.push(`may not contain '${bad}'`);
  return errs;
}

function nameErrors(rule: NameValidation, value: string): string[] {
  switch (rule) {
    case "dns1123-label":
      return dns1123LabelErrors(value);
    case "path-segment":
      return pathSegmentErrors(value);
    default:
      return dns1123SubdomainErrors(value);
  }
}

/** Joins several messages for one field the way field.Invalid does (one cause each, like Kubernetes). */
function invalid(field: string, value: unknown, detail: string): StatusCause {
  return { reason: "FieldValueInvalid", field, message: `Invalid value: ${JSON.stringify(value)}: ${detail}` };
}

/** Qualified names (label and annotation keys): optional DNS-1123 prefix + "/" + name part. */
export function qualifiedNameErrors(key: string): string[] {
  const parts = key.split("/");
  let name = key;
  const errs: string[] = [];
  if (parts.length === 2) {
    const [prefix] = parts;
    name = parts[1];
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else errs.push(...dns1123SubdomainErrors(prefix).map((m) => `prefix part ${m}`));
  } else if (parts.length > 2) {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (name.length > 63) errs.push("name part must be no more than 63 characters");
  if (name.length > 0 && !QUALIFIED_NAME_RE.test(name)) errs.push(NAME_PART_MSG);
  return errs;
}

export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push("must be no more than 63 characters");
  if (!LABEL_VALUE_RE.test(value)) errs.push(LABEL_VALUE_MSG);
  return errs;
}

/**
 * Validates metadata.name/generateName, labels and annotations of an object about to be stored.
 * Returns causes in Kubernetes' order; empty when valid.
 */
export function validateObjectMeta(obj: KubeObject, rule: NameValidation): StatusCause[] {
  const meta = obj.metadata ?? {};
  const out: StatusCause[] = [];
  if (!meta.name) {
    out.push({ reason: "FieldValueRequired", field: "metadata.name", message: "Required value: name or generateName is required" });
  } else {
    for (const msg of nameErrors(rule, meta.name)) out.push(invalid("metadata.name", meta.name, msg));
  }
  for (const [k, v] of Object.entries(meta.labels ?? {})) {
    for (const msg of qualifiedNameErrors(k)) out.push(invalid("metadata.labels", k, msg));
    if (typeof v !== "string") out.push(invalid(`metadata.labels`, v, "label values must be strings"));
    else for (const msg of labelValueErrors(v)) out.push(invalid("metadata.labels", v, msg));
  }
  let annotationBytes = 0;
  for (const [k, v] of Object.entries(meta.annotations ?? {})) {
    for (const msg of qualifiedNameErrors(k.toLowerCase())) out.push(invalid("metadata.annotations", k, msg));
    annotationBytes += Buffer.byteLength(k) + Buffer.byteLength(String(v));
  }
  if (annotationBytes > TOTAL_ANNOTATION_SIZE_LIMIT) {
    out.push({ reason: "FieldValueTooLong", field: "metadata.annotations", message: `Too long: must have at most ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes` });
  }
  return out;
}
