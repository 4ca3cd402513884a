import { type AnyColumn, and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DocumentSearch, Highlight } from '../../../contracts/document-search.ts';
import type { Actor } from '../../platform/access.ts';
import { stockholmDay } from '../../platform/days.ts';
import type { Db } from '../../platform/db.ts';
import { cappedTotal } from '../../platform/paging.ts';
import { units } from '../organisation/tables.ts';
import { inLanguage } from './presenters.ts';
import { readableCondition } from './readable.ts';
import { documents, documentTypes, documentVersions } from './tables.ts';

// Full-text search of documents (issue 5). Each document is indexed in its owner's language
// (documents.search, kept by the trigger of migration 0010: the title and the current published
// version's text); the words asked for are parsed in Swedish, Norwegian and English and OR-ed, as
// the deviation search does, so a Norwegian word form finds a Norwegian document from a Swedish
// reader. Only what the reader may read (readable.ts); title matches first, then by title.

/** Searches count at most this many matches, as the deviation lists do; beyond it the answer says "at least". */
export const SEARCH_COUNT_CAP = 1000;

export interface SearchOptions {
  q: string;
  typeId?: string | undefined;
  unitId?: string | undefined;
  profession?: string | undefined;
  status?: 'draft' | 'published' | 'archived' | undefined;
  pastReviewDate?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

// ts_headline marks hits and separates fragments with these; control characters cannot be in stored
// text (the contracts refuse them) and are taken out of the text before it is marked anyway.
const START = '\u0001';
const STOP = '\u0002';
const BETWEEN = '\u0003';
const HEADLINE_OPTIONS = `StartSel="${START}", StopSel="${STOP}", FragmentDelimiter="${BETWEEN}", MaxFragments=3, MaxWords=20, MinWords=8`;
const ELLIPSIS: Highlight = { text: ' … ', hit: false };

function tsQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('swedish', ${q}) || websearch_to_tsquery('norwegian', ${q}) || websearch_to_tsquery('english', ${q}))`;
}

/** ts_headline's marked text as plain pieces: never markup, so nothing in a document can inject any. */
export function piecesOf(marked: string): Highlight[] {
  const pieces: Highlight[] = [];
  const fragments = marked
    .split(BETWEEN)
    .map((f) => f.replace(/\s+/g, ' ').trim())
    .filter((f) => f.length > 0);
  fragments.forEach((fragment, i) => {
    if (i > 0) pieces.push(ELLIPSIS);
    let rest = fragment;
    while (rest.length > 0) {
      const start = rest.indexOf(START);
      if (start < 0) {
        pieces.push({ text: rest.replaceAll(STOP, ''), hit: false });
        break;
      }
      if (start > 0) pieces.push({ text: rest.slice(0, start).replaceAll(STOP, ''), hit: false });
      const stop = rest.indexOf(STOP, start);
      const end = stop < 0 ? rest.length : stop;
      const hit = rest.slice(start + 1, end).replaceAll(START, '');
      if (hit.length > 0) pieces.push({ text: hit, hit: true });
      rest = stop < 0 ? '' : rest.slice(stop + 1);
    }
  });
  return pieces;
}

async function filterConditions(tx: Db, actor: Actor, options: SearchOptions): Promise<SQL[]> {
  const conditions: SQL[] = [await readableCondition(tx, actor)];
  if (options.typeId) conditions.push(eq(documents.typeId, options.typeId));
  if (options.status) conditions.push(eq(documents.status, options.status));
  if (options.profession)
    conditions.push(sql`${documents.audienceProfessions} @> ${JSON.stringify([options.profession])}::jsonb`);
  if (options.unitId) {
    // The unit and every unit above it: its path is the chain of ids from the root.
    const [unit] = await tx
      .select({ path: units.path })
      .from(units)
      .where(and(eq(units.id, options.unitId), eq(units.organisationId, actor.organisationId)));
    const chain = unit ? unit.path.split('/').filter((id) => id.length > 0) : [];
    conditions.push(
      chain.length > 0
        ? sql`${documents.audienceUnitIds} ?| array[${sql.join(
            chain.map((id) => sql`${id}`),
            sql`, `,
          )}]::text[]`
        : sql`false`,
    );
  }
  const today = stockholmDay();
  if (options.pastReviewDate === 'true') conditions.push(sql`${documents.reviewBy} < ${today}::date`);
  if (options.pastReviewDate === 'false')
    conditions.push(or(isNull(documents.reviewBy), sql`${documents.reviewBy} >= ${today}::date`) as SQL);
  return conditions;
}

/**
 * The document's title as the search reads it: the expression of the index of migration 0012, written
 * the same way here so that PostgreSQL finds title matches in that index instead of tokenising titles.
 */
function titleVector(columns: { searchConfig: AnyColumn; title: AnyColumn }): SQL {
  return sql`to_tsvector(${columns.searchConfig}, ${columns.title})`;
}

export async function searchDocuments(
  options: { actor: Actor; query: SearchOptions },
  tx: Db,
): Promise<DocumentSearch> {
  const { actor, query } = options;
  const q = query.q.trim();
  const match = tsQuery(q);
  const where = and(sql`${documents.search} @@ ${match}`, ...(await filterConditions(tx, actor, query)));

  // The order, without ranking every match (ts_rank reads each match's whole vector, ~1.6 KB, which
  // made a common word cost ~15 µs a match): a document whose title matches first, then the others
  // whose text matches, each group by title and id. Whether a title matches comes from the title
  // index as one set, so a match costs a read of its row and nothing else.
  const titled = alias(documents, 'titled');
  const titleMatches = tx
    .select({ id: titled.id })
    .from(titled)
    .where(and(eq(titled.organisationId, actor.organisationId), sql`${titleVector(titled)} @@ ${match}`));
  const inTitle = sql<boolean>`(${documents.id} in (${titleMatches}))`;
  // The matches come from the full-text index, which answers exactly: PostgreSQL prices @@ as cheap and
  // would otherwise scan the table for a common word, unpacking every row's vector (~5 µs a row), or
  // split that scan over workers that cost more to start than they save; nor is a JIT compilation
  // worth it for a query this short. For this transaction only.
  await tx.execute(
    sql`select set_config('enable_seqscan', 'off', true), set_config('max_parallel_workers_per_gather', '0', true),
      set_config('jit', 'off', true)`,
  );
  const page = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(where)
    .orderBy(desc(inTitle), asc(documents.title), asc(documents.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  // Headlines for the page only, in a query of its own: ts_headline reads the whole text, so never for
  // every match; and joined to the page in one statement, the planner (told above to avoid scans)
  // walked the whole primary key to merge 20 rows (~40 ms).
  const ids = page.map((row) => row.id);
  const found =
    ids.length === 0
      ? []
      : await tx
          .select({
            id: documents.id,
            title: documents.title,
            status: documents.status,
            reviewBy: documents.reviewBy,
            typeName: documentTypes.name,
            versionNumber: documentVersions.number,
            headline: sql<string>`ts_headline(${documents.searchConfig}, translate(${documents.searchText}, ${START + STOP + BETWEEN}, ''), ${match}, ${HEADLINE_OPTIONS})`,
          })
          .from(documents)
          .innerJoin(documentTypes, eq(documentTypes.id, documents.typeId))
          .leftJoin(documentVersions, eq(documentVersions.id, documents.currentVersionId))
          .where(inArray(documents.id, ids));
  const byId = new Map(found.map((row) => [row.id, row]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);

  // The count, too, from the full-text index: with its limit PostgreSQL would rather walk the
  // organisation's index and test each row's vector, unpacking it from TOAST (7-40 ms for a common word).
  await tx.execute(sql`select set_config('enable_indexscan', 'off', true)`);
  const { total, totalIsLowerBound } = await cappedTotal(tx, {
    from: documents,
    where,
    cap: SEARCH_COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
    onPage: rows.length,
  });

  const today = stockholmDay();
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      typeLabel: inLanguage(r.typeName, actor.language),
      status: r.status,
      versionNumber: r.versionNumber ?? null,
      reviewBy: r.reviewBy,
      pastReviewDate: r.reviewBy !== null && r.reviewBy < today,
      highlights: piecesOf(r.headline ?? ''),
    })),
    total,
    totalIsLowerBound,
    page: query.page,
    pageSize: query.pageSize,
  };
}
