import { withApi, json } from "@/lib/api/with-api";
import { SESSION_COOKIE } from "@/lib/server/handle";
import { sessionTokenOf } from "@/lib/api/cookies";

// POST /api/v1/auth/sign-out – end the current session
export const POST = withApi(
  async ({ req, cp }) => {
    const token = sessionTokenOf(req);
    if (token) await cp.auth.signOut(token);
    return json({}, 200, { "Set-Cookie": `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` });
  },
  { public: true },
);
