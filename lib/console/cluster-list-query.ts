import { z } from "zod";
import { errors } from "../kube/errors";
import type { ClusterListQuery } from "./cluster-list";

const schema = z.object({
  search: z.string().max(200).optional(),
  health: z.enum(["Ready", "NotReady", "Unknown"]).optional(),
  syncMode: z.enum(["Push", "Pull"]).optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).optional(),
});

/** Parses the clusters list query string; bad values answer 400 with the field named. */
export function parseClusterListQuery(params: URLSearchParams): ClusterListQuery {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  const r = schema.safeParse(raw);
  if (!r.success) {
    throw errors.badRequest(
      "invalid query parameters",
      r.error.issues.map((i) => ({ field: i.path.join("."), message: i.message, reason: "FieldValueInvalid" })),
    );
  }
  return r.data;
}
