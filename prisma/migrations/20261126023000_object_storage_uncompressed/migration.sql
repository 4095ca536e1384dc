-- Store objects' jsonb out of line but uncompressed. Most objects (Works, bindings) are just over
-- the 2 kB TOAST threshold, and pglz compressing each new version was the embedded store's largest
-- CPU cost per write (about a third of the PGlite thread in scenario M). EXTERNAL keeps heap
-- tuples small (updates stay cheap) and skips compression; disk use grows by about half.
-- Prisma cannot declare column storage; schema.prisma documents it in a comment.
ALTER TABLE "objects" ALTER COLUMN "object" SET STORAGE EXTERNAL;
ALTER TABLE "object_events" ALTER COLUMN "object" SET STORAGE EXTERNAL;
