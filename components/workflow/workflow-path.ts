/** The REST path of a resource's workflow ("workflow/default/deployments.apps/web"); shared by the page's prefetch and the client view. */
export function workflowPath(r: { namespace?: string; kind: string; name: string }): string {
  return ["workflow", r.namespace, r.kind, r.name].filter(Boolean).map((s) => encodeURIComponent(s!)).join("/");
}

/** The console URL of a resource's workflow page. */
export function workflowHref(r: { namespace?: string; kind: string; name: string }): string {
  return "/" + workflowPath(r);
}
