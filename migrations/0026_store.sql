CREATE TABLE "store_code_failures" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_code_failures_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "store_donations" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"goods_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"merchant_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"donated_on" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "store_donations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "store_donations_quantity_ck" CHECK ("store_donations"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "store_goods" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"photo_file_id" uuid,
	"price_points" integer NOT NULL,
	"stock" integer DEFAULT 0 NOT NULL,
	"limit_quantity" integer,
	"limit_period" text,
	"merchant_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_goods_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "store_goods_stock_ck" CHECK ("store_goods"."stock" >= 0),
	CONSTRAINT "store_goods_price_ck" CHECK ("store_goods"."price_points" > 0),
	CONSTRAINT "store_goods_limit_ck" CHECK (("store_goods"."limit_quantity" is null and "store_goods"."limit_period" is null) or ("store_goods"."limit_quantity" > 0 and "store_goods"."limit_period" is not null))
);
--> statement-breakpoint
CREATE TABLE "store_redemptions" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"goods_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"price_points" integer NOT NULL,
	"points" integer NOT NULL,
	"status" text DEFAULT 'reserved' NOT NULL,
	"pickup_code" text NOT NULL,
	"request_key" text,
	"hold_transaction_id" uuid,
	"settle_transaction_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "store_redemptions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "store_redemptions_ck" CHECK ("store_redemptions"."quantity" > 0 and "store_redemptions"."points" = "store_redemptions"."quantity" * "store_redemptions"."price_points")
);
--> statement-breakpoint
CREATE TABLE "store_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"pickup_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_stock_movements" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"goods_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"delta" integer NOT NULL,
	"stock_after" integer NOT NULL,
	"note" text,
	"donation_id" uuid,
	"redemption_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	CONSTRAINT "store_stock_movements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "store_stock_movements_ck" CHECK ("store_stock_movements"."delta" <> 0 and "store_stock_movements"."stock_after" >= 0)
);
--> statement-breakpoint
ALTER TABLE "store_donations" ADD CONSTRAINT "store_donations_tenant_id_goods_id_store_goods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goods_id") REFERENCES "public"."store_goods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_donations" ADD CONSTRAINT "store_donations_tenant_id_merchant_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","merchant_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_goods" ADD CONSTRAINT "store_goods_tenant_id_site_id_sites_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_goods" ADD CONSTRAINT "store_goods_tenant_id_merchant_id_organisations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","merchant_id") REFERENCES "public"."organisations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_redemptions" ADD CONSTRAINT "store_redemptions_tenant_id_site_id_sites_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_redemptions" ADD CONSTRAINT "store_redemptions_tenant_id_goods_id_store_goods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goods_id") REFERENCES "public"."store_goods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_redemptions" ADD CONSTRAINT "store_redemptions_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_settings" ADD CONSTRAINT "store_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_stock_movements" ADD CONSTRAINT "store_stock_movements_tenant_id_goods_id_store_goods_tenant_id_id_fk" FOREIGN KEY ("tenant_id","goods_id") REFERENCES "public"."store_goods"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "store_code_failures_idx" ON "store_code_failures" USING btree ("tenant_id","user_id","at");--> statement-breakpoint
CREATE INDEX "store_donations_merchant_idx" ON "store_donations" USING btree ("tenant_id","merchant_id","donated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "store_goods_name_uq" ON "store_goods" USING btree ("tenant_id","site_id","name");--> statement-breakpoint
CREATE INDEX "store_goods_merchant_idx" ON "store_goods" USING btree ("tenant_id","merchant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "store_redemptions_open_code_uq" ON "store_redemptions" USING btree ("tenant_id","site_id","pickup_code") WHERE "store_redemptions"."status" = 'reserved';--> statement-breakpoint
CREATE UNIQUE INDEX "store_redemptions_request_uq" ON "store_redemptions" USING btree ("tenant_id","user_id","request_key");--> statement-breakpoint
CREATE INDEX "store_redemptions_user_idx" ON "store_redemptions" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "store_redemptions_limit_idx" ON "store_redemptions" USING btree ("tenant_id","goods_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "store_redemptions_site_idx" ON "store_redemptions" USING btree ("tenant_id","site_id","status","closed_at");--> statement-breakpoint
CREATE INDEX "store_redemptions_due_idx" ON "store_redemptions" USING btree ("tenant_id","expires_at") WHERE "store_redemptions"."status" = 'reserved';--> statement-breakpoint
CREATE INDEX "store_stock_movements_goods_idx" ON "store_stock_movements" USING btree ("tenant_id","goods_id","at");