-- CreateTable
CREATE TABLE "objects" (
    "group" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "resource_version" BIGINT NOT NULL,
    "generation" BIGINT NOT NULL DEFAULT 0,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "object" JSONB NOT NULL,
    "deletion_timestamp" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "objects_pkey" PRIMARY KEY ("group","resource","namespace","name")
);

-- CreateTable
CREATE TABLE "object_events" (
    "rv" BIGINT NOT NULL,
    "group" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "object" JSONB NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "object_events_pkey" PRIMARY KEY ("rv")
);

-- CreateTable
CREATE TABLE "store_counter" (
    "id" INTEGER NOT NULL,
    "rv" BIGINT NOT NULL,
    "compacted_through" BIGINT NOT NULL,

    CONSTRAINT "store_counter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cluster_name" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user" TEXT NOT NULL,
    "verb" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "code" INTEGER NOT NULL,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric_samples" (
    "id" BIGSERIAL NOT NULL,
    "cluster" TEXT NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "ready" BOOLEAN NOT NULL,
    "cpu_allocatable" DOUBLE PRECISION NOT NULL,
    "cpu_allocated" DOUBLE PRECISION NOT NULL,
    "memory_allocatable" DOUBLE PRECISION NOT NULL,
    "memory_allocated" DOUBLE PRECISION NOT NULL,
    "pods_allocatable" INTEGER NOT NULL,
    "pods_allocated" INTEGER NOT NULL,

    CONSTRAINT "metric_samples_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "leader_leases" (
    "name" TEXT NOT NULL,
    "holder_identity" TEXT,
    "renew_time" TIMESTAMPTZ(3) NOT NULL,
    "lease_duration_ms" INTEGER NOT NULL,
    "acquire_time" TIMESTAMPTZ(3) NOT NULL,
    "lease_transitions" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "leader_leases_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "objects_labels_idx" ON "objects" USING GIN ("labels" jsonb_path_ops);

-- CreateIndex
CREATE INDEX "objects_uid_idx" ON "objects"("uid");

-- CreateIndex
CREATE INDEX "object_events_time_idx" ON "object_events"("time");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_kind_idx" ON "api_tokens"("kind");

-- CreateIndex
CREATE INDEX "audit_log_time_idx" ON "audit_log"("time");

-- CreateIndex
CREATE INDEX "metric_samples_cluster_time_idx" ON "metric_samples"("cluster", "time");

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
