import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col, setDefault } from "../builtin";
import { rec, str } from "../format";
import { validateDataKeys } from "./data-keys";
import { causes } from "../../errors";

/** UTF-8 safe base64 without node:buffer (this module runs in the browser too). */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

const REQUIRED_KEYS: Record<string, string[]> = {
  "kubernetes.io/tls": ["tls.crt", "tls.key"],
  "kubernetes.io/dockerconfigjson": [".dockerconfigjson"],
  "kubernetes.io/dockercfg": [".dockercfg"],
  "kubernetes.io/ssh-auth": ["ssh-privatekey"],
};

/**
 * core/v1 Secret: type defaults to Opaque; stringData is write-only and merged into data
 * (base64) as kube does on conversion, so stored objects never carry stringData.
 */
export function secretDescriptor(): ResourceDescriptor {
  return builtin({
    group: "",
    version: "v1",
    kind: "Secret",
    plural: "secrets",
    namespaced: true,
    columns: [
      col("Type", "string", (o) => str(o.type), { description: "Used to facilitate programmatic handling of secret data." }),
      col("Data", "integer", (o) => Object.keys(rec(o.data)).length, { description: "Data contains the secret data." }),
      AGE,
    ],
    fieldLabels: { type: (o) => str(o.type) },
    applyDefaults: (obj) => {
      setDefault(obj, "type", "Opaque");
      const sd = rec(obj.stringData);
      if (Object.keys(sd).length > 0) {
        const data = { ...rec(obj.data) };
        for (const [k, v] of Object.entries(sd)) data[k] = toBase64(String(v));
        obj.data = data;
      }
      delete obj.stringData;
    },
    validate: validateSecret,
  });
}

function validateSecret(obj: KubeObject, old?: KubeObject): StatusCause[] {
  const out = [...validateDataKeys(obj, ["data", "stringData"], "Secret")];
  const type = str(obj.type) || "Opaque";
  const keys = new Set([...Object.keys(rec(obj.data)), ...Object.keys(rec(obj.stringData))]);
  for (const k of REQUIRED_KEYS[type] ?? []) if (!keys.has(k)) out.push(causes.required(`data[${k}]`));
  if (type === "kubernetes.io/service-account-token" && !obj.metadata.annotations?.["kubernetes.io/service-account.name"])
    out.push(causes.required("metadata.annotations[kubernetes.io/service-account.name]"));
  if (type === "kubernetes.io/basic-auth" && !keys.has("username") && !keys.has("password"))
    out.push(causes.required("data[username]"));
  for (const [k, v] of Object.entries(rec(obj.data))) {
    if (typeof v === "string" && !/^[A-Za-z0-9+/]*={0,2}$/.test(v.replace(/\s/g, "")))
      out.push(causes.invalid(`data[${k}]`, "<secret contents redacted>", "illegal base64 data"));
  }
  if (old) {
    if (str(old.type) && str(old.type) !== type) out.push(causes.invalid("type", type, "field is immutable"));
    if (old.immutable === true && (obj.immutable !== true || JSON.stringify(old.data ?? {}) !== JSON.stringify(obj.data ?? {})))
      out.push(causes.forbidden("data", "field is immutable when `immutable` is set"));
  }
  return out;
}
