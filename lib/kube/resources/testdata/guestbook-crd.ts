import type { KubeObject } from "../../types";

/**
 * The structure of Karmada's samples/guestbook/guestbooks-crd.yaml (webapp.my.domain/v1
 * Guestbook), descriptions left out.
 */
export function guestbookCRD(): KubeObject {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "guestbooks.webapp.my.domain" },
    spec: {
      group: "webapp.my.domain",
      names: { kind: "Guestbook", listKind: "GuestbookList", plural: "guestbooks", singular: "guestbook" },
      scope: "Namespaced",
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: {
                apiVersion: { type: "string" },
                kind: { type: "string" },
                metadata: { type: "object" },
                spec: {
                  type: "object",
                  required: ["configMapName", "size"],
                  properties: {
                    alias: { type: "string", enum: ["Phone", "Address", "Name"] },
                    configMapName: { type: "string", minLength: 1, maxLength: 15 },
                    size: { type: "integer", format: "int32", minimum: 1, maximum: 10 },
                  },
                },
                status: {
                  type: "object",
                  required: ["active", "standby"],
                  properties: { active: { type: "string" }, standby: { type: "array", items: { type: "string" } } },
                },
              },
            },
          },
        },
      ],
    },
  };
}
