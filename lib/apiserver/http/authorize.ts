import { errors } from "../../kube/errors";
import type { Authorizer, RequestAttributes, UserInfo } from "../options";
import type { ResourceRoute } from "./router";

/**
 * kube-apiserver's RequestInfo verbs from an HTTP method: GET on an item is get, on a
 * collection list (watch with ?watch=true); DELETE on a collection is deletecollection.
 */
export function requestAttributes(method: string, route: ResourceRoute, watch: boolean): RequestAttributes {
  const item = route.name !== undefined;
  let verb: string;
  switch (method) {
    case "GET":
    case "HEAD":
      verb = watch ? "watch" : item ? "get" : "list";
      break;
    case "POST":
      verb = "create";
      break;
    case "PUT":
      verb = "update";
      break;
    case "PATCH":
      verb = "patch";
      break;
    case "DELETE":
      verb = item ? "delete" : "deletecollection";
      break;
    default:
      verb = method.toLowerCase();
  }
  // kube's RequestInfo treats a Namespace object as living in itself (so RoleBindings can grant it).
  const namespace = route.namespace ?? (route.group === "" && route.plural === "namespaces" ? route.name : undefined);
  return { verb, apiGroup: route.group, apiVersion: route.version, resource: route.plural, subresource: route.subresource, namespace, name: route.name };
}

/** Asks the authorizer; a refusal throws kube's 403 Forbidden Status. */
export async function authorizeRequest(authorize: Authorizer, user: UserInfo, attrs: RequestAttributes): Promise<void> {
  const verdict = await authorize(user, attrs);
  if (verdict === true) return;
  throw forbidden(user, attrs, typeof verdict === "string" ? verdict : "");
}

/**
 * The Status kube-apiserver answers when RBAC refuses, e.g.
 * `secrets "x" is forbidden: User "u" cannot get resource "secrets" in API group "" in the namespace "ns"`.
 */
export function forbidden(user: UserInfo, a: RequestAttributes, reason: string) {
  const qualified = a.apiGroup ? `${a.resource}.${a.apiGroup}` : a.resource;
  const subject = a.name ? `${qualified} "${a.name}"` : qualified;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : "at the cluster scope";
  const message = `${subject} is forbidden: User "${user.username}" cannot ${a.verb} resource "${resource}" in API group "${a.apiGroup}" ${scope}${reason ? `: ${reason}` : ""}`;
  return errors.forbidden(message, { name: a.name, group: a.apiGroup, kind: a.resource });
}
