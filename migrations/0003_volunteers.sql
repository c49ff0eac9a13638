CREATE TABLE "password_resets" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "password_resets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "phone_change_requests" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"new_phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "phone_change_requests_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "skills" (
	"tenant_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "skills_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "volunteer_availability" (
	"tenant_id" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_minute" smallint NOT NULL,
	"end_minute" smallint NOT NULL,
	CONSTRAINT "volunteer_availability_tenant_id_volunteer_id_weekday_start_minute_pk" PRIMARY KEY("tenant_id","volunteer_id","weekday","start_minute")
);
--> statement-breakpoint
CREATE TABLE "volunteer_consents" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"version" text NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"channel" text NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "volunteer_consents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_number_sequences" (
	"tenant_id" text NOT NULL,
	"prefix" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "volunteer_number_sequences_tenant_id_prefix_year_pk" PRIMARY KEY("tenant_id","prefix","year")
);
--> statement-breakpoint
CREATE TABLE "volunteer_service_areas" (
	"tenant_id" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "volunteer_service_areas_tenant_id_volunteer_id_region_code_pk" PRIMARY KEY("tenant_id","volunteer_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "volunteer_skills" (
	"tenant_id" text NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"skill_code" text NOT NULL,
	CONSTRAINT "volunteer_skills_tenant_id_volunteer_id_skill_code_pk" PRIMARY KEY("tenant_id","volunteer_id","skill_code")
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"number" text NOT NULL,
	"name" text NOT NULL,
	"id_number_sealed" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" text NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"registered_via" text NOT NULL,
	"registered_by" uuid,
	"address" text,
	"intro" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"tenant_id" text NOT NULL,
	"id" bigserial NOT NULL,
	"phone" text NOT NULL,
	"template" text NOT NULL,
	"params" jsonb NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_outbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "password_resets" ADD CONSTRAINT "password_resets_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_change_requests" ADD CONSTRAINT "phone_change_requests_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skills" ADD CONSTRAINT "skills_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_availability" ADD CONSTRAINT "volunteer_availability_tenant_id_volunteer_id_volunteers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_consents" ADD CONSTRAINT "volunteer_consents_tenant_id_volunteer_id_volunteers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_number_sequences" ADD CONSTRAINT "volunteer_number_sequences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_service_areas" ADD CONSTRAINT "volunteer_service_areas_tenant_id_volunteer_id_volunteers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_service_areas" ADD CONSTRAINT "volunteer_service_areas_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_skills" ADD CONSTRAINT "volunteer_skills_tenant_id_volunteer_id_volunteers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_skills" ADD CONSTRAINT "volunteer_skills_tenant_id_skill_code_skills_tenant_id_code_fk" FOREIGN KEY ("tenant_id","skill_code") REFERENCES "public"."skills"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD CONSTRAINT "sms_outbox_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "password_resets_user_idx" ON "password_resets" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "phone_change_requests_user_idx" ON "phone_change_requests" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "volunteer_consents_volunteer_idx" ON "volunteer_consents" USING btree ("tenant_id","volunteer_id","accepted_at");--> statement-breakpoint
CREATE INDEX "volunteer_service_areas_region_idx" ON "volunteer_service_areas" USING btree ("tenant_id","region_code");--> statement-breakpoint
CREATE INDEX "volunteer_skills_skill_idx" ON "volunteer_skills" USING btree ("tenant_id","skill_code");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_user_uq" ON "volunteers" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_number_uq" ON "volunteers" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_id_hash_uq" ON "volunteers" USING btree ("tenant_id","id_number_hash");--> statement-breakpoint
CREATE INDEX "volunteers_region_idx" ON "volunteers" USING btree ("tenant_id","region_code");--> statement-breakpoint
CREATE INDEX "sms_outbox_phone_idx" ON "sms_outbox" USING btree ("tenant_id","phone");