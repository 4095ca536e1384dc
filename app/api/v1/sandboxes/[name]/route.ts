import { withApi } from "@/lib/api/with-api";
import { sandboxManagerOf, sandboxRest } from "@/lib/sandbox/rest";

type Params = { name: string };

// GET /api/v1/sandboxes/{name} – one sandbox
export const GET = withApi<Params>(async ({ cp, params }) => sandboxRest.get(sandboxManagerOf(cp), params.name));

// DELETE /api/v1/sandboxes/{name} – stop and remove a sandbox
export const DELETE = withApi<Params>(async ({ cp, params }) => sandboxRest.delete(sandboxManagerOf(cp), params.name));
