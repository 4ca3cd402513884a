CREATE TYPE "public"."deviation_action_status" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."deviation_body_purpose" AS ENUM('decision', 'learning');--> statement-breakpoint
CREATE TYPE "public"."contact_channel" AS ENUM('phone', 'email', 'meeting', 'letter', 'other');--> statement-breakpoint
CREATE TYPE "public"."deviation_status" AS ENUM('submitted', 'in_handling', 'escalated', 'resolved', 'closed');--> statement-breakpoint
CREATE TYPE "public"."patient_identifier_kind" AS ENUM('se_personnummer', 'se_samordningsnummer', 'no_fodselsnummer', 'no_d_nummer');--> statement-breakpoint
CREATE TABLE "deviation_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deviation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" "deviation_action_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"escalated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deviation_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deviation_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deviation_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deviation_id" uuid NOT NULL,
	"unit_contact_id" uuid,
	"counterpart_name" text NOT NULL,
	"counterpart_organisation" text DEFAULT '' NOT NULL,
	"contacted_on" date NOT NULL,
	"channel" "contact_channel" NOT NULL,
	"summary" text NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deviation_counters" (
	"organisation_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "deviation_counters_organisation_id_year_pk" PRIMARY KEY("organisation_id","year")
);
--> statement-breakpoint
CREATE TABLE "deviation_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deviation_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"from_status" "deviation_status",
	"to_status" "deviation_status",
	"body_id" uuid,
	"to_person_id" uuid,
	"comment" text,
	"visible_to_reporter" boolean DEFAULT false NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deviation_patients" (
	"deviation_id" uuid PRIMARY KEY NOT NULL,
	"kind" "patient_identifier_kind" NOT NULL,
	"identifier" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deviations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"number" text NOT NULL,
	"entry_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reporter_name_shared" boolean DEFAULT false NOT NULL,
	"unit_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"description" text NOT NULL,
	"immediate_action" text DEFAULT '' NOT NULL,
	"suggestion" text DEFAULT '' NOT NULL,
	"patient_involved" boolean DEFAULT false NOT NULL,
	"patient_harmed" boolean DEFAULT false NOT NULL,
	"status" "deviation_status" DEFAULT 'submitted' NOT NULL,
	"handler_id" uuid NOT NULL,
	"current_body_id" uuid,
	"body_purpose" "deviation_body_purpose",
	"ladder_position" integer DEFAULT 0 NOT NULL,
	"risk_consequence" smallint,
	"risk_probability" smallint,
	"raise_at_unit_meeting" boolean DEFAULT false NOT NULL,
	"unit_meeting_raised_on" date,
	"due_at" timestamp with time zone NOT NULL,
	"triage_reminded_at" timestamp with time zone,
	"triage_escalated_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"feedback" text,
	"linked_deviation_id" uuid,
	"idempotency_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_config" "regconfig" NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector(search_config, number || ' ' || description || ' ' || immediate_action || ' ' || suggestion)) STORED
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"entity_type" text,
	"entity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "deviation_categories" ADD COLUMN "triage_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "deviation_categories" ADD COLUMN "escalate_reminder_days" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "deviation_actions" ADD CONSTRAINT "deviation_actions_deviation_id_deviations_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_actions" ADD CONSTRAINT "deviation_actions_owner_id_people_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_attachments" ADD CONSTRAINT "deviation_attachments_deviation_id_deviations_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_attachments" ADD CONSTRAINT "deviation_attachments_uploaded_by_people_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_contacts" ADD CONSTRAINT "deviation_contacts_deviation_id_deviations_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_contacts" ADD CONSTRAINT "deviation_contacts_unit_contact_id_unit_contacts_id_fk" FOREIGN KEY ("unit_contact_id") REFERENCES "public"."unit_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_contacts" ADD CONSTRAINT "deviation_contacts_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_counters" ADD CONSTRAINT "deviation_counters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_events" ADD CONSTRAINT "deviation_events_deviation_id_deviations_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_events" ADD CONSTRAINT "deviation_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_events" ADD CONSTRAINT "deviation_events_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_events" ADD CONSTRAINT "deviation_events_to_person_id_people_id_fk" FOREIGN KEY ("to_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_patients" ADD CONSTRAINT "deviation_patients_deviation_id_deviations_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_entry_id_deviation_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."deviation_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_category_id_deviation_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."deviation_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_reporter_id_people_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_handler_id_people_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_current_body_id_bodies_id_fk" FOREIGN KEY ("current_body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviations" ADD CONSTRAINT "deviations_linked_deviation_id_deviations_id_fk" FOREIGN KEY ("linked_deviation_id") REFERENCES "public"."deviations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deviation_actions_deviation_idx" ON "deviation_actions" USING btree ("deviation_id");--> statement-breakpoint
CREATE INDEX "deviation_actions_due_idx" ON "deviation_actions" USING btree ("due_on") WHERE "deviation_actions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "deviation_attachments_deviation_idx" ON "deviation_attachments" USING btree ("deviation_id");--> statement-breakpoint
CREATE INDEX "deviation_contacts_deviation_idx" ON "deviation_contacts" USING btree ("deviation_id");--> statement-breakpoint
CREATE INDEX "deviation_events_deviation_idx" ON "deviation_events" USING btree ("deviation_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "deviations_number_idx" ON "deviations" USING btree ("organisation_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "deviations_idempotency_idx" ON "deviations" USING btree ("reporter_id","idempotency_key") WHERE "deviations"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "deviations_handler_idx" ON "deviations" USING btree ("handler_id","status","reported_at");--> statement-breakpoint
CREATE INDEX "deviations_unit_idx" ON "deviations" USING btree ("unit_id","reported_at");--> statement-breakpoint
CREATE INDEX "deviations_reporter_idx" ON "deviations" USING btree ("reporter_id","reported_at");--> statement-breakpoint
CREATE INDEX "deviations_body_idx" ON "deviations" USING btree ("current_body_id") WHERE "deviations"."current_body_id" is not null;--> statement-breakpoint
CREATE INDEX "deviations_org_reported_idx" ON "deviations" USING btree ("organisation_id","reported_at");--> statement-breakpoint
CREATE INDEX "deviations_search_idx" ON "deviations" USING gin ("search");--> statement-breakpoint
CREATE INDEX "notifications_person_idx" ON "notifications" USING btree ("person_id","created_at");