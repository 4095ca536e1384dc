import { withApi, json, readJson } from "@/lib/api/with-api";
import { errors } from "@/lib/kube/errors";
import { SESSION_COOKIE } from "@/lib/server/handle";

// POST /api/v1/auth/sign-in – exchange username and password for a session cookie
export const POST = withApi(
  async ({ req, cp }) => {
    const body = await readJson<{ username?: unknown; password?: unknown }>(req);
    if (typeof body.username !== "string" || typeof body.password !== "string" || !body.username || !body.password)
      throw errors.badRequest("username and password are required");
    const session = await cp.auth.signIn(body.username, body.password);
    if (!session) throw errors.unauthorized("invalid username or password");
    const secure = new URL(req.url).protocol === "https:" ? "; Secure" : "";
    const cookie = `${SESSION_COOKIE}=${session.token}; Path=/; HttpOnly; SameSite=Lax; Expires=${session.expiresAt.toUTCString()}${secure}`;
    return json({ username: body.username }, 200, { "Set-Cookie": cookie });
  },
  { public: true },
);
