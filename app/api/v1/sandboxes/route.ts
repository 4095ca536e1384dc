import { readJson, withApi } from "@/lib/api/with-api";
import { sandboxManagerOf, sandboxRest } from "@/lib/sandbox/rest";

// GET /api/v1/sandboxes – list sandbox member clusters
export const GET = withApi(async ({ cp }) => sandboxRest.list(sandboxManagerOf(cp)));

// POST /api/v1/sandboxes – create (and register) a sandbox member cluster
export const POST = withApi(async ({ cp, req }) => sandboxRest.create(sandboxManagerOf(cp), await readJson(req)));
