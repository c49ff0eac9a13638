CREATE TABLE "activity_code_attempts" (
	"tenant_id" text NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_code_attempts_tenant_id_session_id_user_id_pk" PRIMARY KEY("tenant_id","session_id","user_id"),
	CONSTRAINT "activity_code_attempts_failures_ck" CHECK ("activity_code_attempts"."failures" >= 0 and "activity_code_attempts"."failures" <= 5)
);
--> statement-breakpoint
ALTER TABLE "service_records" ADD COLUMN "rejected_by" uuid;--> statement-breakpoint
ALTER TABLE "service_records" ADD COLUMN "rejected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_records" ADD COLUMN "reject_reason" text;--> statement-breakpoint
ALTER TABLE "activity_code_attempts" ADD CONSTRAINT "activity_code_attempts_tenant_id_session_id_activity_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."activity_sessions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_code_attempts" ADD CONSTRAINT "activity_code_attempts_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;