CREATE TABLE "coverage_population" (
	"id" bigserial NOT NULL,
	"tenant_id" text NOT NULL,
	"community_code" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"population" integer NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coverage_population_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "coverage_proposals" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
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
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coverage_proposals_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
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
CREATE TABLE "order_volunteer_blocks" (
	"tenant_id" text NOT NULL,
	"resident_user_id" uuid NOT NULL,
	"volunteer_user_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_volunteer_blocks_tenant_id_resident_user_id_volunteer_user_id_pk" PRIMARY KEY("tenant_id","resident_user_id","volunteer_user_id")
);
--> statement-breakpoint
CREATE TABLE "wish_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"person_claim_limit" smallint DEFAULT 3 NOT NULL,
	"organisation_claim_limit" smallint DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_settings" ADD COLUMN "auto_close_days" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_settings" ADD COLUMN "weight_distance" double precision DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_settings" ADD COLUMN "weight_skill" double precision DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_settings" ADD COLUMN "weight_rating" double precision DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_settings" ADD COLUMN "weight_fairness" double precision DEFAULT 1.5 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_settings" ADD COLUMN "volunteer_capacity" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "kiosk_site_id" uuid;--> statement-breakpoint
ALTER TABLE "coverage_population" ADD CONSTRAINT "coverage_population_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_proposals" ADD CONSTRAINT "coverage_proposals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_settings" ADD CONSTRAINT "coverage_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_volunteer_blocks" ADD CONSTRAINT "order_volunteer_blocks_tenant_id_resident_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resident_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_volunteer_blocks" ADD CONSTRAINT "order_volunteer_blocks_tenant_id_volunteer_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_volunteer_blocks" ADD CONSTRAINT "order_volunteer_blocks_tenant_id_order_id_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."orders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_settings" ADD CONSTRAINT "wish_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coverage_population_community_idx" ON "coverage_population" USING btree ("tenant_id","community_code");--> statement-breakpoint
CREATE INDEX "coverage_proposals_region_idx" ON "coverage_proposals" USING btree ("tenant_id","region_code","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "order_volunteer_blocks_volunteer_idx" ON "order_volunteer_blocks" USING btree ("tenant_id","volunteer_user_id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_kiosk_site_id_sites_tenant_id_id_fk" FOREIGN KEY ("tenant_id","kiosk_site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "orders_kiosk_idx" ON "orders" USING btree ("tenant_id","kiosk_site_id","placed_at") WHERE kiosk_site_id is not null;