CREATE TABLE "hours_corrections" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"service_record_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"minutes" integer NOT NULL,
	"reason" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"new_record_id" uuid,
	CONSTRAINT "hours_corrections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "hours_corrections_minutes_check" CHECK ("hours_corrections"."minutes" >= 0 and "hours_corrections"."minutes" <= 1440)
);
--> statement-breakpoint
CREATE TABLE "hours_events" (
	"tenant_id" text NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "hours_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"service_record_id" uuid NOT NULL,
	"volunteer_user_id" uuid NOT NULL,
	"minutes" integer NOT NULL,
	"ledger_transaction_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hours_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "hours_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"star_thresholds_hours" integer[] DEFAULT '{100,300,600,1000,1500}' NOT NULL,
	"rounding_unit_minutes" integer DEFAULT 1 NOT NULL,
	"rounding_mode" text DEFAULT 'down' NOT NULL,
	"minimum_minutes" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_records" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_user_id" uuid NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"region_code" text NOT NULL,
	"organisation_id" uuid,
	"content" text NOT NULL,
	"minutes" integer NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"ledger_transaction_id" uuid,
	"corrects_id" uuid,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "service_records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "service_records_minutes_check" CHECK ("service_records"."minutes" >= 0 and "service_records"."minutes" <= 1440)
);
--> statement-breakpoint
ALTER TABLE "hours_corrections" ADD CONSTRAINT "hours_corrections_tenant_id_service_record_id_service_records_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_record_id") REFERENCES "public"."service_records"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hours_events" ADD CONSTRAINT "hours_events_tenant_id_service_record_id_service_records_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_record_id") REFERENCES "public"."service_records"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hours_settings" ADD CONSTRAINT "hours_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_tenant_id_volunteer_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_records" ADD CONSTRAINT "service_records_corrects_fk" FOREIGN KEY ("tenant_id","corrects_id") REFERENCES "public"."service_records"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hours_corrections_open_uq" ON "hours_corrections" USING btree ("tenant_id","service_record_id") WHERE state = 'pending';--> statement-breakpoint
CREATE INDEX "hours_corrections_region_idx" ON "hours_corrections" USING btree ("tenant_id","region_code" text_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "hours_events_volunteer_idx" ON "hours_events" USING btree ("tenant_id","volunteer_user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "service_records_source_uq" ON "service_records" USING btree ("tenant_id","source_type","source_id") WHERE corrects_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "service_records_corrects_uq" ON "service_records" USING btree ("tenant_id","corrects_id");--> statement-breakpoint
CREATE INDEX "service_records_volunteer_idx" ON "service_records" USING btree ("tenant_id","volunteer_user_id","recorded_at");--> statement-breakpoint
CREATE INDEX "service_records_region_idx" ON "service_records" USING btree ("tenant_id","region_code" text_pattern_ops,"status");