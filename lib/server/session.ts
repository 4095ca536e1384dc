import { cookies } from "next/headers";
import { getControlPlane, SESSION_COOKIE, type UserInfo } from "./handle";

/** The signed-in user of the current page request, or null (the console layout redirects to /sign-in). */
export async function currentUser(): Promise<UserInfo | null> {
  const cp = getControlPlane();
  if (!cp) return null;
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  return cp.auth.sessionUser(token);
}
