ALTER TABLE "academy_courses" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD COLUMN "cancel_reason" text;