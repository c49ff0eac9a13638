ALTER TABLE "certificates" ADD COLUMN "refused_by" uuid;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "refused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "refuse_reason" text;