import { withApi } from "@/lib/api/with-api";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { restOpenApiFragments } from "@/lib/api/openapi-fragments";

// GET /api/v1/openapi.json – the OpenAPI 3 document of the REST API
export const GET = withApi(async () => buildOpenApiDocument(restOpenApiFragments()));
