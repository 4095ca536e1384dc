import type { ObjectClient } from "../kube/client";
import { WORK_V1ALPHA1 } from "../kube/karmada";

/**
 * The control-plane client as the agent's controllers see it: a list or watch of Works that
 * names no namespace is narrowed to the agent's execution namespace. The shared controllers
 * (work status) watch Works cluster-wide; an agent may only see its own, so without this its
 * informers would meet 403 forever.
 */
export function scopeWorksToNamespace(client: ObjectClient, namespace: string): ObjectClient {
  const isWork = (apiVersion: string, kind: string) => apiVersion === WORK_V1ALPHA1 && kind === "Work";
  return {
    get: (apiVersion, kind, ns, name) => client.get(apiVersion, kind, ns, name),
    list: (apiVersion, kind, opts = {}) => client.list(apiVersion, kind, isWork(apiVersion, kind) && !opts.namespace ? { ...opts, namespace } : opts),
    create: (obj, opts) => client.create(obj, opts),
    update: (obj, opts) => client.update(obj, opts),
    updateStatus: (obj, opts) => client.updateStatus(obj, opts),
    patch: (ref, type, body, opts) => client.patch(ref, type, body, opts),
    delete: (ref, opts) => client.delete(ref, opts),
    watch: (apiVersion, kind, opts, onEvent) => client.watch(apiVersion, kind, isWork(apiVersion, kind) && !opts.namespace ? { ...opts, namespace } : opts, onEvent),
  } as ObjectClient;
}
