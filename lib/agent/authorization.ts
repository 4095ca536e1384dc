import type { Authorizer, RequestAttributes, UserInfo } from "../apiserver/options";
import { CLUSTER_LEASE_NAMESPACE, executionNamespace } from "../kube/karmada";

/** Username prefix of Pull agents (lib/auth: `system:agent:<cluster>`). */
export const AGENT_USER_PREFIX = "system:agent:";
/** Group every Pull agent belongs to. */
export const AGENT_GROUP = "system:agents";

/**
 * The cluster an agent user speaks for; undefined for other users. A user in the agents group
 * whose name carries no cluster gets "" so that it is refused everything (fail closed).
 */
export function agentClusterOf(user: Pick<UserInfo, "username" | "groups">): string | undefined {
  if (user.username.startsWith(AGENT_USER_PREFIX)) return user.username.slice(AGENT_USER_PREFIX.length);
  return user.groups?.includes(AGENT_GROUP) ? "" : undefined;
}

const READ_WRITE = ["get", "update", "patch"];
const WATCHABLE = ["get", "list", "watch", "update", "patch"];
const EVENT_VERBS = ["get", "list", "watch", "create", "update", "patch"];

/**
 * What an agent for `cluster` may do (Karmada's agent RBAC, narrowed to one cluster):
 * - its own Cluster and Cluster status: get, update, patch (registration is a server-side
 *   apply on clusters/<name>, so a create on the collection, which names nothing, is refused);
 * - Works in karmada-es-<cluster> and their status: get, list, watch, update, patch;
 * - its Lease karmada-cluster/<cluster>: get, update, patch (created by apply);
 * - Events in its execution namespace.
 * Everything else, Secrets included, is refused with the reason returned here.
 */
export function agentMay(cluster: string, a: RequestAttributes): true | string {
  if (!cluster) return "agent credential names no cluster";
  const ns = executionNamespace(cluster);
  const sub = a.subresource;
  if (a.apiGroup === "cluster.karmada.io" && a.resource === "clusters" && a.name === cluster && (!sub || sub === "status") && READ_WRITE.includes(a.verb)) return true;
  if (a.apiGroup === "work.karmada.io" && a.resource === "works" && a.namespace === ns && (!sub || sub === "status") && WATCHABLE.includes(a.verb)) {
    // Collections (list/watch) are the namespace's; single-object verbs need a name.
    if (a.verb === "list" || a.verb === "watch" || a.name) return true;
  }
  if (a.apiGroup === "coordination.k8s.io" && a.resource === "leases" && a.namespace === CLUSTER_LEASE_NAMESPACE && a.name === cluster && !sub && READ_WRITE.includes(a.verb)) return true;
  if ((a.apiGroup === "" || a.apiGroup === "events.k8s.io") && a.resource === "events" && a.namespace === ns && !sub && EVENT_VERBS.includes(a.verb)) return true;
  return `an agent may only access the objects of cluster "${cluster}"`;
}

/**
 * The control plane's authorizer: agents are confined by agentMay; every other authenticated
 * user (admin, API tokens, console sessions) is allowed, as before authorization existed.
 */
export const agentAuthorizer: Authorizer = (user, attrs) => {
  const cluster = agentClusterOf(user);
  return cluster === undefined ? true : agentMay(cluster, attrs);
};
