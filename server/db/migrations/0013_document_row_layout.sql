-- Document rows kept narrow (issue 5, the search benchmark): a document's search text and search vector
-- (a few KB together) were stored in the row itself, so a search whose word is in half of 50,000
-- documents read ~10,000 pages of rows to sort the matches by title (~150 ms). With a toast target of
-- 256 bytes those two go out of line and a row is ~300 bytes (~17 MB for 50,000 rows against ~100 MB),
-- and the same search reads ~2,000 pages (~15 ms). The title is sorted and compared on every match, so
-- it stays in the row (storage plain: never compressed, never out of line; it is at most 300 characters).
-- Rows take the new layout when next written; on a large existing database an operator may rewrite
-- them at once with VACUUM FULL documents (docs/operations.md). Hand-written, without a drizzle
-- snapshot: storage settings are not in tables.ts.
ALTER TABLE "documents" ALTER COLUMN "title" SET STORAGE PLAIN;
--> statement-breakpoint
ALTER TABLE "documents" SET (toast_tuple_target = 256);
