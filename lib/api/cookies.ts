import { SESSION_COOKIE } from "../server/handle";

/** The session token from a request's Cookie header, if any. */
export function sessionTokenOf(req: Request): string | undefined {
  const header = req.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join("="));
  }
  return undefined;
}
