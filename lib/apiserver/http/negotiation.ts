/**
 * Accept / Content-Type parsing. kube clients select formats with media-type parameters
 * (`application/json;as=Table;v=v1;g=meta.k8s.io`), so parameters matter, not just types.
 */
export interface MediaType {
  type: string;
  params: Record<string, string>;
}

/** Splits a header into media types with lower-cased names and parameters (order preserved). */
export function parseMediaTypes(header: string | null | undefined): MediaType[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part) => {
      const [type, ...params] = part.split(";").map((s) => s.trim());
      const out: MediaType = { type: type.toLowerCase(), params: {} };
      for (const p of params) {
        const i = p.indexOf("=");
        if (i > 0) out.params[p.slice(0, i).trim().toLowerCase()] = p.slice(i + 1).trim().replace(/^"|"$/g, "");
      }
      return out;
    })
    .filter((m) => m.type !== "");
}

/** The bare media type of a Content-Type header ("" when absent). */
export function contentTypeOf(header: string | null | undefined): string {
  return parseMediaTypes(header)[0]?.type ?? "";
}

/** Whether the Accept header asks for a meta.k8s.io Table (kubectl's human-readable get). */
export function wantsTable(accept: string | null): "v1" | "v1beta1" | undefined {
  for (const m of parseMediaTypes(accept)) {
    if (m.type !== "application/json" || m.params.as !== "Table" || m.params.g !== "meta.k8s.io") continue;
    if (m.params.v === "v1" || m.params.v === "v1beta1") return m.params.v;
  }
  return undefined;
}

/** Whether the Accept header allows aggregated discovery (apidiscovery.k8s.io v2 or v2beta1). */
export function wantsAggregatedDiscovery(accept: string | null): "v2" | "v2beta1" | undefined {
  for (const m of parseMediaTypes(accept)) {
    if (m.type !== "application/json" || m.params.as !== "APIGroupDiscoveryList" || m.params.g !== "apidiscovery.k8s.io") continue;
    if (m.params.v === "v2" || m.params.v === "v2beta1") return m.params.v;
  }
  return undefined;
}

/** `includeObject` of a Table request: None, Metadata (default) or Object. */
export function includeObjectPolicy(value: string | null): "None" | "Metadata" | "Object" {
  return value === "None" || value === "Object" ? value : "Metadata";
}
