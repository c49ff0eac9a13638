CREATE TABLE "points_adjustments" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"amount" integer NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"transaction_id" uuid,
	CONSTRAINT "points_adjustments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "points_adjustments_amount_check" CHECK ("points_adjustments"."amount" <> 0 and abs("points_adjustments"."amount") <= 100000)
);
--> statement-breakpoint
CREATE TABLE "points_earnings" (
	"tenant_id" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"points" integer NOT NULL,
	"service_record_id" uuid,
	"transaction_id" uuid,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_earnings_tenant_id_source_type_source_id_pk" PRIMARY KEY("tenant_id","source_type","source_id")
);
--> statement-breakpoint
CREATE TABLE "points_runs" (
	"tenant_id" text NOT NULL,
	"job" text NOT NULL,
	"period" text NOT NULL,
	"ran_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_runs_tenant_id_job_period_pk" PRIMARY KEY("tenant_id","job","period")
);
--> statement-breakpoint
CREATE TABLE "points_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"points_per_hour" integer DEFAULT 10 NOT NULL,
	"activity_completion_points" integer DEFAULT 5 NOT NULL,
	"five_star_bonus_points" integer DEFAULT 5 NOT NULL,
	"expiry_months" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "points_settings_range_check" CHECK ("points_settings"."points_per_hour" between 0 and 1000 and "points_settings"."activity_completion_points" between 0 and 1000 and "points_settings"."five_star_bonus_points" between 0 and 1000 and ("points_settings"."expiry_months" is null or "points_settings"."expiry_months" between 1 and 120))
);
--> statement-breakpoint
ALTER TABLE "points_adjustments" ADD CONSTRAINT "points_adjustments_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_earnings" ADD CONSTRAINT "points_earnings_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_settings" ADD CONSTRAINT "points_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "points_adjustments_region_idx" ON "points_adjustments" USING btree ("tenant_id","region_code" text_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "points_earnings_record_idx" ON "points_earnings" USING btree ("tenant_id","service_record_id");