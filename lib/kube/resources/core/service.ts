import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col, ensureObj, setDefault } from "../builtin";
import { arr, dig, formatLabels, rec, str } from "../format";
import { causes } from "../../errors";
import { isDNS1123Label, isDNS1123Subdomain, isValidPortName, isValidPortNum } from "../../validation/names";

const TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const AFFINITIES = ["ClientIP", "None"];
const PROTOCOLS = ["SCTP", "TCP", "UDP"];

/**
 * core/v1 Service. Defaults as kube-apiserver stores them (type, affinity, protocol,
 * targetPort = port, single-stack IPv4, internal traffic policy). ClusterIP and nodePort
 * allocation need cluster state and are the API server's job, not this descriptor's.
 */
export function serviceDescriptor(): ResourceDescriptor {
  return builtin({
    group: "",
    version: "v1",
    kind: "Service",
    plural: "services",
    namespaced: true,
    shortNames: ["svc"],
    categories: ["all"],
    subresources: { status: true },
    nameValidation: "dns1123-label",
    columns: [
      col("Type", "string", (o) => str(dig(o, "spec", "type"))),
      col("Cluster-IP", "string", (o) => str(dig(o, "spec", "clusterIP")) || "<none>"),
      col("External-IP", "string", externalIP),
      col("Port(s)", "string", portString),
      AGE,
      col("Selector", "string", (o) => formatLabels(dig(o, "spec", "selector") as Record<string, string>), { priority: 1 }),
    ],
    applyDefaults: defaultService,
    validate: validateService,
  });
}

function defaultService(obj: KubeObject): void {
  const spec = ensureObj(obj, "spec");
  setDefault(spec, "type", "ClusterIP");
  if (spec.type === "ExternalName") return;
  setDefault(spec, "sessionAffinity", "None");
  for (const p of arr(spec.ports)) {
    setDefault(p, "protocol", "TCP");
    setDefault(p, "targetPort", p.port);
  }
  const headlessNoSelector = spec.clusterIP === "None" && !spec.selector;
  if (!headlessNoSelector) {
    setDefault(spec, "ipFamilies", ["IPv4"]);
    setDefault(spec, "ipFamilyPolicy", "SingleStack");
  }
  setDefault(spec, "internalTrafficPolicy", "Cluster");
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") setDefault(spec, "externalTrafficPolicy", "Cluster");
  if (spec.type === "LoadBalancer") setDefault(spec, "allocateLoadBalancerNodePorts", true);
  if (spec.sessionAffinity === "ClientIP") {
    const cfg = ensureObj(spec, "sessionAffinityConfig");
    setDefault(ensureObj(cfg, "clientIP"), "timeoutSeconds", 10800);
  }
  setDefault(obj, "status", { loadBalancer: {} });
}

function validateService(obj: KubeObject): StatusCause[] {
  const out: StatusCause[] = [];
  const spec = rec(obj.spec);
  const type = str(spec.type) || "ClusterIP";
  if (!TYPES.includes(type)) out.push(causes.notSupported("spec.type", spec.type, TYPES));
  if (spec.sessionAffinity !== undefined && !AFFINITIES.includes(str(spec.sessionAffinity)))
    out.push(causes.notSupported("spec.sessionAffinity", spec.sessionAffinity, AFFINITIES));
  if (type === "ExternalName") {
    const name = str(spec.externalName);
    if (!name) out.push(causes.required("spec.externalName"));
    else for (const e of isDNS1123Subdomain(name)) out.push(causes.invalid("spec.externalName", name, e));
    return out;
  }
  const ports = arr(spec.ports);
  if (ports.length === 0 && spec.clusterIP !== "None") out.push(causes.required("spec.ports"));
  const names = new Set<string>();
  ports.forEach((p, i) => out.push(...validatePort(p, `spec.ports[${i}]`, ports.length > 1, names, type)));
  return out;
}

function validatePort(p: Record<string, unknown>, path: string, multi: boolean, names: Set<string>, type: string): StatusCause[] {
  const out: StatusCause[] = [];
  const name = str(p.name);
  if (multi && !name) out.push(causes.required(`${path}.name`));
  if (name) {
    // Service port names are DNS-1123 labels (kubectl create service names them "80-8080"); only
    // targetPort names refer to container ports and follow the IANA service-name rule.
    for (const e of isDNS1123Label(name)) out.push(causes.invalid(`${path}.name`, name, e));
    if (names.has(name)) out.push(causes.duplicate(`${path}.name`, name));
    names.add(name);
  }
  for (const e of isValidPortNum(Number(p.port))) out.push(causes.invalid(`${path}.port`, p.port ?? 0, e));
  if (p.protocol !== undefined && !PROTOCOLS.includes(str(p.protocol))) out.push(causes.notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  const tp = p.targetPort;
  if (typeof tp === "number") for (const e of isValidPortNum(tp)) out.push(causes.invalid(`${path}.targetPort`, tp, e));
  if (typeof tp === "string") for (const e of isValidPortName(tp)) out.push(causes.invalid(`${path}.targetPort`, tp, e));
  if (p.nodePort !== undefined && p.nodePort !== 0) {
    if (type === "ClusterIP") out.push(causes.forbidden(`${path}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
    else for (const e of isValidPortNum(Number(p.nodePort))) out.push(causes.invalid(`${path}.nodePort`, p.nodePort, e));
  }
  return out;
}

/** printers.go makePortString: "80/TCP,443:30443/TCP" or "<none>". */
function portString(o: KubeObject): string {
  const ports = arr(dig(o, "spec", "ports"));
  if (ports.length === 0) return "<none>";
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${str(p.protocol) || "TCP"}` : `${p.port}/${str(p.protocol) || "TCP"}`)).join(",");
}

/** printers.go getServiceExternalIP. */
function externalIP(o: KubeObject): string {
  const spec = rec(o.spec);
  const external = arr<string>(spec.externalIPs);
  switch (str(spec.type) || "ClusterIP") {
    case "ClusterIP":
    case "NodePort":
      return external.length ? external.join(",") : "<none>";
    case "LoadBalancer": {
      const ingress = arr(dig(o, "status", "loadBalancer", "ingress")).map((i) => str(i.ip) || str(i.hostname));
      const all = [...ingress, ...external].filter(Boolean);
      return all.length ? all.join(",") : "<pending>";
    }
    case "ExternalName":
      return str(spec.externalName);
    default:
      return "<unknown>";
  }
}
