CREATE TABLE "evaluation_assignments" (
	"tenant_id" text NOT NULL,
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"judge_user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_assignments_tenant_id_round_id_project_id_judge_user_id_pk" PRIMARY KEY("tenant_id","round_id","project_id","judge_user_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_awards" (
	"tenant_id" text NOT NULL,
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"honour" text NOT NULL,
	"funding_fen" integer NOT NULL,
	"awarded_by" uuid,
	"awarded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_awards_tenant_id_round_id_project_id_pk" PRIMARY KEY("tenant_id","round_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_criteria" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"name" text NOT NULL,
	"weight" smallint NOT NULL,
	"max_score" smallint NOT NULL,
	"metric" text,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "evaluation_criteria_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"tenant_id" text NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"level" text NOT NULL,
	"year" smallint NOT NULL,
	"region_code" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"budget_fen" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "evaluation_rounds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"tenant_id" text NOT NULL,
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"judge_user_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_scores_tenant_id_round_id_project_id_judge_user_id_criterion_id_pk" PRIMARY KEY("tenant_id","round_id","project_id","judge_user_id","criterion_id")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "check_in_note" text;--> statement-breakpoint
ALTER TABLE "skills" ADD COLUMN "qualification" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_assignments" ADD CONSTRAINT "evaluation_assignments_tenant_id_round_id_evaluation_rounds_tenant_id_id_fk" FOREIGN KEY ("tenant_id","round_id") REFERENCES "public"."evaluation_rounds"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_assignments" ADD CONSTRAINT "evaluation_assignments_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_assignments" ADD CONSTRAINT "evaluation_assignments_tenant_id_judge_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","judge_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD CONSTRAINT "evaluation_awards_tenant_id_round_id_evaluation_rounds_tenant_id_id_fk" FOREIGN KEY ("tenant_id","round_id") REFERENCES "public"."evaluation_rounds"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_awards" ADD CONSTRAINT "evaluation_awards_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_criteria" ADD CONSTRAINT "evaluation_criteria_tenant_id_round_id_evaluation_rounds_tenant_id_id_fk" FOREIGN KEY ("tenant_id","round_id") REFERENCES "public"."evaluation_rounds"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_tenant_id_region_code_regions_tenant_id_code_fk" FOREIGN KEY ("tenant_id","region_code") REFERENCES "public"."regions"("tenant_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_tenant_id_round_id_project_id_judge_user_id_evaluation_assignments_tenant_id_round_id_project_id_judge_user_id_fk" FOREIGN KEY ("tenant_id","round_id","project_id","judge_user_id") REFERENCES "public"."evaluation_assignments"("tenant_id","round_id","project_id","judge_user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_tenant_id_criterion_id_evaluation_criteria_tenant_id_id_fk" FOREIGN KEY ("tenant_id","criterion_id") REFERENCES "public"."evaluation_criteria"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_assignments_judge_idx" ON "evaluation_assignments" USING btree ("tenant_id","judge_user_id","round_id");--> statement-breakpoint
CREATE INDEX "evaluation_criteria_round_idx" ON "evaluation_criteria" USING btree ("tenant_id","round_id","sort_order");--> statement-breakpoint
CREATE INDEX "evaluation_rounds_year_idx" ON "evaluation_rounds" USING btree ("tenant_id","year","created_at");--> statement-breakpoint
-- 急救 (the demo academy's qualification) is held only through a valid qualification.
UPDATE "skills" SET "qualification" = true WHERE "code" = 'first_aid';
