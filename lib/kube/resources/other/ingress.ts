import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col, ensureObj, setDefault } from "../builtin";
import { arr, dig, rec, str } from "../format";
import { causes } from "../../errors";
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from "../../validation/names";

const PATH_TYPES = ["Exact", "ImplementationSpecific", "Prefix"];

/** printers.go formatHosts: up to three hosts, "*" for a rule without host. */
function hosts(o: KubeObject): string {
  const rules = arr(dig(o, "spec", "rules"));
  if (rules.length === 0) return "*";
  const list = rules.map((r) => str(r.host) || "*");
  return list.length > 3 ? `${list.slice(0, 3).join(",")} + ${list.length - 3} more...` : list.join(",");
}

function address(o: KubeObject): string {
  return arr(dig(o, "status", "loadBalancer", "ingress"))
    .map((i) => str(i.ip) || str(i.hostname))
    .filter(Boolean)
    .join(",");
}

/** networking.k8s.io/v1 Ingress. */
export function ingressDescriptor(): ResourceDescriptor {
  return builtin({
    group: "networking.k8s.io",
    version: "v1",
    kind: "Ingress",
    plural: "ingresses",
    namespaced: true,
    shortNames: ["ing"],
    subresources: { status: true },
    columns: [
      col("Class", "string", (o) => str(dig(o, "spec", "ingressClassName")) || "<none>"),
      col("Hosts", "string", hosts),
      col("Address", "string", address),
      col("Ports", "string", (o) => (arr(dig(o, "spec", "tls")).length ? "80, 443" : "80")),
      AGE,
    ],
    applyDefaults: (obj) => {
      for (const r of arr(dig(obj, "spec", "rules"))) for (const p of arr(dig(r, "http", "paths"))) setDefault(p, "pathType", "ImplementationSpecific");
      setDefault(obj, "status", { loadBalancer: {} });
      ensureObj(obj, "spec");
    },
    validate: validateIngress,
  });
}

function validateBackend(b: unknown, path: string): StatusCause[] {
  const out: StatusCause[] = [];
  const be = rec(b);
  const svc = rec(be.service);
  if (!be.service && !be.resource) return [causes.invalid(path, "", "one backend (service or resource) must be specified")];
  if (be.service) {
    if (!str(svc.name)) out.push(causes.required(`${path}.service.name`));
    const port = rec(svc.port);
    if (port.number === undefined && !port.name) out.push(causes.required(`${path}.service.port`, "Required value: port name or number is required"));
    if (port.number !== undefined) for (const e of isValidPortNum(Number(port.number))) out.push(causes.invalid(`${path}.service.port.number`, port.number, e));
    if (port.name) for (const e of isValidPortName(str(port.name))) out.push(causes.invalid(`${path}.service.port.name`, port.name, e));
  }
  return out;
}

function validateIngress(obj: KubeObject): StatusCause[] {
  const out: StatusCause[] = [];
  const spec = rec(obj.spec);
  const rules = arr(spec.rules);
  if (!spec.defaultBackend && rules.length === 0) out.push(causes.invalid("spec.rules", [], "either `defaultBackend` or `rules` must be specified"));
  if (spec.defaultBackend) out.push(...validateBackend(spec.defaultBackend, "spec.defaultBackend"));
  rules.forEach((r, i) => {
    const p = `spec.rules[${i}]`;
    const host = str(r.host);
    if (host) {
      const h = host.startsWith("*.") ? host.slice(2) : host;
      for (const e of isDNS1123Subdomain(h)) out.push(causes.invalid(`${p}.host`, host, e));
    }
    if (!r.http) return;
    const paths = arr(dig(r, "http", "paths"));
    if (paths.length === 0) out.push(causes.required(`${p}.http.paths`));
    paths.forEach((hp, j) => {
      const pp = `${p}.http.paths[${j}]`;
      const pt = hp.pathType;
      if (pt === undefined) out.push(causes.required(`${pp}.pathType`, "Required value: pathType must be specified"));
      else if (!PATH_TYPES.includes(str(pt))) out.push(causes.notSupported(`${pp}.pathType`, pt, PATH_TYPES));
      const path = str(hp.path);
      if ((pt === "Exact" || pt === "Prefix") && !path.startsWith("/")) out.push(causes.invalid(`${pp}.path`, path, "must be an absolute path"));
      out.push(...validateBackend(hp.backend, `${pp}.backend`));
    });
  });
  return out;
}
