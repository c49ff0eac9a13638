CREATE TABLE "volunteer_guardian_consents" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"volunteer_id" uuid NOT NULL,
	"guardian_name" text NOT NULL,
	"guardian_phone_sealed" text NOT NULL,
	"relation" text NOT NULL,
	"channel" text NOT NULL,
	"recorded_by" uuid,
	"consented_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "volunteer_guardian_consents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "volunteer_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"adult_age" smallint DEFAULT 18 NOT NULL,
	"min_age_on_own" smallint DEFAULT 8 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "volunteer_guardian_consents" ADD CONSTRAINT "volunteer_guardian_consents_tenant_id_volunteer_id_volunteers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_id") REFERENCES "public"."volunteers"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_settings" ADD CONSTRAINT "volunteer_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "volunteer_guardian_consents_volunteer_idx" ON "volunteer_guardian_consents" USING btree ("tenant_id","volunteer_id","consented_at");