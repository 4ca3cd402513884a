-- Statistics read only these columns of a period: a covering index lets PostgreSQL answer them by
-- an index-only scan instead of reading every row of the deviations table. Drizzle cannot declare
-- INCLUDE columns, so this index is written by hand and is not in tables.ts.
CREATE INDEX IF NOT EXISTS "deviations_stats_idx" ON "deviations" ("organisation_id", "reported_at")
  INCLUDE ("unit_id", "entry_id", "category_id", "status", "due_at", "resolved_at", "closed_at");
