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
ALTER TABLE "wish_events" ADD CONSTRAINT "wish_events_tenant_id_wish_id_wishes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","wish_id") REFERENCES "public"."wishes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_tenant_id_beneficiary_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","beneficiary_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_tenant_id_claimer_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","claimer_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wishes" ADD CONSTRAINT "wishes_tenant_id_claimer_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","claimer_organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wish_events_wish_idx" ON "wish_events" USING btree ("tenant_id","wish_id","at");--> statement-breakpoint
CREATE INDEX "wishes_region_idx" ON "wishes" USING btree ("tenant_id","region_code" text_pattern_ops,"placed_at");--> statement-breakpoint
CREATE INDEX "wishes_wall_idx" ON "wishes" USING btree ("tenant_id","state","placed_at");--> statement-breakpoint
CREATE INDEX "wishes_beneficiary_idx" ON "wishes" USING btree ("tenant_id","beneficiary_user_id","placed_at");--> statement-breakpoint
CREATE INDEX "wishes_placed_by_idx" ON "wishes" USING btree ("tenant_id","placed_by","placed_at");--> statement-breakpoint
CREATE INDEX "wishes_claimer_idx" ON "wishes" USING btree ("tenant_id","claimer_user_id","placed_at");--> statement-breakpoint
CREATE INDEX "wishes_claimer_org_idx" ON "wishes" USING btree ("tenant_id","claimer_organisation_id","placed_at");--> statement-breakpoint
CREATE INDEX "wishes_deadline_idx" ON "wishes" USING btree ("tenant_id","deadline") WHERE state in ('submitted', 'approved');