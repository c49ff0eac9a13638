ALTER TABLE "academy_enrolments" ADD COLUMN "code_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "academy_qualifications" ADD COLUMN "reject_reason" text;