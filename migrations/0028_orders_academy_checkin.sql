ALTER TABLE "academy_enrolments" ADD COLUMN "checked_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "academy_enrolments" ADD COLUMN "check_in_distance_m" integer;--> statement-breakpoint
ALTER TABLE "academy_enrolments" ADD COLUMN "checked_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD COLUMN "lng" double precision;--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD COLUMN "radius_m" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "check_in_accuracy_m" integer;--> statement-breakpoint
ALTER TABLE "academy_sessions" ADD CONSTRAINT "academy_sessions_point_ck" CHECK (("academy_sessions"."lng" is null and "academy_sessions"."lat" is null and "academy_sessions"."radius_m" is null) or ("academy_sessions"."lng" is not null and "academy_sessions"."lat" is not null and "academy_sessions"."radius_m" > 0));