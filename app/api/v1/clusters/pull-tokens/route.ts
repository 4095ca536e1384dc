import { readJson, withApi } from "@/lib/api/with-api";
import { kubeApiTargetOf, pullTokenRest, pullTokenServiceOf } from "@/lib/agent/pull-token-rest";

// GET /api/v1/clusters/pull-tokens – bootstrap tokens and agent credentials (never the tokens themselves)
export const GET = withApi(async ({ cp, user }) => pullTokenRest.list(pullTokenServiceOf(cp), user));

// POST /api/v1/clusters/pull-tokens – issue a bootstrap token for one cluster, with the agent command
export const POST = withApi(async ({ cp, user, req }) => pullTokenRest.issue(pullTokenServiceOf(cp), user, req, await readJson(req), kubeApiTargetOf(cp)));
