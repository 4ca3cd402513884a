CREATE TABLE "deviation_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"parent_id" uuid,
	"key" text NOT NULL,
	"name" jsonb NOT NULL,
	"help" jsonb,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"patient_related" boolean DEFAULT false NOT NULL,
	"handling_days" integer DEFAULT 30 NOT NULL,
	"companion_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deviation_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" jsonb NOT NULL,
	"help" jsonb,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deviation_ladder_steps" (
	"category_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"body_id" uuid NOT NULL,
	CONSTRAINT "deviation_ladder_steps_category_id_position_pk" PRIMARY KEY("category_id","position")
);
--> statement-breakpoint
ALTER TABLE "deviation_categories" ADD CONSTRAINT "deviation_categories_entry_id_deviation_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."deviation_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_categories" ADD CONSTRAINT "deviation_categories_parent_id_deviation_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."deviation_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_categories" ADD CONSTRAINT "deviation_categories_companion_entry_id_deviation_entries_id_fk" FOREIGN KEY ("companion_entry_id") REFERENCES "public"."deviation_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_entries" ADD CONSTRAINT "deviation_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_ladder_steps" ADD CONSTRAINT "deviation_ladder_steps_category_id_deviation_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."deviation_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_ladder_steps" ADD CONSTRAINT "deviation_ladder_steps_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deviation_categories_key_idx" ON "deviation_categories" USING btree ("entry_id","key");--> statement-breakpoint
CREATE INDEX "deviation_categories_parent_idx" ON "deviation_categories" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deviation_entries_key_idx" ON "deviation_entries" USING btree ("organisation_id","key");