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
CREATE INDEX "charity_beneficiaries_region_idx" ON "charity_beneficiaries" USING btree ("tenant_id","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "charity_disbursements_fund_idx" ON "charity_disbursements" USING btree ("tenant_id","fund_id","requested_at");--> statement-breakpoint
CREATE INDEX "charity_events_region_idx" ON "charity_events" USING btree ("tenant_id","region_code" text_pattern_ops,"held_on");--> statement-breakpoint
CREATE INDEX "charity_sales_stall_idx" ON "charity_sales" USING btree ("tenant_id","stall_id","recorded_at");--> statement-breakpoint
CREATE INDEX "charity_sales_event_idx" ON "charity_sales" USING btree ("tenant_id","event_id","recorded_at");--> statement-breakpoint
CREATE INDEX "charity_stalls_event_idx" ON "charity_stalls" USING btree ("tenant_id","event_id");--> statement-breakpoint
CREATE INDEX "charity_stalls_keeper_idx" ON "charity_stalls" USING btree ("tenant_id","keeper_user_id");