DROP INDEX "organisations_region_idx";--> statement-breakpoint
DROP INDEX "volunteers_region_idx";--> statement-breakpoint
DROP INDEX "audit_log_region_idx";--> statement-breakpoint
CREATE INDEX "organisations_directory_idx" ON "organisations" USING btree ("tenant_id","status","name","id");--> statement-breakpoint
CREATE INDEX "sites_region_prefix_idx" ON "sites" USING btree ("tenant_id","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "volunteers_number_c_idx" ON "volunteers" USING btree ("tenant_id","number" collate "C");--> statement-breakpoint
CREATE INDEX "volunteers_name_prefix_idx" ON "volunteers" USING btree ("tenant_id","name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "organisations_region_idx" ON "organisations" USING btree ("tenant_id","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "volunteers_region_idx" ON "volunteers" USING btree ("tenant_id","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "audit_log_region_idx" ON "audit_log" USING btree ("tenant_id","region_code" text_pattern_ops,"id");