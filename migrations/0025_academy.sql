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
CREATE UNIQUE INDEX "academy_training_records_uq" ON "academy_training_records" USING btree ("tenant_id","session_id","user_id");