import { readJson, withApi } from "@/lib/api/with-api";
import { pullTokenRest, pullTokenServiceOf } from "@/lib/agent/pull-token-rest";
import type { ObjectClient } from "@/lib/kube/client";

// POST /api/v1/clusters/pull-tokens/exchange – bootstrap token (bearer) → the agent's long-lived credential
export const POST = withApi(
  async ({ cp, req }) => pullTokenRest.exchange(pullTokenServiceOf(cp), cp.services.client as ObjectClient, req, await readJson(req)),
  // The bootstrap token is no API credential, so the request is not authenticated as a user.
  { public: true },
);
