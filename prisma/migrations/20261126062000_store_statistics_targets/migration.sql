-- The embedded store ANALYZEs its tables itself (lib/store/embedded-analyze.ts: PGlite has no
-- autovacuum). Its queries filter on keys and versions only, so the JSON columns need no
-- statistics, and sampling them would read (detoast) up to 30,000 objects per ANALYZE.
-- A plain ANALYZE then skips them; PostgreSQL's autovacuum benefits the same way.
-- Prisma cannot declare statistics targets.
ALTER TABLE "objects" ALTER COLUMN "object" SET STATISTICS 0, ALTER COLUMN "labels" SET STATISTICS 0;
ALTER TABLE "object_events" ALTER COLUMN "object" SET STATISTICS 0;
