CREATE TABLE "academy_attempts" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"attempt_no" integer NOT NULL,
	"question_ids" uuid[] NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"score" integer,
	"passed" boolean,
	CONSTRAINT "academy_attempts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_courses" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid,
	"region_code" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"teachers" text[] DEFAULT '{}' NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"training_minutes" integer DEFAULT 0 NOT NULL,
	"qualification_code" text,
	"valid_months" integer,
	"requires_attendance" boolean DEFAULT true NOT NULL,
	"passing_score" integer DEFAULT 60 NOT NULL,
	"questions_per_attempt" integer DEFAULT 10 NOT NULL,
	"max_attempts" integer DEFAULT 3 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_courses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "academy_courses_numbers_ck" CHECK ("academy_courses"."passing_score" between 0 and 100 and "academy_courses"."max_attempts" >= 1)
);
--> statement-breakpoint
CREATE TABLE "academy_enrolments" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"attended_at" timestamp with time zone,
	"marked_by" uuid,
	CONSTRAINT "academy_enrolments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_partners" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_partners_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_qualifications" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"skill_code" text NOT NULL,
	"source" text NOT NULL,
	"course_id" uuid,
	"attempt_id" uuid,
	"partner_id" uuid,
	"issuer" text NOT NULL,
	"certificate_no" text,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone,
	"status" text NOT NULL,
	"proof_file_id" uuid,
	"recorded_by" uuid,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_qualifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_questions" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"prompt" text NOT NULL,
	"options" text[] NOT NULL,
	"answer" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_questions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "academy_sessions" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"capacity" integer NOT NULL,
	"enrolled" integer DEFAULT 0 NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_sessions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "academy_sessions_capacity_ck" CHECK ("academy_sessions"."capacity" >= 1 and "academy_sessions"."enrolled" between 0 and "academy_sessions"."capacity"),
	CONSTRAINT "academy_sessions_time_ck" CHECK ("academy_sessions"."ends_at" > "academy_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "academy_training_records" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "academy_training_records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "academy_training_records_minutes_ck" CHECK ("academy_training_records"."minutes" >= 0)
);
--> statement-breakpoint
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
CREATE TABLE "store_code_failures" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_code_failures_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "store_donations" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"goods_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"merchant_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"donated_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "store_donations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "store_donations_quantity_ck" CHECK ("store_donations"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "store_goods" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"photo_file_id" uuid,
	"price_points" integer NOT NULL,
	"stock" integer DEFAULT 0 NOT NULL,
	"limit_quantity" integer,
	"limit_period" text,
	"merchant_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_goods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "store_goods_stock_ck" CHECK ("store_goods"."stock" >= 0),
	CONSTRAINT "store_goods_price_ck" CHECK ("store_goods"."price_points" > 0),
	CONSTRAINT "store_goods_limit_ck" CHECK (("store_goods"."limit_quantity" is null and "store_goods"."limit_period" is null) or ("store_goods"."limit_quantity" > 0 and "store_goods"."limit_period" is not null))
);
--> statement-breakpoint
CREATE TABLE "store_redemptions" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"goods_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"price_points" integer NOT NULL,
	"points" integer NOT NULL,
	"status" text DEFAULT 'reserved' NOT NULL,
	"pickup_code" text NOT NULL,
	"request_key" text,
	"hold_transaction_id" uuid,
	"settle_transaction_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "store_redemptions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "store_redemptions_ck" CHECK ("store_redemptions"."quantity" > 0 and "store_redemptions"."points" = "store_redemptions"."quantity" * "store_redemptions"."price_points")
);
--> statement-breakpoint
CREATE TABLE "store_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"pickup_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_stock_movements" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"goods_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delta" integer NOT NULL,
	"stock_after" integer NOT NULL,
	"note" text,
	"donation_id" uuid,
	"redemption_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	CONSTRAINT "store_stock_movements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "store_stock_movements_ck" CHECK ("store_stock_movements"."delta" <> 0 and "store_stock_movements"."stock_after" >= 0)
);
--> statement-breakpoint
CREATE TABLE "wish_events" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"wish_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"note" text,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "wish_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "wishes" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"photo_file_id" uuid,
	"estimated_value_fen" integer,
	"region_code" text NOT NULL,
	"beneficiary_user_id" uuid,
	"beneficiary_name" text NOT NULL,
	"beneficiary_phone" text,
	"beneficiary_group" text DEFAULT 'other' NOT NULL,
	"address" text NOT NULL,
	"channel" text NOT NULL,
	"consent_at" timestamp with time zone,
	"placed_by" uuid,
	"placed_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reject_reason" text,
	"claimer_user_id" uuid,
	"claimer_organisation_id" uuid,
	"claimed_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"delivery_note" text,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"thanks" text,
	"thanked_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"expired_at" timestamp with time zone,
	"synthetic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wishes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "academy_attempts" ADD CONSTRAINT "academy_attempts_tenant_id_course_id_academy_courses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","course_id") REFERENCES "public"."academy_courses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_attempts" ADD CONSTRAINT "academy_attempts_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_courses" ADD CONSTRAINT "academy_courses_tenant_id_partner_id_academy_partners_tenant_id_id_fk" FOREIGN KEY ("tenant_id","partner_id") REFERENCES "public"."academy_partners"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_courses" ADD CONSTRAINT "academy_courses_tenant_id_qualification_code_skills_tenant_id_code_fk" FOREIGN KEY ("tenant_id","qualification_code") REFERENCES "public"."skills"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_enrolments" ADD CONSTRAINT "academy_enrolments_tenant_id_session_id_academy_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."academy_sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_enrolments" ADD CONSTRAINT "academy_enrolments_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_qualifications" ADD CONSTRAINT "academy_qualifications_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_qualifications" ADD CONSTRAINT "academy_qualifications_tenant_id_skill_code_skills_tenant_id_code_fk" FOREIGN KEY ("tenant_id","skill_code") REFERENCES "public"."skills"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_qualifications" ADD CONSTRAINT "academy_qualifications_tenant_id_partner_id_academy_partners_tenant_id_id_fk" FOREIGN KEY ("tenant_id","partner_id") REFERENCES "public"."academy_partners"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_questions" ADD CONSTRAINT "academy_questions_tenant_id_course_id_academy_courses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","course_id") REFERENCES "public"."academy_courses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD CONSTRAINT "academy_sessions_tenant_id_course_id_academy_courses_tenant_id_id_fk" FOREIGN KEY ("tenant_id","course_id") REFERENCES "public"."academy_courses"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_training_records" ADD CONSTRAINT "academy_training_records_tenant_id_session_id_academy_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."academy_sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_training_records" ADD CONSTRAINT "academy_training_records_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_adjustments" ADD CONSTRAINT "points_adjustments_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_earnings" ADD CONSTRAINT "points_earnings_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_settings" ADD CONSTRAINT "points_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_donations" ADD CONSTRAINT "store_donations_tenant_id_goods_id_store_goods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goods_id") REFERENCES "public"."store_goods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_donations" ADD CONSTRAINT "store_donations_tenant_id_merchant_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","merchant_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_goods" ADD CONSTRAINT "store_goods_tenant_id_site_id_sites_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_goods" ADD CONSTRAINT "store_goods_tenant_id_merchant_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","merchant_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_redemptions" ADD CONSTRAINT "store_redemptions_tenant_id_site_id_sites_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_redemptions" ADD CONSTRAINT "store_redemptions_tenant_id_goods_id_store_goods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goods_id") REFERENCES "public"."store_goods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_redemptions" ADD CONSTRAINT "store_redemptions_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_stock_movements" ADD CONSTRAINT "store_stock_movements_tenant_id_goods_id_store_goods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goods_id") REFERENCES "public"."store_goods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wish_events" ADD CONSTRAINT "wish_events_tenant_id_wish_id_wishes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","wish_id") REFERENCES "public"."wishes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_tenant_id_beneficiary_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","beneficiary_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_tenant_id_claimer_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","claimer_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_tenant_id_claimer_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","claimer_organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "academy_attempts_no_uq" ON "academy_attempts" USING btree ("tenant_id","course_id","user_id","attempt_no");--> statement-breakpoint
