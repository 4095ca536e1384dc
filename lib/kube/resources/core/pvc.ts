import type { KubeObject, StatusCause } from "../../types";
import type { ResourceDescriptor } from "../../resource-descriptor";
import { AGE, builtin, col, ensureObj, setDefault } from "../builtin";
import { arr, dig, rec, str } from "../format";
import { causes } from "../../errors";

const ACCESS_MODES = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
const SHORT_MODES: Record<string, string> = { ReadWriteOnce: "RWO", ReadOnlyMany: "ROX", ReadWriteMany: "RWX", ReadWriteOncePod: "RWOP" };

/** core/v1 PersistentVolumeClaim: volumeMode Filesystem and phase Pending by default. */
export function pvcDescriptor(): ResourceDescriptor {
  return builtin({
    group: "",
    version: "v1",
    kind: "PersistentVolumeClaim",
    plural: "persistentvolumeclaims",
    namespaced: true,
    shortNames: ["pvc"],
    subresources: { status: true },
    columns: [
      col("Status", "string", (o) => str(dig(o, "status", "phase"))),
      col("Volume", "string", (o) => str(dig(o, "spec", "volumeName"))),
      col("Capacity", "string", (o) => (dig(o, "status", "phase") === "Bound" ? str(dig(o, "status", "capacity", "storage")) : "")),
      col("Access Modes", "string", (o) => accessModes(arr<string>(dig(o, "status", "accessModes")))),
      col("StorageClass", "string", (o) => str(dig(o, "spec", "storageClassName"))),
      col("VolumeAttributesClass", "string", (o) => str(dig(o, "spec", "volumeAttributesClassName")) || "<unset>"),
      AGE,
      col("VolumeMode", "string", (o) => str(dig(o, "spec", "volumeMode")) || "<unset>", { priority: 1 }),
    ],
    applyDefaults: (obj) => {
      setDefault(ensureObj(obj, "spec"), "volumeMode", "Filesystem");
      setDefault(ensureObj(obj, "status"), "phase", "Pending");
    },
    validate: validatePvc,
  });
}

function accessModes(modes: string[]): string {
  return ACCESS_MODES.filter((m) => modes.includes(m)).map((m) => SHORT_MODES[m]).sort((a, b) => order(a) - order(b)).join(",");
}

function order(short: string): number {
  return ["RWO", "ROX", "RWX", "RWOP"].indexOf(short);
}

function validatePvc(obj: KubeObject): StatusCause[] {
  const out: StatusCause[] = [];
  const spec = rec(obj.spec);
  const modes = arr<string>(spec.accessModes);
  if (modes.length === 0) out.push(causes.required("spec.accessModes", "Required value: at least 1 access mode is required"));
  for (const m of modes) if (!ACCESS_MODES.includes(m)) out.push(causes.notSupported("spec.accessModes", m, ACCESS_MODES));
  if (!str(spec.volumeName) && !dig(spec, "resources", "requests", "storage")) out.push(causes.required("spec.resources[storage]"));
  const vm = spec.volumeMode;
  if (vm !== undefined && vm !== "Filesystem" && vm !== "Block") out.push(causes.notSupported("spec.volumeMode", vm, ["Block", "Filesystem"]));
  return out;
}
