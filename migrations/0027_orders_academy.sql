ALTER TABLE "orders" ADD COLUMN "check_in_note" text;--> statement-breakpoint
ALTER TABLE "skills" ADD COLUMN "qualification" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- 急救 (the demo academy's qualification) is held only through a valid qualification.
UPDATE "skills" SET "qualification" = true WHERE "code" = 'first_aid';
