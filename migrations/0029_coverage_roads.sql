CREATE TABLE "coverage_roads" (
	"id" bigserial NOT NULL,
	"tenant_id" text NOT NULL,
	"region_code" text NOT NULL,
	"coordinates" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coverage_roads_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "coverage_roads" ADD CONSTRAINT "coverage_roads_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coverage_roads_region_idx" ON "coverage_roads" USING btree ("tenant_id","region_code");