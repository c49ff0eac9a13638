DROP INDEX "academy_courses_category_idx";--> statement-breakpoint
CREATE INDEX "academy_courses_catalogue_idx" ON "academy_courses" USING btree ("tenant_id","category","title","id");