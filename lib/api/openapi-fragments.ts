import type { OpenApiFragment } from "./openapi";
import { clustersOpenApi } from "../clusters/openapi";
import { pullTokensOpenApi } from "../agent/openapi";
import { placementOpenApi } from "../placement/openapi";
import { sandboxOpenApiFragment } from "../sandbox/openapi";

/** Every REST area's OpenAPI fragment; areas add theirs here as they land. */
export function restOpenApiFragments(): OpenApiFragment[] {
  return [clustersOpenApi(), pullTokensOpenApi(), placementOpenApi(), sandboxOpenApiFragment()];
}