CREATE INDEX "academy_courses_category_idx" ON "academy_courses" USING btree ("tenant_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_enrolments_live_uq" ON "academy_enrolments" USING btree ("tenant_id","session_id","user_id") WHERE "academy_enrolments"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "academy_enrolments_user_idx" ON "academy_enrolments" USING btree ("tenant_id","user_id","course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_partners_name_uq" ON "academy_partners" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_qualifications_attempt_uq" ON "academy_qualifications" USING btree ("tenant_id","attempt_id");--> statement-breakpoint
CREATE INDEX "academy_qualifications_user_idx" ON "academy_qualifications" USING btree ("tenant_id","user_id","skill_code");--> statement-breakpoint
CREATE INDEX "academy_qualifications_expiry_idx" ON "academy_qualifications" USING btree ("tenant_id","expires_at");--> statement-breakpoint
CREATE INDEX "academy_qualifications_status_idx" ON "academy_qualifications" USING btree ("tenant_id","status","region_code");--> statement-breakpoint
CREATE INDEX "academy_questions_course_idx" ON "academy_questions" USING btree ("tenant_id","course_id");--> statement-breakpoint
CREATE INDEX "academy_sessions_course_idx" ON "academy_sessions" USING btree ("tenant_id","course_id","starts_at");--> statement-breakpoint
CREATE INDEX "academy_sessions_starts_idx" ON "academy_sessions" USING btree ("tenant_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_training_records_uq" ON "academy_training_records" USING btree ("tenant_id","session_id","user_id");--> statement-breakpoint
CREATE INDEX "points_adjustments_region_idx" ON "points_adjustments" USING btree ("tenant_id","region_code" text_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "points_earnings_record_idx" ON "points_earnings" USING btree ("tenant_id","service_record_id");--> statement-breakpoint
CREATE INDEX "store_code_failures_idx" ON "store_code_failures" USING btree ("tenant_id","user_id","at");--> statement-breakpoint
CREATE INDEX "store_donations_merchant_idx" ON "store_donations" USING btree ("tenant_id","merchant_id","donated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "store_goods_name_uq" ON "store_goods" USING btree ("tenant_id","site_id","name");--> statement-breakpoint
CREATE INDEX "store_goods_merchant_idx" ON "store_goods" USING btree ("tenant_id","merchant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "store_redemptions_open_code_uq" ON "store_redemptions" USING btree ("tenant_id","site_id","pickup_code") WHERE "store_redemptions"."status" = 'reserved';--> statement-breakpoint
CREATE UNIQUE INDEX "store_redemptions_request_uq" ON "store_redemptions" USING btree ("tenant_id","user_id","request_key");--> statement-breakpoint
CREATE INDEX "store_redemptions_user_idx" ON "store_redemptions" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "store_redemptions_limit_idx" ON "store_redemptions" USING btree ("tenant_id","goods_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "store_redemptions_site_idx" ON "store_redemptions" USING btree ("tenant_id","site_id","status","closed_at");--> statement-breakpoint
CREATE INDEX "store_redemptions_due_idx" ON "store_redemptions" USING btree ("tenant_id","expires_at") WHERE "store_redemptions"."status" = 'reserved';--> statement-breakpoint
CREATE INDEX "store_stock_movements_goods_idx" ON "store_stock_movements" USING btree ("tenant_id","goods_id","at");--> statement-breakpoint
CREATE INDEX "wish_events_wish_idx" ON "wish_events" USING btree ("tenant_id","wish_id","at");--> statement-breakpoint
CREATE INDEX "wishes_region_idx" ON "wishes" USING btree ("tenant_id","region_code" text_pattern_ops,"placed_at");--> statement-breakpoint
CREATE INDEX "wishes_wall_idx" ON "wishes" USING btree ("tenant_id","state","placed_at");--> statement-breakpoint
CREATE INDEX "wishes_beneficiary_idx" ON "wishes" USING btree ("tenant_id","beneficiary_user_id","placed_at");--> statement-breakpoint
CREATE INDEX "wishes_placed_by_idx" ON "wishes" USING btree ("tenant_id","placed_by","placed_at");--> statement-breakpoint
CREATE INDEX "wishes_claimer_idx" ON "wishes" USING btree ("tenant_id","claimer_user_id","placed_at");--> statement-breakpoint
CREATE INDEX "wishes_claimer_org_idx" ON "wishes" USING btree ("tenant_id","claimer_organisation_id","placed_at");--> statement-breakpoint
CREATE INDEX "wishes_deadline_idx" ON "wishes" USING btree ("tenant_id","deadline") WHERE state in ('submitted', 'approved');