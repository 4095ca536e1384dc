import { withApi } from "@/lib/api/with-api";
import { templateKinds } from "@/lib/console/resources/template-kinds";
import { consoleDeps } from "@/lib/console/resources/services";

// GET /api/v1/resources/kinds – the kinds that can be resource templates (built-in and CRD-defined)
export const GET = withApi(async ({ cp }) => ({ items: templateKinds(consoleDeps(cp).registry.all()) }));
