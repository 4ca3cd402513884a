import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  Acknowledgement,
  AcknowledgementOverview,
  ReadingList,
  ReadingOverview,
} from '../../../contracts/document-reading.ts';
import { type Actor, hasRoleOver, scopeRoots } from '../../platform/access.ts';
import { systemContext, writeAudit } from '../../platform/audit.ts';
import { stockholmDay } from '../../platform/days.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { notify } from '../notifications/index.ts';
import { people, roleAssignments, units } from '../organisation/tables.ts';
import { inLanguage } from './presenters.ts';
import { visibleDocument } from './readable.ts';
import { type Change, mayKeep } from './support.ts';
import { documentAcknowledgements, documents, documentVersions } from './tables.ts';

/**
 * Read acknowledgement (issue 5). A published version with a significant change asks the document's
 * audience to read it by a day (documents.read_version_id and read_by, set when it is published, and
 * tellAudienceToRead's notices in the same transaction); a minor change leaves them, so nobody is asked again.
 *
 * The audience: the active people of the organisation with a role assignment on a unit in the
 * subtree of one of the document's audience units and, when the document names professions, whose
 * profession is one of them. A person's profession is free text ("Specialistläkare ortopedi"); it
 * matches a profession code ("lakare") when the code's letters and digits occur in the profession
 * lower-cased with å/ä→a, ö→o, æ→a, ø→o, é→e, ü→u and all but letters and digits removed.
 *
 * Who may do what:
 * 1. Anyone who may read the document may confirm having read its current version or the version
 *    asked for (once: a second confirmation answers the first); the audience is who is asked.
 * 2. Everyone sees their own reading list.
 * 3. Who in a unit has read what: the managers and quality coordinators over that unit (their
 *    subtrees, as for the deviation statistics) and the organisation's administrators (all units).
 *    Anyone else is refused (403); a document they may not see is not there (404).
 *
 * A confirmation counts for the version asked for when it is of that version or a later one.
 */

const RECENT_DAYS = 90;

async function rowsOf<T>(tx: Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * These queries run over every document of the organisation and PostgreSQL's cost estimate passes
 * its JIT threshold, whose compilation (0.1–0.6 s) costs more than the query; for this transaction only.
 */
async function plannedWithoutJit(tx: Db): Promise<void> {
  await tx.execute(sql`select set_config('jit', 'off', true)`);
}

const iso = (ms: number | string | null): string | null =>
  ms === null ? null : new Date(Number(ms)).toISOString();
const epochMs = (column: SQL | string): SQL =>
  sql`(extract(epoch from ${typeof column === 'string' ? sql.raw(column) : column}) * 1000)::float8`;

/** A profession as the audience rule compares it (see the module comment). */
function normalisedProfession(profession: SQL): SQL {
  return sql`regexp_replace(translate(lower(coalesce(${profession}, '')), 'åäöæøéèüáà', 'aaoaoeeuaa'), '[^a-z0-9]', '', 'g')`;
}

/** The document's profession codes (jsonb) let this profession in: none named, or one matches. */
function professionMatches(profession: SQL, codes: SQL): SQL {
  return sql`(jsonb_array_length(${codes}) = 0 or exists (
    select 1 from jsonb_array_elements_text(${codes}) as c(code)
    where ${normalisedProfession(profession)} like '%' || regexp_replace(c.code, '[^a-z0-9]', '', 'g') || '%'))`;
}

function pathUnder(path: SQL, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return sql`(${sql.join(
    roots.map((root) => sql`${path} like ${`${root}%`}`),
    sql` or `,
  )})`;
}

async function versionNumberOf(tx: Db, versionId: string | null): Promise<number | null> {
  if (versionId === null) return null;
  const [row] = await tx
    .select({ number: documentVersions.number })
    .from(documentVersions)
    .where(eq(documentVersions.id, versionId));
  return row?.number ?? null;
}

/** Rule 1: confirms having read a published version. Idempotent: `created` is false the second time. */
export async function acknowledgeReading(
  options: Change & { documentId: string; versionNumber: number },
  tx: Db,
): Promise<{ acknowledgement: Acknowledgement; created: boolean }> {
  const { actor } = options;
  const { doc } = await visibleDocument(tx, actor, options.documentId);
  const [version] = await tx
    .select({ id: documentVersions.id, number: documentVersions.number })
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, doc.id), eq(documentVersions.number, options.versionNumber)));
  if (!version || (version.id !== doc.currentVersionId && version.id !== doc.readVersionId))
    throw new AppError('document.acknowledge_version', 'unprocessable', {
      fields: [{ path: 'versionNumber', key: 'document.acknowledge_version' }],
    });
  const [inserted] = await tx
    .insert(documentAcknowledgements)
    .values({ documentId: doc.id, versionId: version.id, personId: actor.personId })
    .onConflictDoNothing()
    .returning();
  if (inserted) {
    await writeAudit(tx, options.audit, {
      action: 'document.acknowledged',
      entityType: 'document',
      entityId: doc.id,
      summary: { versionNumber: version.number },
    });
  }
  const [row] = inserted
    ? [inserted]
    : await tx
        .select()
        .from(documentAcknowledgements)
        .where(
          and(
            eq(documentAcknowledgements.versionId, version.id),
            eq(documentAcknowledgements.personId, actor.personId),
          ),
        );
  if (!row) throw new AppError('error.internal', 'internal');
  return {
    acknowledgement: {
      documentId: doc.id,
      versionNumber: version.number,
      acknowledgedAt: row.acknowledgedAt.toISOString(),
    },
    created: inserted !== undefined,
  };
}

