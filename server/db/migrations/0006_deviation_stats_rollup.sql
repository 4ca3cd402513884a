-- Statistics read a rollup, not the cases. A million cases cannot be counted and sorted for a median
-- within a page load; their counts per month, unit, classification, status and whole days of
-- handling can (docs/decisions/0005-statistics-rollup.md). Written by hand: Drizzle declares
-- neither triggers nor NULLS NOT DISTINCT, so the table is read with SQL in stats.ts only.
--
-- Months and days are those of the reporting time zone, Europe/Stockholm (Sweden and Norway keep
-- the same clock); server/modules/deviations/filters.ts names the same zone for the live queries.
CREATE TABLE "deviation_stats_rollup" (
  "organisation_id" uuid NOT NULL,
  "month" date NOT NULL,
  "unit_id" uuid NOT NULL,
  "entry_id" uuid NOT NULL,
  "category_id" uuid NOT NULL,
  "status" "deviation_status" NOT NULL,
  -- whole days from report to resolution, for resolved and closed cases; null for open ones
  "handling_days" integer,
  "cases" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "deviation_stats_rollup_key" ON "deviation_stats_rollup"
  ("organisation_id", "month", "unit_id", "category_id", "entry_id", "status", "handling_days")
  INCLUDE ("cases") NULLS NOT DISTINCT;
--> statement-breakpoint
CREATE FUNCTION deviation_stats_month(reported timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT date_trunc('month', reported AT TIME ZONE 'Europe/Stockholm')::date $$;
--> statement-breakpoint
CREATE FUNCTION deviation_stats_handling_days(
  status deviation_status, reported timestamptz, resolved timestamptz, closed timestamptz
) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT CASE WHEN status IN ('resolved', 'closed')
      THEN floor(extract(epoch FROM (coalesce(resolved, closed) - reported)) / 86400)::integer END
  $$;
--> statement-breakpoint
-- One case leaves its old cell and joins its new one. The trigger is deferred to the commit, so a
-- cell's row is locked for the moment of the commit, not for the whole submitting transaction.
CREATE FUNCTION deviation_stats_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  left_over integer;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE deviation_stats_rollup r SET cases = r.cases - 1
      WHERE r.organisation_id = OLD.organisation_id
        AND r.month = deviation_stats_month(OLD.reported_at)
        AND r.unit_id = OLD.unit_id AND r.category_id = OLD.category_id AND r.entry_id = OLD.entry_id
        AND r.status = OLD.status
        AND r.handling_days IS NOT DISTINCT FROM
          deviation_stats_handling_days(OLD.status, OLD.reported_at, OLD.resolved_at, OLD.closed_at)
      RETURNING r.cases INTO left_over;
    IF left_over = 0 THEN
      DELETE FROM deviation_stats_rollup r
        WHERE r.organisation_id = OLD.organisation_id
          AND r.month = deviation_stats_month(OLD.reported_at)
          AND r.unit_id = OLD.unit_id AND r.category_id = OLD.category_id AND r.entry_id = OLD.entry_id
          AND r.status = OLD.status
          AND r.handling_days IS NOT DISTINCT FROM
            deviation_stats_handling_days(OLD.status, OLD.reported_at, OLD.resolved_at, OLD.closed_at)
          AND r.cases = 0;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO deviation_stats_rollup AS r
        (organisation_id, month, unit_id, category_id, entry_id, status, handling_days, cases)
      VALUES (NEW.organisation_id, deviation_stats_month(NEW.reported_at), NEW.unit_id, NEW.category_id,
        NEW.entry_id, NEW.status,
        deviation_stats_handling_days(NEW.status, NEW.reported_at, NEW.resolved_at, NEW.closed_at), 1)
      ON CONFLICT (organisation_id, month, unit_id, category_id, entry_id, status, handling_days)
        DO UPDATE SET cases = r.cases + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "deviation_stats_insert_or_delete" AFTER INSERT OR DELETE ON "deviations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION deviation_stats_track();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "deviation_stats_update" AFTER UPDATE ON "deviations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.unit_id IS DISTINCT FROM NEW.unit_id
    OR OLD.category_id IS DISTINCT FROM NEW.category_id OR OLD.entry_id IS DISTINCT FROM NEW.entry_id
    OR OLD.reported_at IS DISTINCT FROM NEW.reported_at OR OLD.resolved_at IS DISTINCT FROM NEW.resolved_at
    OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.organisation_id IS DISTINCT FROM NEW.organisation_id)
  EXECUTE FUNCTION deviation_stats_track();
--> statement-breakpoint
-- Recounts every cell from the cases: after this migration, and after a bulk load that bypassed the
-- trigger (the benchmark's seed).
CREATE FUNCTION deviation_stats_rebuild() RETURNS void LANGUAGE sql AS $$
  DELETE FROM deviation_stats_rollup;
  INSERT INTO deviation_stats_rollup
      (organisation_id, month, unit_id, category_id, entry_id, status, handling_days, cases)
    SELECT organisation_id, deviation_stats_month(reported_at), unit_id, category_id, entry_id, status,
      deviation_stats_handling_days(status, reported_at, resolved_at, closed_at), count(*)::integer
    FROM deviations GROUP BY 1, 2, 3, 4, 5, 6, 7;
$$;
--> statement-breakpoint
SELECT deviation_stats_rebuild();
--> statement-breakpoint
-- Overdue is counted live, from the open cases only.
CREATE INDEX "deviations_open_idx" ON "deviations" ("organisation_id", "due_at")
  INCLUDE ("reported_at", "unit_id", "entry_id", "category_id", "status")
  WHERE "status" IN ('submitted', 'in_handling', 'escalated');
