import { withApi } from "@/lib/api/with-api";
import { pullTokenRest, pullTokenServiceOf } from "@/lib/agent/pull-token-rest";

// DELETE /api/v1/clusters/pull-tokens/{id} – revoke a bootstrap token or an agent credential
export const DELETE = withApi<{ id: string }>(async ({ cp, user, params }) => pullTokenRest.revoke(pullTokenServiceOf(cp), user, params.id));
