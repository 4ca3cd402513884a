-- Document search order (issue 5): a document whose title matches comes first, then the others whose
-- text matches, each group by title (server/modules/documents/search.ts). The title matches are found
-- with this expression index, the same expression the search writes, so no title is tokenised per row.
-- Indexes only. Not declared in tables.ts: drizzle would then want a new snapshot (0010 and this one
-- are hand-written, without one).
CREATE INDEX "documents_title_search_idx" ON "documents" USING gin (to_tsvector("search_config", "title"));
--> statement-breakpoint
-- The reading list asks which documents address one of the reader's units or a unit above them
-- (audience_unit_ids ?| the ids on their units' paths, server/modules/documents/reading.ts).
CREATE INDEX "documents_audience_units_idx" ON "documents" USING gin ("audience_unit_ids");
