import { formatQuantity, parseQuantityExact, quantityMilliValue as exactMilli, quantityValue as exactValue, type ParsedQuantity } from "../kube/quantity";

/**
 * Memoised quantity parsing: a cluster status pass adds up every pod's requests (thousands of
 * pods, a handful of distinct strings such as "100m" or "128Mi"), and exact BigInt parsing of
 * each was the largest cost of a status collection. Bounded: cleared when it grows past 4096.
 */
function memo(fn: (q: string | number) => number): (q: string | number) => number {
  const cache = new Map<string | number, number>();
  return (q) => {
    let v = cache.get(q);
    if (v === undefined) {
      v = fn(q);
      if (cache.size >= 4096) cache.clear();
      cache.set(q, v);
    }
    return v;
  };
}
const quantityMilliValue = memo(exactMilli);
const quantityValue = memo(exactValue);
import type { ResourceList } from "../kube/karmada";

/**
 * Karmada's util.Resource: integer totals per resource (millicores for cpu, base units for the
 * rest) with its exact accumulation rules, so summaries add up as Karmada's do.
 */
export class ResourceAmounts {
  milliCPU = 0;
  memory = 0;
  ephemeralStorage = 0;
  pods = 0;
  readonly scalars = new Map<string, number>();

  /** Adds every known resource of `rl` (unknown non-scalar names are ignored, as in Karmada). */
  add(rl: ResourceList | undefined): void {
    for (const [name, q] of Object.entries(rl ?? {})) {
      if (name === "cpu") this.milliCPU += quantityMilliValue(q);
      else if (name === "memory") this.memory += quantityValue(q);
      else if (name === "pods") this.pods += quantityValue(q);
      else if (name === "ephemeral-storage") this.ephemeralStorage += quantityValue(q);
      else if (isScalarResourceName(name)) this.scalars.set(name, (this.scalars.get(name) ?? 0) + quantityValue(q));
    }
  }

  /**
   * Raises each resource to at least `rl`'s amount. Karmada applies init containers this way
   * against the running total (not per pod); kept as is so the numbers match.
   */
  setMax(rl: ResourceList | undefined): void {
    for (const [name, q] of Object.entries(rl ?? {})) {
      if (name === "cpu") this.milliCPU = Math.max(this.milliCPU, quantityMilliValue(q));
      else if (name === "memory") this.memory = Math.max(this.memory, quantityValue(q));
      else if (name === "pods") this.pods = Math.max(this.pods, quantityValue(q));
      else if (name === "ephemeral-storage") this.ephemeralStorage = Math.max(this.ephemeralStorage, quantityValue(q));
      else if (isScalarResourceName(name)) this.scalars.set(name, Math.max(this.scalars.get(name) ?? 0, quantityValue(q)));
    }
  }

  /** Karmada's AddPodRequest: containers' requests, init containers as a maximum, plus overhead. */
  addPodRequest(spec: PodSpecLike | undefined): void {
    for (const c of spec?.containers ?? []) this.add(c.resources?.requests);
    for (const c of spec?.initContainers ?? []) this.setMax(c.resources?.requests);
    if (spec?.overhead) this.add(spec.overhead);
  }

  /** Positive amounts as Quantities in Kubernetes' canonical notation; undefined when all are zero. */
  toResourceList(): ResourceList | undefined {
    const out: ResourceList = {};
    if (this.milliCPU > 0) out.cpu = formatGo({ nanos: BigInt(this.milliCPU) * 1_000_000n, format: "DecimalSI" });
    if (this.memory > 0) out.memory = formatGo(units(this.memory, "BinarySI"));
    if (this.ephemeralStorage > 0) out["ephemeral-storage"] = formatGo(units(this.ephemeralStorage, "BinarySI"));
    if (this.pods > 0) out.pods = formatGo(units(this.pods, "DecimalSI"));
    for (const [name, v] of this.scalars) if (v > 0) out[name] = formatGo(units(v, name.startsWith("hugepages-") ? "BinarySI" : "DecimalSI"));
    return Object.keys(out).length > 0 ? out : undefined;
  }
}

/** The parts of a PodSpec that carry resource requests. */
export interface PodSpecLike {
  nodeName?: string;
  containers?: { resources?: { requests?: ResourceList; limits?: ResourceList } }[];
  initContainers?: { resources?: { requests?: ResourceList; limits?: ResourceList } }[];
  overhead?: ResourceList;
}

/**
 * apimachinery's IsScalarResourceName: extended (domain-prefixed, not kubernetes.io),
 * hugepages-*, attachable-volumes-* and prefixed native resources.
 */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith("hugepages-") || name.startsWith("attachable-volumes-")) return true;
  if (name.includes("kubernetes.io/")) return true;
  return name.includes("/") && !name.startsWith("requests.");
}

/**
 * Sum of ResourceLists as Quantity.Add does it: exact, keeping the notation of the first
 * operand that had the resource. Empty → undefined.
 */
export function sumResourceLists(lists: (ResourceList | undefined)[]): ResourceList | undefined {
  const acc = new Map<string, ParsedQuantity>();
  for (const rl of lists) {
    for (const [name, q] of Object.entries(rl ?? {})) {
      const p = parseQuantityExact(q);
      const prev = acc.get(name);
      acc.set(name, prev ? { nanos: prev.nanos + p.nanos, format: prev.format } : p);
    }
  }
  if (acc.size === 0) return undefined;
  return Object.fromEntries([...acc].map(([k, v]) => [k, formatGo(v)]));
}

/** Quantity.String as Go prints it, in the quantity's own notation (DecimalExponent prints as DecimalSI). */
export function formatGo(q: ParsedQuantity): string {
  return formatQuantity(q, q.format === "BinarySI" ? "BinarySI" : "DecimalSI");
}

function units(n: number, format: ParsedQuantity["format"]): ParsedQuantity {
  return { nanos: BigInt(n) * 1_000_000_000n, format };
}
