// Seeds many controlled documents into a Loopen database for the documents benchmark, in SQL
// (generate_series, in batches), beside the demo organisation:
//
//   - one template per demo document type (the types without one get a copy of the routine's sections);
//   - `count` documents of the demo region, published, of every type, in Swedish (70 %) or Norwegian
//     (30 %), owned and approved by its people, their audience spread over its units, review-by dates
//     from a month ago to two years ahead;
//   - ten versions each (nine superseded, the tenth published and current), whose content is decision
//     0006's JSON (a paragraph and a second paragraph or a bullet list per template section, from word
//     lists of healthcare vocabulary: a few KB each); the search text (the title and the current
//     version's words) is kept by migration 0010's trigger;
//   - a clinic (Ortopedkliniken's subtree) of `clinicPeople` staff in its units, and `clinicDocuments`
//     documents addressed to all of it (no professions named) whose current version about half of them
//     have acknowledged.
//
// All fictional: no patient identifiers, no real people.
import pg from 'pg';

export interface SeedDocumentsOptions {
  databaseUrl: string;
  documents: number;
  versionsPerDocument: number;
  clinicPeople: number;
  clinicDocuments: number;
  batchDocuments?: number;
  log?: (message: string) => void;
}

export interface SeedDocumentsOutcome {
  documents: number;
  versions: number;
  acknowledgements: number;
  clinicPeople: number;
  /** seconds per step, in order */
  steps: Array<{ step: string; seconds: number }>;
  seconds: number;
  /** the clinic's root unit and the documents addressed to it */
  clinicUnitId: string;
  clinicDocumentIds: string[];
  averageVersionBytes: number;
}

// ---------- word lists (Swedish and Norwegian healthcare vocabulary) ----------