/**
 * The actor is in the document `d`'s audience (SQL over the aliased documents row `d`): a unit of the
 * audience is one of the actor's units or above one. A unit's path is the chain of ids from the root,
 * so those are the ids on the actor's paths, found once: a test of the row alone, which the GIN index
 * on audience_unit_ids (migration 0012) answers, rather than a join per document.
 */
async function actorInAudience(tx: Db, actor: Actor, profession: string | null): Promise<SQL> {
  const mine = await tx
    .select({ path: units.path })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.personId, actor.personId));
  const above = [...new Set(mine.flatMap((u) => u.path.split('/').filter((id) => id.length > 0)))];
  if (above.length === 0) return sql`false`;
  return sql`d.audience_unit_ids ?| array[${sql.join(
    above.map((id) => sql`${id}`),
    sql`, `,
  )}]::text[]
    and ${professionMatches(sql`${profession}::text`, sql`d.audience_professions`)}`;
}

/** A confirmation by `person` of the version asked for or a later one of document `d`. */
function hasRead(person: SQL, readNumber: SQL): SQL {
  return sql`exists (
    select 1 from document_acknowledgements ak join document_versions av on av.id = ak.version_id
    where ak.person_id = ${person} and ak.document_id = d.id and av.number >= ${readNumber})`;
}

interface ReadingRow {
  document_id: string;
  title: string;
  type_id: string;
  type_name: { sv: string; nb: string; en: string };
  version_number: number;
  read_by: string | null;
  acknowledged_at: number | null;
  grp: number;
  total: number;
  unread_total: number;
}

