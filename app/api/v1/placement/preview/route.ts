import { readJson, withApi } from "@/lib/api/with-api";
import { handlePlacementPreview } from "@/lib/placement/handlers";
import { controlPlaneClient } from "@/lib/placement/route-helpers";

// POST /api/v1/placement/preview – where a resource would be scheduled by a policy (dry run)
export const POST = withApi(async ({ req, cp }) => handlePlacementPreview(await readJson(req), controlPlaneClient(cp)));
