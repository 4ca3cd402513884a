-- The clinic's reading overview across documents (issue 5, server/modules/documents/reading.ts,
-- readingOverview): documents share their audience (the same units and professions), so each audience
-- is found once, as a kind. A document's kind is its audience_key, a hash of both kept by PostgreSQL
-- (32 characters, stored plain: never compressed, never out of line). The two partial indexes hold the
-- documents that ask for reading: one groups them by kind, the other gives them in the overview's order
-- (read-by day, title, id) so that the first page is read without sorting them all.
--
-- Migration 0013's toast target of 256 bytes moved not only the search text and vector out of line
-- but, the row still being longer, every small jsonb too (reviewers, audience units and professions):
-- each read of a document's audience was a lookup in the TOAST table (~5 µs), 0.3-2.8 s for the 27,000
-- documents asking a clinic on the benchmark's 50,000. Those small columns are now stored MAIN (inline;
-- out of line only when a row would not fit its page), and the target is 512 bytes so that they are
-- not compressed either in a row of ordinary length; the search text and vector still go out of line.
-- Adding the generated column rewrites the table, so every row takes this layout at once.
--
-- Hand-written, without a drizzle snapshot (as 0012 and 0013): the generated column, the storage
-- settings and the partial indexes are not declared in tables.ts, which would make drizzle want a new
-- snapshot.
ALTER TABLE "documents"
  ALTER COLUMN "reviewer_ids" SET STORAGE MAIN,
  ALTER COLUMN "audience_unit_ids" SET STORAGE MAIN,
  ALTER COLUMN "audience_professions" SET STORAGE MAIN,
  ALTER COLUMN "archived_reason" SET STORAGE MAIN,
  SET (toast_tuple_target = 512);
--> statement-breakpoint
ALTER TABLE "documents"
  ADD COLUMN "audience_key" text GENERATED ALWAYS AS (md5("audience_unit_ids"::text || ' ' || "audience_professions"::text)) STORED,
  ALTER COLUMN "audience_key" SET STORAGE PLAIN;
--> statement-breakpoint
CREATE INDEX "documents_asking_kind_idx" ON "documents" ("organisation_id", "audience_key") WHERE "status" = 'published' AND "read_version_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "documents_asking_order_idx" ON "documents" ("organisation_id", "read_by", "title", "id") INCLUDE ("audience_key") WHERE "status" = 'published' AND "read_version_id" IS NOT NULL;
--> statement-breakpoint
ANALYZE "documents";