/** Rule 2: what I am asked to read, then what I confirmed in the last 90 days. */
export async function readingList(
  options: { actor: Actor; status: 'all' | 'read' | 'unread'; page: number; pageSize: number },
  tx: Db,
): Promise<ReadingList> {
  const { actor, status, page, pageSize } = options;
  const [me] = await tx
    .select({ profession: people.profession })
    .from(people)
    .where(eq(people.id, actor.personId));
  const today = stockholmDay(new Date());
  const since = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString();
  // The version's number is looked up for the page only (a random read in a large table per row);
  // whether I have read one comes first from my own few confirmations.
  const unread = sql`select d.id as document_id, d.title, d.type_id, d.read_version_id as version_id,
      d.read_by::text as read_by, null::float8 as acknowledged_at, 0 as grp
    from documents d
    where d.organisation_id = ${actor.organisationId} and d.status = 'published' and d.read_version_id is not null
      and ${await actorInAudience(tx, actor, me?.profession ?? null)}
      and not ${hasRead(
        sql`${actor.personId}::uuid`,
        sql`(select rv.number from document_versions rv where rv.id = d.read_version_id)`,
      )}`;
  const recent = sql`select distinct on (ak.document_id) ak.document_id, d.title, d.type_id,
      av.id as version_id, d.read_by::text as read_by, ${epochMs(sql`ak.acknowledged_at`)} as acknowledged_at, 1 as grp
    from document_acknowledgements ak
    join documents d on d.id = ak.document_id
    join document_versions av on av.id = ak.version_id
    where ak.person_id = ${actor.personId} and ak.acknowledged_at >= ${since}::timestamptz
      and d.organisation_id = ${actor.organisationId}
      and ak.document_id not in (select document_id from unread)
    order by ak.document_id, ak.acknowledged_at desc`;
  const parts: SQL[] = [];
  if (status !== 'read') parts.push(sql`select * from unread`);
  if (status !== 'unread') parts.push(sql`select * from recent`);
  const order = sql`x.grp, case when x.grp = 0 then x.read_by end asc nulls last,
        x.acknowledged_at desc nulls last, x.title, x.document_id`;
  await plannedWithoutJit(tx);
  const rows = await rowsOf<ReadingRow>(
    tx,
    sql`with unread as (${unread}), recent as (${recent})
      select x.*, (select v.number from document_versions v where v.id = x.version_id) as version_number
      from (select y.*, t.name as type_name, (count(*) over ())::int as total,
          (count(*) filter (where y.grp = 0) over ())::int as unread_total
        from (${sql.join(parts, sql` union all `)}) y join document_types t on t.id = y.type_id
        order by y.grp, case when y.grp = 0 then y.read_by end asc nulls last,
          y.acknowledged_at desc nulls last, y.title, y.document_id
        limit ${pageSize} offset ${(page - 1) * pageSize}) x
      order by ${order}`,
  );
  let unreadCount = rows[0]?.unread_total ?? 0;
  if (status === 'read' || rows.length === 0) {
    const [counted] = await rowsOf<{ n: number }>(
      tx,
      sql`with unread as (${unread}) select count(*)::int as n from unread`,
    );
    unreadCount = counted?.n ?? 0;
  }
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && page > 1) {
    const [all] = await rowsOf<{ n: number }>(
      tx,
      sql`with unread as (${unread}), recent as (${recent})
        select count(*)::int as n from (${sql.join(parts, sql` union all `)}) x`,
    );
    total = all?.n ?? 0;
  }
  return {
    items: rows.map((r) => ({
      documentId: r.document_id,
      title: r.title,
      type: { id: r.type_id, label: inLanguage(r.type_name, actor.language) },
      versionNumber: Number(r.version_number),
      readBy: r.read_by,
      overdue: Number(r.grp) === 0 && r.read_by !== null && r.read_by < today,
      acknowledgedAt: iso(r.acknowledged_at),
    })),
    total: Number(total),
    unread: Number(unreadCount),
    page,
    pageSize,
  };
}

/**
 * Rule 3: the unit subtrees whose reading the actor sees: the chosen unit when they may, else all
 * they manage or coordinate; null means the whole organisation (an administrator without a unit).
 */
