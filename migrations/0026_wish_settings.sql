CREATE TABLE "wish_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"person_claim_limit" smallint DEFAULT 3 NOT NULL,
	"organisation_claim_limit" smallint DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wish_settings" ADD CONSTRAINT "wish_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;