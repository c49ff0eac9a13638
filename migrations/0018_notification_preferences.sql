CREATE TABLE "notification_preferences" (
	"tenant_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"sms" boolean NOT NULL,
	"wechat" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_tenant_id_user_id_topic_pk" PRIMARY KEY("tenant_id","user_id","topic")
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;