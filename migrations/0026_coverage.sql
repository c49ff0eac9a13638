CREATE TABLE "coverage_population" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"community_code" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"population" integer NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" text NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"batch" smallint NOT NULL,
	"picks" jsonb NOT NULL,
	"covered_before" integer NOT NULL,
	"covered_after" integer NOT NULL,
	"population" integer NOT NULL,
	"synthetic" boolean NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coverage_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"speed_m_per_min" real DEFAULT 80 NOT NULL,
	"minutes" smallint DEFAULT 15 NOT NULL,
	"detour_factor" real DEFAULT 1.3 NOT NULL,
	"resolution" smallint DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coverage_population" ADD CONSTRAINT "coverage_population_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_proposals" ADD CONSTRAINT "coverage_proposals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_settings" ADD CONSTRAINT "coverage_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coverage_population_community_idx" ON "coverage_population" USING btree ("tenant_id","community_code");--> statement-breakpoint
CREATE INDEX "coverage_proposals_region_idx" ON "coverage_proposals" USING btree ("tenant_id","region_code","created_at" DESC NULLS LAST);