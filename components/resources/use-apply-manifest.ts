"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../lib/kube/fetch";
import { kubeKeys, kubePath } from "../../lib/kube/queries";
import type { ResourceDescriptor } from "../../lib/kube/resource-descriptor";
import type { KubeObject } from "../../lib/kube/types";

/** The field manager the console writes with, so kubectl and the console's ownership stay distinct. */
export const CONSOLE_FIELD_MANAGER = "flotilla-console";

export interface ApplyInput {
  object: KubeObject;
  descriptor: ResourceDescriptor;
  /** Take over fields another manager owns (server-side apply's force). */
  force?: boolean;
}

/**
 * Server-side apply of a manifest through /k8s (create or update in one request, as
 * `kubectl apply --server-side` does), then invalidation of the kind's kube keys and the
 * console's derived views (resources list, workflow).
 */
export function useApplyManifest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ object, descriptor, force }: ApplyInput) => {
      const ns = descriptor.namespaced ? object.metadata.namespace || "default" : undefined;
      const body = descriptor.namespaced ? { ...object, metadata: { ...object.metadata, namespace: ns } } : object;
      const params = new URLSearchParams({ fieldManager: CONSOLE_FIELD_MANAGER, ...(force ? { force: "true" } : {}) });
      return apiFetch<KubeObject>(`${kubePath(descriptor, ns, object.metadata.name)}?${params}`, {
        method: "PATCH",
        body: JSON.stringify(body),
        headers: { "Content-Type": "application/apply-patch+yaml" },
      });
    },
    onSuccess: (_obj, { descriptor }) =>
      Promise.all([client.invalidateQueries({ queryKey: kubeKeys.resource(descriptor) }), client.invalidateQueries({ queryKey: ["rest", "resources"] }), client.invalidateQueries({ queryKey: ["rest", "workflow"] })]),
  });
}

/** Deletes an object through /k8s and invalidates the same keys as apply. */
export function useDeleteObject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ descriptor, namespace, name }: { descriptor: ResourceDescriptor; namespace?: string; name: string }) =>
      apiFetch<KubeObject>(kubePath(descriptor, namespace, name), { method: "DELETE" }),
    onSuccess: (_obj, { descriptor }) =>
      Promise.all([client.invalidateQueries({ queryKey: kubeKeys.resource(descriptor) }), client.invalidateQueries({ queryKey: ["rest", "resources"] }), client.invalidateQueries({ queryKey: ["rest", "workflow"] })]),
  });
}
