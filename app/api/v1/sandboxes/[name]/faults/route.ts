import { readJson, withApi } from "@/lib/api/with-api";
import { sandboxManagerOf, sandboxRest } from "@/lib/sandbox/rest";

type Params = { name: string };

// PUT /api/v1/sandboxes/{name}/faults – replace the injected faults
export const PUT = withApi<Params>(async ({ cp, params, req }) => sandboxRest.setFaults(sandboxManagerOf(cp), params.name, await readJson(req)));

// DELETE /api/v1/sandboxes/{name}/faults – clear every fault
export const DELETE = withApi<Params>(async ({ cp, params }) => sandboxRest.clearFaults(sandboxManagerOf(cp), params.name));
