/** Console URLs of resource templates: /resources/{namespace|_}/{kind token}/{name}; "_" marks cluster-scoped. */
export function resourceHref(r: { namespace?: string; kindToken: string; name: string }): string {
  return `/resources/${[r.namespace || "_", r.kindToken, r.name].map(encodeURIComponent).join("/")}`;
}

/** The namespace segment of a resource URL back to a namespace (undefined for "_"). */
export function namespaceFromSegment(segment: string): string | undefined {
  return segment === "_" ? undefined : segment;
}
