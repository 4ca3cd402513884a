CREATE TYPE "public"."document_change_kind" AS ENUM('significant', 'minor');--> statement-breakpoint
CREATE TYPE "public"."document_draft_stage" AS ENUM('writing', 'in_review', 'awaiting_approval');--> statement-breakpoint
CREATE TYPE "public"."document_event_kind" AS ENUM('created', 'review_opened', 'review_closed', 'submitted_for_approval', 'sent_back', 'approved', 'published', 'archived', 'restored', 'pipeline_changed');--> statement-breakpoint
CREATE TYPE "public"."knowledge_pipeline_status" AS ENUM('on_list', 'in_progress', 'review_round_1', 'review_round_2', 'published', 'regional_addition', 'under_revision');--> statement-breakpoint
CREATE TABLE "deviation_document_links" (
	"deviation_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deviation_document_links_deviation_id_document_id_pk" PRIMARY KEY("deviation_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "document_acknowledgements" (
	"document_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid,
	"kind" "document_event_kind" NOT NULL,
	"actor_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_review_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"quote" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_by_id" uuid,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "document_review_reminders" (
	"document_id" uuid NOT NULL,
	"review_by" date NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_review_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"reviewer_ids" jsonb NOT NULL,
	"deadline" date NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"opened_by_id" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "stage" "document_draft_stage" DEFAULT 'writing' NOT NULL;--> statement-breakpoint
ALTER TABLE "document_versions" ADD COLUMN "change_kind" "document_change_kind";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "read_version_id" uuid;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "read_by" date;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "pipeline_status" "knowledge_pipeline_status";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "planned_publication" date;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "archived_reason" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "search_config" "regconfig" DEFAULT 'swedish'::regconfig NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector(search_config, search_text)) STORED;--> statement-breakpoint
ALTER TABLE "deviation_document_links" ADD CONSTRAINT "deviation_document_links_deviation_id_deviations_id_fk" FOREIGN KEY ("deviation_id") REFERENCES "public"."deviations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_document_links" ADD CONSTRAINT "deviation_document_links_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_document_links" ADD CONSTRAINT "deviation_document_links_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deviation_document_links" ADD CONSTRAINT "deviation_document_links_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_acknowledgements" ADD CONSTRAINT "document_acknowledgements_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_acknowledgements" ADD CONSTRAINT "document_acknowledgements_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_acknowledgements" ADD CONSTRAINT "document_acknowledgements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_events" ADD CONSTRAINT "document_events_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_events" ADD CONSTRAINT "document_events_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_events" ADD CONSTRAINT "document_events_actor_id_people_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_review_comments" ADD CONSTRAINT "document_review_comments_round_id_document_review_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."document_review_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_review_comments" ADD CONSTRAINT "document_review_comments_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_review_comments" ADD CONSTRAINT "document_review_comments_answered_by_id_people_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_review_reminders" ADD CONSTRAINT "document_review_reminders_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_review_rounds" ADD CONSTRAINT "document_review_rounds_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_review_rounds" ADD CONSTRAINT "document_review_rounds_version_id_document_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."document_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_review_rounds" ADD CONSTRAINT "document_review_rounds_opened_by_id_people_id_fk" FOREIGN KEY ("opened_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deviation_document_links_document_idx" ON "deviation_document_links" USING btree ("document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_acknowledgements_person_idx" ON "document_acknowledgements" USING btree ("version_id","person_id");--> statement-breakpoint
CREATE INDEX "document_acknowledgements_person_doc_idx" ON "document_acknowledgements" USING btree ("person_id","document_id");--> statement-breakpoint
CREATE INDEX "document_events_document_idx" ON "document_events" USING btree ("document_id","at");--> statement-breakpoint
CREATE INDEX "document_review_comments_round_idx" ON "document_review_comments" USING btree ("round_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "document_review_reminders_idx" ON "document_review_reminders" USING btree ("document_id","review_by","days_before");--> statement-breakpoint
CREATE UNIQUE INDEX "document_review_rounds_number_idx" ON "document_review_rounds" USING btree ("version_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "document_review_rounds_one_open_idx" ON "document_review_rounds" USING btree ("document_id") WHERE "document_review_rounds"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "documents_search_idx" ON "documents" USING gin ("search");--> statement-breakpoint
CREATE INDEX "documents_review_by_idx" ON "documents" USING btree ("organisation_id","review_by");