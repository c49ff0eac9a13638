CREATE TABLE "site_staff" (
	"tenant_id" text NOT NULL,
	"site_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "site_staff_tenant_id_site_id_user_id_pk" PRIMARY KEY("tenant_id","site_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "book_loans" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"book_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"borrower_user_id" uuid,
	"borrower_name" text NOT NULL,
	"borrower_phone" text,
	"lent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"returned_at" timestamp with time zone,
	"lent_by" uuid,
	"returned_by" uuid,
	CONSTRAINT "book_loans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "drift_books" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"author" text,
	"isbn" text,
	"donor" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "drift_books_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "self_help_items" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '件' NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "self_help_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "self_help_items_quantity_ck" CHECK ("self_help_items"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "self_help_movements" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"delta" integer NOT NULL,
	"quantity_after" integer NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	CONSTRAINT "self_help_movements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "self_help_movements_delta_ck" CHECK ("self_help_movements"."delta" <> 0 and "self_help_movements"."quantity_after" >= 0)
);
--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "zones" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "sites" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "site_staff" ADD CONSTRAINT "site_staff_tenant_id_site_id_sites_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_staff" ADD CONSTRAINT "site_staff_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_loans" ADD CONSTRAINT "book_loans_tenant_id_book_id_drift_books_tenant_id_id_fk" FOREIGN KEY ("tenant_id","book_id") REFERENCES "public"."drift_books"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_loans" ADD CONSTRAINT "book_loans_tenant_id_site_id_sites_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_loans" ADD CONSTRAINT "book_loans_tenant_id_borrower_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","borrower_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drift_books" ADD CONSTRAINT "drift_books_tenant_id_site_id_sites_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_help_items" ADD CONSTRAINT "self_help_items_tenant_id_site_id_sites_tenant_id_id_fk" FOREIGN KEY ("tenant_id","site_id") REFERENCES "public"."sites"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_help_movements" ADD CONSTRAINT "self_help_movements_tenant_id_item_id_self_help_items_tenant_id_id_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."self_help_items"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "site_staff_user_idx" ON "site_staff" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "book_loans_open_uq" ON "book_loans" USING btree ("tenant_id","book_id") WHERE "book_loans"."returned_at" is null;--> statement-breakpoint
CREATE INDEX "book_loans_site_due_idx" ON "book_loans" USING btree ("tenant_id","site_id","due_at");--> statement-breakpoint
CREATE INDEX "drift_books_site_idx" ON "drift_books" USING btree ("tenant_id","site_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "self_help_items_name_uq" ON "self_help_items" USING btree ("tenant_id","site_id","name");--> statement-breakpoint
CREATE INDEX "self_help_movements_item_idx" ON "self_help_movements" USING btree ("tenant_id","item_id","at");