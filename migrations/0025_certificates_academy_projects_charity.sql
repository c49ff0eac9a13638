CREATE TABLE "charity_beneficiaries" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name_sealed" text NOT NULL,
	"masked_name" text NOT NULL,
	"phone_sealed" text,
	"situation" text DEFAULT '' NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"registered_by" uuid,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charity_beneficiaries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "charity_disbursements" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fund_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"event_id" uuid,
	"region_code" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"purpose" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_approver_id" uuid,
	"first_approved_at" timestamp with time zone,
	"second_approver_id" uuid,
	"second_approved_at" timestamp with time zone,
	"rejected_by" uuid,
	"reject_reason" text,
	"payment_ref" text,
	"paid_by" uuid,
	"paid_at" timestamp with time zone,
	"transaction_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "charity_disbursements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "charity_disbursements_amount_check" CHECK ("charity_disbursements"."amount_fen" > 0),
	CONSTRAINT "charity_disbursements_two_approvers_check" CHECK ("charity_disbursements"."second_approver_id" is null or "charity_disbursements"."second_approver_id" <> "charity_disbursements"."first_approver_id"),
	CONSTRAINT "charity_disbursements_paid_check" CHECK ("charity_disbursements"."state" <> 'paid' or ("charity_disbursements"."second_approver_id" is not null and "charity_disbursements"."payment_ref" is not null))
);
--> statement-breakpoint
CREATE TABLE "charity_events" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"region_code" text NOT NULL,
	"site_id" uuid,
	"address" text DEFAULT '' NOT NULL,
	"organiser_user_id" uuid NOT NULL,
	"fund_id" uuid NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"counted_cash_fen" bigint,
	"recorded_cash_fen" bigint,
	"reconcile_note" text,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"reported_at" timestamp with time zone,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charity_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "charity_funds" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charity_funds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "charity_funds_name_unique" UNIQUE("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "charity_sales" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"stall_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"method" text NOT NULL,
	"payment_ref" text,
	"item" text,
	"client_key" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "charity_sales_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "charity_sales_client_key_unique" UNIQUE("tenant_id","client_key"),
	CONSTRAINT "charity_sales_amount_check" CHECK ("charity_sales"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "charity_stalls" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"holder_kind" text NOT NULL,
	"holder_name" text NOT NULL,
	"category" text NOT NULL,
	"category_label" text,
	"keeper_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charity_stalls_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "certificate_sequences" (
	"tenant_id" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "certificate_sequences_tenant_id_year_pk" PRIMARY KEY("tenant_id","year")
);
--> statement-breakpoint
CREATE TABLE "brand_series" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"brand_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "brand_series_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "brands" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"logo_file_id" uuid,
	"organisation_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "brands_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "project_activities" (
	"tenant_id" text NOT NULL,
	"project_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	CONSTRAINT "project_activities_tenant_id_project_id_activity_id_pk" PRIMARY KEY("tenant_id","project_id","activity_id")
);
--> statement-breakpoint
CREATE TABLE "project_calls" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"level" text NOT NULL,
	"region_code" text NOT NULL,
	"year" smallint NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"eligible_kinds" text[] DEFAULT '{}' NOT NULL,
	"required_fields" text[] DEFAULT '{}' NOT NULL,
	"required_attachments" text[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "project_calls_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "project_menu_items" (
	"tenant_id" text NOT NULL,
	"project_id" uuid NOT NULL,
	"menu_item_id" uuid NOT NULL,
	CONSTRAINT "project_menu_items_tenant_id_project_id_menu_item_id_pk" PRIMARY KEY("tenant_id","project_id","menu_item_id")
);
--> statement-breakpoint
CREATE TABLE "project_reviews" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"region_code" text,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"comment" text,
	"actor_user_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "project_reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"brand_id" uuid,
	"series_id" uuid,
	"category" text NOT NULL,
	"objectives" text DEFAULT '' NOT NULL,
	"beneficiaries" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"regions_served" text[] DEFAULT '{}' NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"budget_fen" integer,
	"expected_outputs" text DEFAULT '' NOT NULL,
	"year" smallint NOT NULL,
	"level" text NOT NULL,
	"region_code" text NOT NULL,
	"review_region_code" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"synthetic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "academy_courses" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "charity_beneficiaries" ADD CONSTRAINT "charity_beneficiaries_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_disbursements" ADD CONSTRAINT "charity_disbursements_tenant_id_fund_id_charity_funds_tenant_id_id_fk" FOREIGN KEY ("tenant_id","fund_id") REFERENCES "public"."charity_funds"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_disbursements" ADD CONSTRAINT "charity_disbursements_tenant_id_beneficiary_id_charity_beneficiaries_tenant_id_id_fk" FOREIGN KEY ("tenant_id","beneficiary_id") REFERENCES "public"."charity_beneficiaries"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_disbursements" ADD CONSTRAINT "charity_disbursements_tenant_id_event_id_charity_events_tenant_id_id_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."charity_events"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_events" ADD CONSTRAINT "charity_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_events" ADD CONSTRAINT "charity_events_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_events" ADD CONSTRAINT "charity_events_tenant_id_site_id_sites_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_events" ADD CONSTRAINT "charity_events_tenant_id_organiser_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organiser_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_events" ADD CONSTRAINT "charity_events_tenant_id_fund_id_charity_funds_tenant_id_id_fk" FOREIGN KEY ("tenant_id","fund_id") REFERENCES "public"."charity_funds"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_funds" ADD CONSTRAINT "charity_funds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_funds" ADD CONSTRAINT "charity_funds_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_sales" ADD CONSTRAINT "charity_sales_tenant_id_stall_id_charity_stalls_tenant_id_id_fk" FOREIGN KEY ("tenant_id","stall_id") REFERENCES "public"."charity_stalls"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_sales" ADD CONSTRAINT "charity_sales_tenant_id_event_id_charity_events_tenant_id_id_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."charity_events"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_sales" ADD CONSTRAINT "charity_sales_tenant_id_recorded_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","recorded_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_stalls" ADD CONSTRAINT "charity_stalls_tenant_id_event_id_charity_events_tenant_id_id_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."charity_events"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charity_stalls" ADD CONSTRAINT "charity_stalls_tenant_id_keeper_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","keeper_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificate_sequences" ADD CONSTRAINT "certificate_sequences_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brand_series" ADD CONSTRAINT "brand_series_tenant_id_brand_id_brands_tenant_id_id_fk" FOREIGN KEY ("tenant_id","brand_id") REFERENCES "public"."brands"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brands" ADD CONSTRAINT "brands_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brands" ADD CONSTRAINT "brands_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "brands" ADD CONSTRAINT "brands_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_activities" ADD CONSTRAINT "project_activities_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_calls" ADD CONSTRAINT "project_calls_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_calls" ADD CONSTRAINT "project_calls_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_menu_items" ADD CONSTRAINT "project_menu_items_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_menu_items" ADD CONSTRAINT "project_menu_items_tenant_id_menu_item_id_menu_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","menu_item_id") REFERENCES "public"."menu_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reviews" ADD CONSTRAINT "project_reviews_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_call_id_project_calls_tenant_id_id_fk" FOREIGN KEY ("tenant_id","call_id") REFERENCES "public"."project_calls"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_brand_id_brands_tenant_id_id_fk" FOREIGN KEY ("tenant_id","brand_id") REFERENCES "public"."brands"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_series_id_brand_series_tenant_id_id_fk" FOREIGN KEY ("tenant_id","series_id") REFERENCES "public"."brand_series"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "charity_beneficiaries_region_idx" ON "charity_beneficiaries" USING btree ("tenant_id","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "charity_disbursements_fund_idx" ON "charity_disbursements" USING btree ("tenant_id","fund_id","requested_at");--> statement-breakpoint
CREATE INDEX "charity_events_region_idx" ON "charity_events" USING btree ("tenant_id","region_code" text_pattern_ops,"held_on");--> statement-breakpoint
CREATE INDEX "charity_sales_stall_idx" ON "charity_sales" USING btree ("tenant_id","stall_id","recorded_at");--> statement-breakpoint
CREATE INDEX "charity_sales_event_idx" ON "charity_sales" USING btree ("tenant_id","event_id","recorded_at");--> statement-breakpoint
CREATE INDEX "charity_stalls_event_idx" ON "charity_stalls" USING btree ("tenant_id","event_id");--> statement-breakpoint
CREATE INDEX "charity_stalls_keeper_idx" ON "charity_stalls" USING btree ("tenant_id","keeper_user_id");--> statement-breakpoint
CREATE INDEX "brand_series_brand_idx" ON "brand_series" USING btree ("tenant_id","brand_id","sort_order");--> statement-breakpoint
CREATE INDEX "brands_name_idx" ON "brands" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "project_calls_window_idx" ON "project_calls" USING btree ("tenant_id","closes_at");--> statement-breakpoint
CREATE INDEX "project_reviews_project_idx" ON "project_reviews" USING btree ("tenant_id","project_id","at");--> statement-breakpoint
CREATE INDEX "projects_region_idx" ON "projects" USING btree ("tenant_id","region_code" text_pattern_ops,"updated_at");--> statement-breakpoint
CREATE INDEX "projects_review_idx" ON "projects" USING btree ("tenant_id","review_region_code") WHERE state = 'submitted';--> statement-breakpoint
CREATE INDEX "projects_library_idx" ON "projects" USING btree ("tenant_id","state","year","name","id");--> statement-breakpoint
CREATE INDEX "projects_org_idx" ON "projects" USING btree ("tenant_id","organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "projects_brand_idx" ON "projects" USING btree ("tenant_id","brand_id");