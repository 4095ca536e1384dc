import type { OpenApiFragment } from "./openapi";
import { clustersOpenApi } from "../clusters/openapi";

/** Every REST area's OpenAPI fragment; areas add theirs here as they land. */
export function restOpenApiFragments(): OpenApiFragment[] {
  return [clustersOpenApi()];
}
