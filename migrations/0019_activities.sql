CREATE TABLE "activities" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category_code" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"project_id" uuid,
	"series" text,
	"region_code" text NOT NULL,
	"site_id" uuid,
	"address" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"radius_m" integer DEFAULT 300 NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"rrule" text,
	"time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"quota" integer NOT NULL,
	"min_age" smallint,
	"required_skills" text[] DEFAULT '{}' NOT NULL,
	"signup_opens_hours" integer DEFAULT 336 NOT NULL,
	"signup_closes_minutes" integer DEFAULT 0 NOT NULL,
	"cancel_deadline_minutes" integer DEFAULT 120 NOT NULL,
	"approval_mode" text DEFAULT 'auto' NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"finished_at" timestamp with time zone,
	"materialised_until" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "activities_window_ck" CHECK ("activities"."ends_at" > "activities"."starts_at"),
	CONSTRAINT "activities_quota_ck" CHECK ("activities"."quota" > 0)
);
--> statement-breakpoint
CREATE TABLE "activity_attendance" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"signup_id" uuid,
	"check_in_at" timestamp with time zone NOT NULL,
	"check_in_method" text NOT NULL,
	"check_in_lng" double precision,
	"check_in_lat" double precision,
	"check_in_accuracy_m" integer,
	"check_in_distance_m" integer,
	"check_out_at" timestamp with time zone,
	"check_out_method" text,
	"check_out_lng" double precision,
	"check_out_lat" double precision,
	"check_out_distance_m" integer,
	"minutes" integer,
	"auto_closed" boolean DEFAULT false NOT NULL,
	"manual_by" uuid,
	"manual_reason" text,
	"service_record_id" uuid,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "activity_attendance_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "activity_sessions" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"quota" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	"waitlisted" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "activity_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "activity_sessions_seats_ck" CHECK ("activity_sessions"."taken" >= 0 and "activity_sessions"."taken" <= "activity_sessions"."quota" and "activity_sessions"."waitlisted" >= 0)
);
--> statement-breakpoint
CREATE TABLE "activity_signups" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"state" text NOT NULL,
	"queued_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"reason" text,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_signups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_site_id_sites_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_category_code_service_categories_tenant_id_code_fk" FOREIGN KEY ("tenant_id","category_code") REFERENCES "public"."service_categories"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_attendance" ADD CONSTRAINT "activity_attendance_tenant_id_session_id_activity_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."activity_sessions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_attendance" ADD CONSTRAINT "activity_attendance_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_sessions" ADD CONSTRAINT "activity_sessions_tenant_id_activity_id_activities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","activity_id") REFERENCES "public"."activities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_tenant_id_session_id_activity_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."activity_sessions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_region_idx" ON "activities" USING btree ("tenant_id","region_code" text_pattern_ops,"starts_at");--> statement-breakpoint
CREATE INDEX "activities_organisation_idx" ON "activities" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
CREATE INDEX "activities_site_idx" ON "activities" USING btree ("tenant_id","site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_attendance_person_uq" ON "activity_attendance" USING btree ("tenant_id","session_id","user_id");--> statement-breakpoint
CREATE INDEX "activity_attendance_user_idx" ON "activity_attendance" USING btree ("tenant_id","user_id","check_in_at");--> statement-breakpoint
CREATE INDEX "activity_attendance_open_idx" ON "activity_attendance" USING btree ("tenant_id","session_id") WHERE check_out_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_sessions_start_uq" ON "activity_sessions" USING btree ("tenant_id","activity_id","starts_at");--> statement-breakpoint
CREATE INDEX "activity_sessions_time_idx" ON "activity_sessions" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE INDEX "activity_sessions_open_idx" ON "activity_sessions" USING btree ("tenant_id","ends_at") WHERE closed_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_signups_live_uq" ON "activity_signups" USING btree ("tenant_id","session_id","user_id") WHERE state in ('pending', 'confirmed', 'waitlisted');--> statement-breakpoint
CREATE INDEX "activity_signups_session_idx" ON "activity_signups" USING btree ("tenant_id","session_id","state","queued_at");--> statement-breakpoint
CREATE INDEX "activity_signups_user_idx" ON "activity_signups" USING btree ("tenant_id","user_id","created_at");