const words = {
  sv: {
    subjects: [
      'Sjuksköterskan',
      'Undersköterskan',
      'Ansvarig läkare',
      'Fysioterapeuten',
      'Arbetsterapeuten',
      'Avdelningschefen',
      'Kvalitetssamordnaren',
      'Patientansvarig läkare',
      'Dietisten',
      'Kuratorn',
      'Vårdteamet',
      'Den som tar emot patienten',
    ],
    verbs: [
      'bedömer',
      'dokumenterar',
      'kontrollerar',
      'följer upp',
      'informerar om',
      'ordinerar',
      'rapporterar',
      'planerar',
      'ansvarar för',
      'journalför',
      'säkerställer',
      'utvärderar',
    ],
    objects: [
      'fallrisken',
      'läkemedelsgenomgången',
      'trycksårsrisken',
      'nutritionsstatus',
      'smärtskattningen',
      'vätskebalansen',
      'infektionsrisken',
      'blodtransfusionen',
      'den postoperativa övervakningen',
      'överrapporteringen',
      'vårdplanen',
      'utskrivningen till kommunen',
      'läkemedelsadministreringen',
      'hygienrutinerna',
      'provtagningen',
      'remisshanteringen',
      'delegeringen',
      'samordnad individuell plan',
      'sårbehandlingen',
      'antibiotikaprofylaxen',
      'trombosprofylaxen',
      'mobiliseringen',
      'identitetskontrollen',
      'allergiuppgifterna',
    ],
    tails: [
      'vid inskrivning och därefter varje dygn',
      'enligt gällande rutin och nationella riktlinjer',
      'innan patienten lämnar avdelningen',
      'i journalen under sökordet omvårdnad',
      'tillsammans med patient och närstående',
      'senast inom fyra timmar',
      'vid varje arbetspass',
      'i samråd med ansvarig läkare',
      'enligt Socialstyrelsens föreskrifter',
      'med stöd av checklistan',
      'när patientens tillstånd förändras',
      'vid överflyttning till annan enhet',
    ],
    topics: [
      'fallprevention',
      'läkemedelshantering',
      'trycksårsprevention',
      'nutrition',
      'smärtlindring',
      'vårdhygien',
      'blodtransfusion',
      'postoperativ vård',
      'överrapportering',
      'utskrivning',
      'sepsis',
      'delirium',
      'palliativ vård',
      'venös tromboembolism',
      'kateterisering',
      'identitetskontroll',
    ],
    places: [
      'på vårdavdelning',
      'inom ortopedi',
      'på akutmottagningen',
      'inom primärvården',
      'på operation',
      'inom slutenvården',
      'för barn och unga',
      'för äldre patienter',
    ],
    prefix: 'Rutin för',
    revision: 'Revidering',
  },
  nb: {
    subjects: [
      'Sykepleieren',
      'Helsefagarbeideren',
      'Ansvarlig lege',
      'Fysioterapeuten',
      'Ergoterapeuten',
      'Avdelingslederen',
      'Kvalitetskoordinatoren',
      'Pasientansvarlig lege',
      'Klinisk ernæringsfysiolog',
      'Sosionomen',
      'Behandlingsteamet',
      'Den som tar imot pasienten',
    ],
    verbs: [
      'vurderer',
      'dokumenterer',
      'kontrollerer',
      'følger opp',
      'informerer om',
      'forordner',
      'rapporterer',
      'planlegger',
      'har ansvar for',
      'journalfører',
      'sikrer',
      'evaluerer',
    ],
    objects: [
      'fallrisikoen',
      'legemiddelgjennomgangen',
      'trykksårrisikoen',
      'ernæringsstatus',
      'smertekartleggingen',
      'væskebalansen',
      'infeksjonsrisikoen',
      'blodoverføringen',
      'den postoperative overvåkingen',
      'overleveringen',
      'pleieplanen',
      'utskrivningen til kommunen',
      'legemiddelhåndteringen',
      'hygienerutinene',
      'prøvetakingen',
      'henvisningene',
      'delegeringen',
      'individuell plan',
      'sårbehandlingen',
      'antibiotikaprofylaksen',
      'tromboseprofylaksen',
      'mobiliseringen',
      'identitetskontrollen',
      'allergiopplysningene',
    ],
    tails: [
      'ved innleggelse og deretter hvert døgn',
      'etter gjeldende prosedyre og nasjonale retningslinjer',
      'før pasienten forlater avdelingen',
      'i journalen under sykepleie',
      'sammen med pasient og pårørende',
      'senest innen fire timer',
      'på hver vakt',
      'i samråd med ansvarlig lege',
      'etter Helsedirektoratets veileder',
      'med støtte i sjekklisten',
      'når pasientens tilstand endrer seg',
      'ved overflytting til annen enhet',
    ],
    topics: [
      'fallforebygging',
      'legemiddelhåndtering',
      'trykksårforebygging',
      'ernæring',
      'smertelindring',
      'smittevern',
      'blodoverføring',
      'postoperativ pleie',
      'overlevering',
      'utskrivning',
      'sepsis',
      'delirium',
      'palliativ behandling',
      'venøs tromboembolisme',
      'kateterisering',
      'identitetskontroll',
    ],
    places: [
      'på sengepost',
      'innen ortopedi',
      'i akuttmottaket',
      'i primærhelsetjenesten',
      'på operasjon',
      'i spesialisthelsetjenesten',
      'for barn og unge',
      'for eldre pasienter',
    ],
    prefix: 'Prosedyre for',
    revision: 'Revisjon',
  },
} as const;

type Lang = keyof typeof words;

