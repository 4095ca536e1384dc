// GET /api/v1/overview – cluster health, object counts, propagation health, recent warnings and capacity, aggregated on the server
import { withApi } from "../../../../lib/api/with-api";
import { overviewService } from "../../../../lib/console/services";

export const dynamic = "force-dynamic";

export const GET = withApi(async ({ cp }) => overviewService(cp).get());