async function readingScope(tx: Db, actor: Actor, unitId: string | undefined): Promise<string[] | null> {
  const admin = await mayKeep(tx, actor);
  const roots = [...scopeRoots(actor, 'manager'), ...scopeRoots(actor, 'quality_coordinator')];
  if (!admin && roots.length === 0) throw new AppError('document.reading_scope_denied', 'forbidden');
  if (!unitId) {
    if (admin) return null;
    return roots.filter((p) => !roots.some((q) => q !== p && p.startsWith(q)));
  }
  const [unit] = await tx
    .select({ path: units.path })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.organisationId, actor.organisationId)));
  if (!unit) throw new AppError('document.unit_not_found', 'not_found');
  const covered =
    admin || hasRoleOver(actor, 'manager', unit.path) || hasRoleOver(actor, 'quality_coordinator', unit.path);
  if (!covered) throw new AppError('document.reading_scope_denied', 'forbidden');
  return [unit.path];
}

interface AudienceRow {
  person_id: string;
  person_name: string;
  profession: string | null;
  unit_id: string;
  unit_name: string;
  acknowledged_at: number | null;
  total: number;
}

/** Rule 3 for one document: who in the scope is in its audience, and who of them has read. */
export async function acknowledgementOverview(
  options: {
    actor: Actor;
    documentId: string;
    unitId?: string | undefined;
    status: 'all' | 'read' | 'unread';
    page: number;
    pageSize: number;
  },
  tx: Db,
): Promise<AcknowledgementOverview> {
  const { actor, status, page, pageSize } = options;
  const { doc } = await visibleDocument(tx, actor, options.documentId);
  const scope = await readingScope(tx, actor, options.unitId);
  // The version that counts: the one asked for; when none is asked for, the current one.
  const referenceId = doc.readVersionId ?? doc.currentVersionId;
  const versionNumber = await versionNumberOf(tx, referenceId);
  const audiencePaths = doc.audienceUnitIds.length
    ? (
        await tx
          .select({ path: units.path })
          .from(units)
          .where(and(eq(units.organisationId, doc.organisationId), inArray(units.id, doc.audienceUnitIds)))
      ).map((u) => u.path)
    : [];
  const empty = {
    versionNumber,
    readBy: doc.readBy,
    audience: 0,
    read: 0,
    items: [],
    total: 0,
    page,
    pageSize,
  };
  if (audiencePaths.length === 0) return empty;
  // One person once, at their deepest unit inside the audience and the scope.
  const audience = sql`select distinct on (p.id) p.id as person_id, p.name as person_name, p.profession,
      u.id as unit_id, u.name as unit_name
    from role_assignments ra
    join units u on u.id = ra.unit_id
    join people p on p.id = ra.person_id
    where p.organisation_id = ${doc.organisationId} and p.active
      and ${pathUnder(sql`u.path`, audiencePaths)}
      ${scope ? sql`and ${pathUnder(sql`u.path`, scope)}` : sql``}
      and ${professionMatches(sql`p.profession`, sql`${JSON.stringify(doc.audienceProfessions)}::jsonb`)}
    order by p.id, length(u.path) desc`;
  // The earliest confirmation of the version that counts or a later one, per person.
  const acked = sql`select ak.person_id, min(ak.acknowledged_at) as at
    from document_acknowledgements ak
    where ak.version_id in (select v.id from document_versions v
      where v.document_id = ${doc.id} and v.number >= ${versionNumber ?? 2147483647})
    group by ak.person_id`;
  const [counts] = await rowsOf<{ audience: number; read: number }>(
    tx,
    sql`with aud as (${audience}), acked as (${acked})
      select count(*)::int as audience, count(acked.at)::int as read
      from aud left join acked on acked.person_id = aud.person_id`,
  );
  const filter =
    status === 'read'
      ? sql`where acked.at is not null`
      : status === 'unread'
        ? sql`where acked.at is null`
        : sql``;
  const rows = await rowsOf<AudienceRow>(
    tx,
    sql`with aud as (${audience}), acked as (${acked})
      select aud.*, ${epochMs(sql`acked.at`)} as acknowledged_at, (count(*) over ())::int as total
      from aud left join acked on acked.person_id = aud.person_id
      ${filter}
      order by aud.person_name, aud.person_id
      limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const audienceCount = Number(counts?.audience ?? 0);
  const readCount = Number(counts?.read ?? 0);
  const filtered =
    status === 'read' ? readCount : status === 'unread' ? audienceCount - readCount : audienceCount;
  return {
    versionNumber,
    readBy: doc.readBy,
    audience: audienceCount,
    read: readCount,
    items: rows.map((r) => ({
      person: { id: r.person_id, name: r.person_name },
      unit: { id: r.unit_id, name: r.unit_name },
      profession: r.profession,
      acknowledgedAt: iso(r.acknowledged_at),
    })),
    total: filtered,
    page,
    pageSize,
  };
}

/** Rule 3 for all documents that ask for reading: per document, its audience in the scope and who has read. */
export async function readingOverview(
  options: { actor: Actor; unitId?: string | undefined; page: number; pageSize: number },
  tx: Db,
): Promise<ReadingOverview> {
  const { actor, page, pageSize } = options;
  const scope = await readingScope(tx, actor, options.unitId);
  // The documents that ask for reading: the predicate of migration 0014's two partial indexes.
  const asking = sql`d.organisation_id = ${actor.organisationId} and d.status = 'published'
    and d.read_version_id is not null`;
  await plannedWithoutJit(tx);
  const rows = await rowsOf<{
    document_id: string;
    title: string;
    read_by: string | null;
    version_number: number;
    audience: number;
    read: number;
    total: number;
  }>(
    tx,
    // Documents share their audience (the same units and professions), so each audience (a kind) is
    // found once, not once per document: per document it meant every person of the clinic again. A
    // document's kind is its audience_key (migration 0014: a hash of both, kept by PostgreSQL), grouped
    // from an index of the documents that ask for reading: comparing or printing the jsonb of every
    // such document cost ~5 µs each, 0.3-2.8 s for the 27,000 asking a clinic in the benchmark.
    sql`with scoped as materialized (
        select distinct ra.person_id, ra.unit_id, coalesce(p.profession, '') as profession
        from role_assignments ra
        join units u on u.id = ra.unit_id
        join people p on p.id = ra.person_id and p.active
        where u.organisation_id = ${actor.organisationId}
          ${scope ? sql`and ${pathUnder(sql`u.path`, scope)}` : sql``}),
      kinds as materialized (
        select row_number() over () as kind, g.key, g.documents, x.units, x.professions
        from (select d.audience_key as key, count(*)::int as documents from documents d
          where ${asking} group by d.audience_key) g
        cross join lateral (select d.audience_unit_ids as units, d.audience_professions as professions
          from documents d where ${asking} and d.audience_key = g.key limit 1) x),
      -- Which professions of the scope each list of profession codes lets in, tested once a pair.
      fits as materialized (
        select c.professions, s.profession
        from (select distinct professions from kinds) c, (select distinct profession from scoped) s
        where ${professionMatches(sql`s.profession`, sql`c.professions`)}),
      kind_units as materialized (
        select distinct k.kind, k.professions, u.id as unit_id
        from kinds k
        cross join lateral jsonb_array_elements_text(k.units) as a(x)
        join units au on au.organisation_id = ${actor.organisationId} and au.id::text = a.x
        join units u on u.organisation_id = ${actor.organisationId} and u.path like au.path || '%'
        ${scope ? sql`where ${pathUnder(sql`u.path`, scope)}` : sql``}),
      kind_people as materialized (
        select distinct ku.kind, s.person_id
        from kind_units ku
        join scoped s on s.unit_id = ku.unit_id
        join fits f on f.professions = ku.professions and f.profession = s.profession),
      audiences as materialized (
        select k.kind, k.key, k.documents, count(*)::int as audience
        from kind_people kp join kinds k on k.kind = kp.kind
        group by k.kind, k.key, k.documents),
      -- The page first, in the order of the index on the asking documents; only a kind with an audience
      -- in the scope is listed, tested against one array.
      paged as materialized (
        select d.id, d.title, d.read_by, d.read_version_id, d.audience_key
        from documents d
        where ${asking} and d.audience_key = any((select array_agg(key) from audiences)::text[])
        order by d.read_by asc nulls last, d.title, d.id
        limit ${pageSize} offset ${(page - 1) * pageSize}),
      page as materialized (
        select p.*, a.kind, a.audience, rv.number
        from paged p
        join audiences a on a.key = p.audience_key
        join document_versions rv on rv.id = p.read_version_id),
      -- Who has read, for the page's documents only: their confirmations of the version asked for or a
      -- later one, each tested against the kind's audience as one hashed set.
      reads as materialized (
        select d.id, count(distinct ak.person_id) filter (
            where (d.kind, ak.person_id) in (select kind, person_id from kind_people))::int as read
        from page d
        join document_versions av on av.document_id = d.id and av.number >= d.number
        join document_acknowledgements ak on ak.version_id = av.id
        group by d.id)
      select d.id as document_id, d.title, d.read_by::text as read_by, d.number as version_number,
        d.audience, coalesce(r.read, 0)::int as read, (select sum(documents) from audiences)::int as total
      from page d
      left join reads r on r.id = d.id
      order by d.read_by asc nulls last, d.title, d.id`,
  );
  // A page past the end has no rows to carry the total: then it is counted on its own.
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && page > 1)
    total = (await readingOverview({ ...options, page: 1, pageSize: 1 }, tx)).total;
  return {
    items: rows.map((r) => ({
      documentId: r.document_id,
      title: r.title,
      versionNumber: Number(r.version_number),
      readBy: r.read_by,
      audience: Number(r.audience),
      read: Number(r.read),
    })),
    total,
    page,
    pageSize,
  };
}

/**
 * Tells everyone in the audience who has not read the version yet, in the app (one insert; each
 * reads it in their own language). Publishing a significant change calls it in its own transaction,
 * so the publication and the notices commit together or not at all. For a version that is no longer
 * the one asked for (a later significant change came first) it tells nobody.
 */
export async function tellAudienceToRead(
  db: Db,
  input: { documentId: string; versionId: string },
): Promise<number> {
  const { documentId, versionId } = input;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ doc: documents, number: documentVersions.number })
      .from(documents)
      .innerJoin(documentVersions, eq(documentVersions.id, documents.readVersionId))
      .where(and(eq(documents.id, documentId), eq(documents.readVersionId, versionId)));
    if (!row) return 0;
    const { doc } = row;
    const audience = await rowsOf<{ id: string }>(
      tx,
      sql`select distinct p.id from documents d
        join units au on au.organisation_id = d.organisation_id
          and au.id in (select x::uuid from jsonb_array_elements_text(d.audience_unit_ids) as a(x))
        join units u on u.organisation_id = d.organisation_id and u.path like au.path || '%'
        join role_assignments ra on ra.unit_id = u.id
        join people p on p.id = ra.person_id and p.active
        where d.id = ${doc.id} and ${professionMatches(sql`p.profession`, sql`d.audience_professions`)}
          and not ${hasRead(sql`p.id`, sql`${row.number}::int`)}`,
    );
    const told = audience.map((p) => p.id);
    if (told.length === 0) return 0;
    await writeAudit(tx, systemContext, {
      action: 'document.read_requested',
      entityType: 'document',
      entityId: doc.id,
      summary: { versionNumber: row.number, readBy: doc.readBy, told: told.length },
    });
    await notify(tx, {
      personIds: told,
      kind: 'document.read_requested',
      params: {
        title: doc.title,
        version: String(row.number),
        ...(doc.readBy ? { readBy: doc.readBy } : {}),
      },
      entityType: 'document',
      entityId: doc.id,
      inAppOnly: true,
    });
    return audience.length;
  });
}
