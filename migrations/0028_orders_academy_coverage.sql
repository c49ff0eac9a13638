CREATE TABLE "coverage_candidates" (
	"id" bigserial NOT NULL,
	"tenant_id" text NOT NULL,
	"region_code" text NOT NULL,
	"name" text,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coverage_candidates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "academy_enrolments" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "academy_enrolments" ADD COLUMN "check_in_distance_m" integer;--> statement-breakpoint
ALTER TABLE "academy_enrolments" ADD COLUMN "checked_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD COLUMN "lng" double precision;--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD COLUMN "radius_m" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "check_in_accuracy_m" integer;--> statement-breakpoint
ALTER TABLE "coverage_candidates" ADD CONSTRAINT "coverage_candidates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coverage_candidates_region_idx" ON "coverage_candidates" USING btree ("tenant_id","region_code");--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD CONSTRAINT "academy_sessions_point_ck" CHECK (("academy_sessions"."lng" is null and "academy_sessions"."lat" is null and "academy_sessions"."radius_m" is null) or ("academy_sessions"."lng" is not null and "academy_sessions"."lat" is not null and "academy_sessions"."radius_m" > 0));