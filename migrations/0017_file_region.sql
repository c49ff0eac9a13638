ALTER TABLE "files" ADD COLUMN "region_code" text;--> statement-breakpoint
UPDATE "files" AS f SET "region_code" = o."region_code" FROM "orders" AS o WHERE o."tenant_id" = f."tenant_id" AND f."id" = ANY(o."photo_file_ids" || o."completion_photo_file_ids");
