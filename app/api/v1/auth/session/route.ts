import { withApi } from "@/lib/api/with-api";

// GET /api/v1/auth/session – who is signed in
export const GET = withApi(async ({ user }) => ({ user }));
