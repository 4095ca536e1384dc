-- Lists page in etcd key order ("namespace/name", bytewise). With this index a page is an
-- index range scan instead of a sort of the whole resource on every page.
-- Prisma cannot declare expression indexes; schema.prisma documents it in a comment.
CREATE INDEX "objects_key_order_idx" ON "objects" ("group", "resource", (("namespace" || '/' || "name") COLLATE "C"));