/** A small deterministic generator, so that every run seeds the same text. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function sentence(random: () => number, lang: Lang): string {
  const w = words[lang];
  return `${pick(random, w.subjects)} ${pick(random, w.verbs)} ${pick(random, w.objects)} ${pick(random, w.tails)}.`;
}

/** A paragraph node of two or three sentences, now and then with a bold or italic phrase. */
function paragraphNode(random: () => number, lang: Lang): object {
  const content: object[] = [];
  const count = 2 + Math.floor(random() * 2);
  for (let i = 0; i < count; i++) {
    const text = `${sentence(random, lang)}${i < count - 1 ? ' ' : ''}`;
    const mark = random();
    content.push(
      mark < 0.1
        ? { type: 'text', text, marks: ['bold'] }
        : mark < 0.15
          ? { type: 'text', text, marks: ['italic'] }
          : { type: 'text', text },
    );
  }
  return { type: 'paragraph', content };
}

function listNode(random: () => number, lang: Lang): object {
  const items = 2 + Math.floor(random() * 3);
  return {
    type: random() < 0.5 ? 'bulletList' : 'orderedList',
    content: Array.from({ length: items }, () => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: sentence(random, lang) }] }],
    })),
  };
}

const PARAGRAPHS = 3000;
const LISTS = 800;

/** The words the bench searches for: common, two-word, and rarer ones, per language. */
export const documentSearchQueries = {
  oneWord: [
    'fallrisken',
    'läkemedelsgenomgången',
    'trycksårsrisken',
    'sepsis',
    'fallrisikoen',
    'hygienrutinerna',
  ],
  twoWords: [
    'fallrisken journalen',
    'blodtransfusionen läkare',
    'smärtskattningen patienten',
    'legemiddelgjennomgangen pasienten',
  ],
};

// ---------- the seeding ----------

