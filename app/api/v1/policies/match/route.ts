import { readJson, withApi } from "@/lib/api/with-api";
import { handlePolicyMatch } from "@/lib/placement/handlers";
import { controlPlaneClient } from "@/lib/placement/route-helpers";

// POST /api/v1/policies/match – which propagation policy claims a resource, and why not the others
export const POST = withApi(async ({ req, cp }) => handlePolicyMatch(await readJson(req), controlPlaneClient(cp)));
