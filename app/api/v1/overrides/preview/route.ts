import { readJson, withApi } from "@/lib/api/with-api";
import { handleOverridePreview } from "@/lib/placement/handlers";
import { controlPlaneClient } from "@/lib/placement/route-helpers";

// POST /api/v1/overrides/preview – the manifest one cluster would receive, with the patches applied
export const POST = withApi(async ({ req, cp }) => handleOverridePreview(await readJson(req), controlPlaneClient(cp)));
