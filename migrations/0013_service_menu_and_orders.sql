CREATE TABLE "order_events" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"note" text,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "order_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"review_limit_minutes" integer DEFAULT 120 NOT NULL,
	"accept_limit_minutes" integer DEFAULT 60 NOT NULL,
	"urgent_factor_percent" integer DEFAULT 50 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"menu_item_id" uuid,
	"category_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"required_skills" text[] DEFAULT '{}' NOT NULL,
	"region_code" text NOT NULL,
	"handler_region_code" text NOT NULL,
	"address" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"photo_file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"resident_user_id" uuid,
	"contact_name" text NOT NULL,
	"contact_phone" text,
	"channel" text NOT NULL,
	"placed_by" uuid,
	"placed_at" timestamp with time zone NOT NULL,
	"review_due_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reject_reason" text,
	"target_kind" text,
	"target_user_id" uuid,
	"target_organisation_id" uuid,
	"target_region_code" text,
	"dispatched_by" uuid,
	"dispatched_at" timestamp with time zone,
	"accept_due_at" timestamp with time zone,
	"volunteer_user_id" uuid,
	"organisation_id" uuid,
	"accepted_at" timestamp with time zone,
	"check_in_at" timestamp with time zone,
	"check_in_lng" double precision,
	"check_in_lat" double precision,
	"check_in_distance_m" integer,
	"completed_at" timestamp with time zone,
	"summary" text,
	"completion_photo_file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"stars" smallint,
	"comment" text,
	"rated_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"escalations" smallint DEFAULT 0 NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "menu_items" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"category_code" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"provider_kind" text NOT NULL,
	"organisation_id" uuid,
	"project_name" text,
	"region_code" text NOT NULL,
	"required_skills" text[] DEFAULT '{}' NOT NULL,
	"area_codes" text[] NOT NULL,
	"duration_minutes" integer NOT NULL,
	"capacity" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "menu_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "service_categories" (
	"tenant_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "service_categories_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
ALTER TABLE "order_events" ADD CONSTRAINT "order_events_tenant_id_order_id_orders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","order_id") REFERENCES "public"."orders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_settings" ADD CONSTRAINT "order_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_handler_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","handler_region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_menu_item_id_menu_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","menu_item_id") REFERENCES "public"."menu_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_category_code_service_categories_tenant_id_code_fk" FOREIGN KEY ("tenant_id","category_code") REFERENCES "public"."service_categories"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_resident_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","resident_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_volunteer_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","volunteer_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_target_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","target_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_target_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","target_organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "menu_items" ADD CONSTRAINT "menu_items_tenant_id_category_code_service_categories_tenant_id_code_fk" FOREIGN KEY ("tenant_id","category_code") REFERENCES "public"."service_categories"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "menu_items" ADD CONSTRAINT "menu_items_tenant_id_organisation_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","organisation_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "menu_items" ADD CONSTRAINT "menu_items_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_categories" ADD CONSTRAINT "service_categories_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_events_order_idx" ON "order_events" USING btree ("tenant_id","order_id","at");--> statement-breakpoint
CREATE INDEX "orders_number_idx" ON "orders" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "orders_region_idx" ON "orders" USING btree ("tenant_id","region_code" text_pattern_ops,"placed_at");--> statement-breakpoint
CREATE INDEX "orders_resident_idx" ON "orders" USING btree ("tenant_id","resident_user_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_placed_by_idx" ON "orders" USING btree ("tenant_id","placed_by","placed_at");--> statement-breakpoint
CREATE INDEX "orders_volunteer_idx" ON "orders" USING btree ("tenant_id","volunteer_user_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_target_user_idx" ON "orders" USING btree ("tenant_id","target_user_id") WHERE state = 'dispatched';--> statement-breakpoint
CREATE INDEX "orders_open_idx" ON "orders" USING btree ("tenant_id","state","target_kind");--> statement-breakpoint
CREATE INDEX "orders_review_due_idx" ON "orders" USING btree ("tenant_id","review_due_at") WHERE state = 'submitted';--> statement-breakpoint
CREATE INDEX "orders_accept_due_idx" ON "orders" USING btree ("tenant_id","accept_due_at") WHERE state = 'dispatched';--> statement-breakpoint
CREATE INDEX "menu_items_region_idx" ON "menu_items" USING btree ("tenant_id","region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "menu_items_browse_idx" ON "menu_items" USING btree ("tenant_id","category_code","created_at","id") WHERE active;--> statement-breakpoint
CREATE INDEX "menu_items_areas_idx" ON "menu_items" USING gin ("area_codes");