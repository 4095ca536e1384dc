-- CreateTable
CREATE TABLE "cluster_credentials" (
    "cluster_name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sealed" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cluster_credentials_pkey" PRIMARY KEY ("cluster_name")
);
