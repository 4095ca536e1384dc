import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col } from "../builtin";
import { arr, str } from "../format";
import { causes } from "../../errors";

const ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];

function ports(o: KubeObject): string {
  const list = arr(o.ports);
  if (list.length === 0) return "<unset>";
  return list.map((p) => (p.port === undefined ? "<unset>" : String(p.port))).join(",");
}

function endpoints(o: KubeObject): string {
  const addrs = arr(o.endpoints).flatMap((e) => arr<string>(e.addresses));
  if (addrs.length === 0) return "<unset>";
  return addrs.length > 3 ? `${addrs.slice(0, 3).join(",")} + ${addrs.length - 3} more...` : addrs.join(",");
}

/** discovery.k8s.io/v1 EndpointSlice (kubectl describe service lists them by label). */
export function endpointSliceDescriptor(): ResourceDescriptor {
  return builtin({
    group: "discovery.k8s.io",
    version: "v1",
    kind: "EndpointSlice",
    plural: "endpointslices",
    namespaced: true,
    columns: [col("AddressType", "string", (o) => str(o.addressType)), col("Ports", "string", ports), col("Endpoints", "string", endpoints), AGE],
    validate: (obj) => {
      const out: StatusCause[] = [];
      if (!obj.addressType) out.push(causes.required("addressType"));
      else if (!ADDRESS_TYPES.includes(str(obj.addressType))) out.push(causes.notSupported("addressType", obj.addressType, ADDRESS_TYPES));
      return out;
    },
  });
}
