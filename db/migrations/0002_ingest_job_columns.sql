ALTER TABLE "sources" ADD COLUMN "format" text NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "run_after" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "lease_token" uuid;--> statement-breakpoint
ALTER TABLE "sources" ADD COLUMN "lease_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "sources_job_queue_idx" ON "sources" USING btree ("status","run_after") WHERE "sources"."status" in ('queued', 'processing');