async function timed<T>(
  steps: Array<{ step: string; seconds: number }>,
  step: string,
  log: (message: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  steps.push({ step, seconds: Math.round(seconds * 10) / 10 });
  log(`${step}: ${seconds.toFixed(1)} s`);
  return result;
}

async function one<T>(client: pg.Client, text: string, values: unknown[] = []): Promise<T> {
  const { rows } = await client.query(text, values);
  return rows[0] as T;
}

export async function seedDocuments(options: SeedDocumentsOptions): Promise<SeedDocumentsOutcome> {
  const log = options.log ?? (() => {});
  const batch = options.batchDocuments ?? 2500;
  const steps: Array<{ step: string; seconds: number }> = [];
  const started = performance.now();
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query('set synchronous_commit = off');
    const org = await one<{ id: string } | undefined>(
      client,
      "select id from organisations where kind = 'region' order by created_at limit 1",
    );
    if (!org) throw new Error('no region organisation: Loopen must have seeded the demo first');
    const orgId = org.id;

    await timed(steps, 'catalogue (types, templates, units, people, word pools)', log, async () => {
      // Every type gets a template: those without one a copy of the routine's sections.
      await client.query(
        `insert into document_templates (organisation_id, type_id, name, sections)
         select $1, ty.id, ty.name, r.sections
         from document_types ty
         cross join (select sections from document_templates where organisation_id = $1 and name->>'sv' = 'Rutin') r
         where ty.organisation_id = $1 and ty.active
           and not exists (select 1 from document_templates t where t.type_id = ty.id)`,
        [orgId],
      );
      await client.query(
        `create temp table sd_types on commit preserve rows as
         select row_number() over (order by ty.id)::int as idx, ty.id as type_id,
           (select t.id from document_templates t where t.type_id = ty.id and t.active order by t.created_at limit 1) as template_id
         from document_types ty where ty.organisation_id = $1 and ty.active`,
        [orgId],
      );
      await client.query(
        `create temp table sd_sections on commit preserve rows as
         select t.id as template_id, s.ord::int as ord, (s.elem->>'id') as section_id, (s.elem->'title') as title
         from document_templates t, jsonb_array_elements(t.sections) with ordinality s(elem, ord)
         where t.organisation_id = $1`,
        [orgId],
      );
      await client.query('create index on sd_sections (template_id)');
      await client.query(
        `create temp table sd_units on commit preserve rows as
         select row_number() over (order by path)::int as idx, id::text as id
         from units where organisation_id = $1 and active and parent_id is not null`,
        [orgId],
      );
      await client.query(
        `create temp table sd_people on commit preserve rows as
         select row_number() over (order by id)::int as idx, id from people where organisation_id = $1 and active`,
        [orgId],
      );
      await client.query(
        'create temp table sd_paras (lang text, idx int, node jsonb, primary key (lang, idx)) on commit preserve rows',
      );
      await client.query(
        'create temp table sd_lists (lang text, idx int, node jsonb, primary key (lang, idx)) on commit preserve rows',
      );
      for (const lang of ['sv', 'nb'] as const) {
        const random = generator(lang === 'sv' ? 1 : 2);
        await client.query(
          `insert into sd_paras select $1, i - 1, node from jsonb_array_elements($2::jsonb) with ordinality a(node, i)`,
          [lang, JSON.stringify(Array.from({ length: PARAGRAPHS }, () => paragraphNode(random, lang)))],
        );
        await client.query(
          `insert into sd_lists select $1, i - 1, node from jsonb_array_elements($2::jsonb) with ordinality a(node, i)`,
          [lang, JSON.stringify(Array.from({ length: LISTS }, () => listNode(random, lang)))],
        );
      }
      await client.query(
        `create temp table sd_words on commit preserve rows as
         select $1::text[] as sv_topics, $2::text[] as sv_places, $3::text[] as nb_topics, $4::text[] as nb_places`,
        [words.sv.topics, words.sv.places, words.nb.topics, words.nb.places],
      );
      await client.query('analyze sd_types, sd_sections, sd_units, sd_people, sd_paras, sd_lists');
    });
    const counts = await one<{ types: number; units: number; people: number }>(
      client,
      `select (select count(*)::int from sd_types) as types, (select count(*)::int from sd_units) as units,
         (select count(*)::int from sd_people) as people`,
    );

    // The documents' own attributes, decided once, with their ids.
    await timed(steps, `${options.documents} documents`, log, async () => {
      await client.query(
        `create temp table sd_docs on commit preserve rows as
         select i as idx, gen_random_uuid() as id,
           case when i % 10 < 7 then 'sv' else 'nb' end as lang,
           ty.type_id, ty.template_id, o.id as owner_id, a.id as approver_id,
           now() - interval '1800 days' + (i % 300) * interval '1 day' as created_at
         from generate_series(1, $1::int) i
         join sd_types ty on ty.idx = 1 + (i * 7) % $2::int
         join sd_people o on o.idx = 1 + (i * 13) % $3::int
         join sd_people a on a.idx = 1 + (i * 29 + 5) % $3::int`,
        [options.documents, counts.types, counts.people],
      );
      await client.query('alter table sd_docs add primary key (idx)');
      await client.query('analyze sd_docs');
      for (let from = 1; from <= options.documents; from += batch * 4) {
        const to = Math.min(options.documents, from + batch * 4 - 1);
        await client.query(
          `insert into documents (id, organisation_id, type_id, template_id, title, owner_id, approver_id,
             reviewer_ids, audience_unit_ids, audience_professions, review_by, status, read_by, search_config,
             version, created_at, updated_at)
           select d.id, $3, d.type_id, d.template_id,
             case when d.lang = 'sv'
               then 'Rutin för ' || w.sv_topics[1 + (d.idx * 3) % array_length(w.sv_topics, 1)] || ' '
                 || w.sv_places[1 + (d.idx / 7) % array_length(w.sv_places, 1)]
               else 'Prosedyre for ' || w.nb_topics[1 + (d.idx * 3) % array_length(w.nb_topics, 1)] || ' '
                 || w.nb_places[1 + (d.idx / 7) % array_length(w.nb_places, 1)] end || ' ' || d.idx,
             d.owner_id, d.approver_id, jsonb_build_array(d.approver_id),
             (select jsonb_agg(u.id) from sd_units u
               where u.idx in (1 + (d.idx * 17) % $4::int, 1 + (d.idx * 31 + 3) % $4::int)),
             case d.idx % 3 when 0 then '["sjukskoterska","underskoterska"]'::jsonb
               when 1 then '["lakare"]'::jsonb else '[]'::jsonb end,
             current_date - 30 + (d.idx * 7919) % 760, 'published', current_date + 30 - (d.idx % 90),
             (case d.lang when 'sv' then 'swedish' else 'norwegian' end)::regconfig,
             11, d.created_at, d.created_at + interval '540 days'
           from sd_docs d cross join sd_words w
           where d.idx between $1 and $2`,
          [from, to, orgId, counts.units],
        );
      }
    });

    await timed(
      steps,
      `${options.documents * options.versionsPerDocument} versions (${batch} documents a batch)`,
      log,
      async () => {
        for (let from = 1; from <= options.documents; from += batch) {
          const to = Math.min(options.documents, from + batch - 1);
          await client.query(
            `insert into document_versions (document_id, number, status, content, sections, revision_note, stage, change_kind,
               created_by_id, created_at, published_at, published_by_id)
             select d.id, n,
               (case when n = $3::int then 'published' else 'superseded' end)::document_version_status,
               (select jsonb_agg(jsonb_build_object('sectionId', s.section_id, 'nodes',
                   case when (s.ord + n) % 3 = 0 then jsonb_build_array(p1.node, l.node)
                        else jsonb_build_array(p1.node, p2.node) end) order by s.ord)
                from sd_sections s
                join sd_paras p1 on p1.lang = d.lang and p1.idx = (d.idx * 7 + s.ord * 131) % ${PARAGRAPHS}
                join sd_paras p2 on p2.lang = d.lang and p2.idx = (d.idx * 13 + s.ord * 17 + n * 977) % ${PARAGRAPHS}
                join sd_lists l on l.lang = d.lang and l.idx = (d.idx + s.ord * 7 + n) % ${LISTS}
                where s.template_id = d.template_id),
               (select jsonb_agg(jsonb_build_object('id', s.section_id, 'label', s.title) order by s.ord)
                from sd_sections s where s.template_id = d.template_id),
               case d.lang when 'sv' then 'Revidering ' else 'Revisjon ' end || n || '.',
               'writing', (case when n % 3 = 1 then 'significant' else 'minor' end)::document_change_kind,
               d.owner_id, d.created_at + (n - 1) * interval '60 days', d.created_at + (n - 1) * interval '60 days',
               d.approver_id
             from sd_docs d cross join generate_series(1, $3::int) n
             where d.idx between $1 and $2`,
            [from, to, options.versionsPerDocument],
          );
          // The current version and the one to have read; migration 0010's trigger keeps the search text.
          await client.query(
            `update documents doc set current_version_id = v.id, read_version_id = v.id
             from sd_docs d join document_versions v on v.document_id = d.id and v.number = $3::int
             where doc.id = d.id and d.idx between $1 and $2`,
            [from, to, options.versionsPerDocument],
          );
          if (to % (batch * 4) === 0 || to === options.documents) log(`versions: ${to} documents done`);
        }
      },
    );
    const rawBytes = await one<{ raw: number }>(
      client,
      'select coalesce(avg(octet_length(content::text)), 0)::int as raw from document_versions tablesample system (1)',
    );

    // The clinic: Ortopedkliniken's subtree, its staff and the documents addressed to it.
    const clinic = await one<{ id: string; path: string } | undefined>(
      client,
      "select id, path from units where organisation_id = $1 and name = 'Ortopedkliniken'",
      [orgId],
    );
    if (!clinic) throw new Error('the demo has no Ortopedkliniken');
    const acknowledgements = await timed(
      steps,
      `clinic: ${options.clinicPeople} people, ${options.clinicDocuments} documents, acknowledgements`,
      log,
      async () => {
        await client.query(
          `create temp table sd_clinic_units on commit preserve rows as
           select row_number() over (order by path)::int as idx, id from units
           where organisation_id = $1 and active and path like $2 || '%'`,
          [orgId, clinic.path],
        );
        const clinicUnits = (
          await one<{ n: number }>(client, 'select count(*)::int as n from sd_clinic_units')
        ).n;
        const firstNames = [
          'Anna',
          'Erik',
          'Maria',
          'Lars',
          'Karin',
          'Johan',
          'Ingrid',
          'Per',
          'Sara',
          'Nils',
        ];
        const lastNames = [
          'Andersson',
          'Berg',
          'Holm',
          'Lind',
          'Nyström',
          'Sjöberg',
          'Åkesson',
          'Öberg',
          'Dahl',
        ];
        const professions = ['Sjuksköterska', 'Undersköterska', 'Läkare', 'Fysioterapeut', 'Arbetsterapeut'];
        await client.query(
          `insert into people (organisation_id, username, name, email, profession, language, password_hash)
           select $1, 'bench.klinik.' || lpad(i::text, 4, '0'),
             ($3::text[])[1 + i % array_length($3::text[], 1)] || ' ' || ($4::text[])[1 + (i / 10) % array_length($4::text[], 1)] || ' ' || i,
             'bench.klinik.' || i || '@example.org', ($5::text[])[1 + i % array_length($5::text[], 1)], 'sv',
             (select password_hash from people where username = 'sjukskoterska')
           from generate_series(1, $2::int) i`,
          [orgId, options.clinicPeople, firstNames, lastNames, professions],
        );
        await client.query(
          `insert into role_assignments (person_id, role, unit_id)
           select p.id, 'staff', u.id
           from people p
           join sd_clinic_units u on u.idx = 1 + (substring(p.username from 14)::int * 7) % $1::int
           where p.username like 'bench.klinik.%'`,
          [clinicUnits],
        );
        // The first documents of the series are addressed to the whole clinic, every profession in it.
        await client.query(
          `update documents doc set audience_unit_ids = jsonb_build_array($1::text), audience_professions = '[]'::jsonb
           from sd_docs d where doc.id = d.id and d.idx <= $2::int`,
          [clinic.id, options.clinicDocuments],
        );
        const inserted = await client.query(
          `insert into document_acknowledgements (document_id, version_id, person_id, acknowledged_at)
           select doc.id, doc.read_version_id, p.id, now() - ((p.num + d.idx) % 20) * interval '1 day'
           from sd_docs d
           join documents doc on doc.id = d.id
           cross join (select id, substring(username from 14)::int as num from people
                       where username like 'bench.klinik.%') p
           where d.idx <= $1::int and (p.num * 7 + d.idx * 3) % 100 < 50`,
          [options.clinicDocuments],
        );
        return inserted.rowCount ?? 0;
      },
    );

    // Vacuumed as well: every document was updated once (its current version), and the dead rows
    // would otherwise stay in the heap and the indexes where CI runs PostgreSQL without autovacuum.
    await timed(steps, 'vacuum and analyze', log, async () => {
      await client.query(
        'vacuum (analyze) documents, document_versions, document_acknowledgements, people, role_assignments, units, document_templates',
      );
    });
    const clinicDocumentIds = (
      await client.query<{ id: string }>('select id from sd_docs where idx <= $1::int order by idx', [
        options.clinicDocuments,
      ])
    ).rows.map((r) => r.id);
    return {
      documents: options.documents,
      versions: options.documents * options.versionsPerDocument,
      acknowledgements,
      clinicPeople: options.clinicPeople,
      steps,
      seconds: (performance.now() - started) / 1000,
      clinicUnitId: clinic.id,
      clinicDocumentIds,
      averageVersionBytes: rawBytes.raw,
    };
  } finally {
    await client.end();
  }
}
