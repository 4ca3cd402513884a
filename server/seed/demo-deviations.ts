import { eq } from 'drizzle-orm';
import {
  deviationCategories,
  deviationEntries,
  deviationLadderSteps,
  type LocalizedText,
} from '../modules/deviations/tables.ts';
import { bodies } from '../modules/organisation/tables.ts';
import type { Db } from '../platform/db.ts';

// The demo region's reporting configuration, after seed 002: three entries, and under "Säkerhet,
// miljö och organisation" the area Verksamhet/organisation with the type Försäkringsmedicin and its
// ladder of three bodies. It is data like any organisation's own; the code names none of it.

interface DemoCategory {
  key: string;
  name: LocalizedText;
  help?: LocalizedText;
  patientRelated?: boolean;
  handlingDays?: number;
  companion?: string;
  ladder?: string[];
  children?: DemoCategory[];
}

interface DemoEntry {
  key: string;
  name: LocalizedText;
  help: LocalizedText;
  categories: DemoCategory[];
}

const patientSafety = ['Patientsäkerhetsrådet'];
const insuranceMedicine = [
  'Försäkringsmedicinska kommittén',
  'Avvikelseforum',
  'Försäkringsmedicinska samverkansgruppen',
];

const careType = (key: string, name: LocalizedText, handlingDays = 14): DemoCategory => ({
  key,
  name,
  patientRelated: true,
  handlingDays,
  companion: 'safety-organisation',
  ladder: patientSafety,
});

export const demoEntries: DemoEntry[] = [
  {
    key: 'care',
    name: { sv: 'Vårdavvikelse', nb: 'Pasientrelatert avvik', en: 'Care deviation' },
    help: {
      sv: 'Något som har lett till eller kunde ha lett till att en patient skadades.',
      nb: 'Noe som har ført til eller kunne ha ført til at en pasient ble skadet.',
      en: 'Something that harmed a patient or could have.',
    },
    categories: [
      {
        key: 'medication',
        name: { sv: 'Läkemedel', nb: 'Legemidler', en: 'Medication' },
        children: [
          careType('wrong-drug', { sv: 'Fel läkemedel', nb: 'Feil legemiddel', en: 'Wrong drug' }),
          careType('wrong-dose', { sv: 'Fel dos', nb: 'Feil dose', en: 'Wrong dose' }),
          careType('missed-dose', { sv: 'Utebliven dos', nb: 'Glemt dose', en: 'Missed dose' }),
        ],
      },
      {
        key: 'falls',
        name: { sv: 'Fall', nb: 'Fall', en: 'Falls' },
        children: [
          careType('fall-injury', { sv: 'Fall med skada', nb: 'Fall med skade', en: 'Fall with injury' }, 7),
          careType('fall-no-injury', {
            sv: 'Fall utan skada',
            nb: 'Fall uten skade',
            en: 'Fall without injury',
          }),
        ],
      },
      {
        key: 'information',
        name: { sv: 'Informationsöverföring', nb: 'Informasjonsoverføring', en: 'Information transfer' },
        children: [
          careType('handover', {
            sv: 'Brister i överrapportering',
            nb: 'Mangelfull overlevering',
            en: 'Deficient handover',
          }),
          careType('referral', { sv: 'Remisshantering', nb: 'Henvisninger', en: 'Referrals' }),
        ],
      },
    ],
  },
  {
    key: 'work-environment',
    name: { sv: 'Arbetsmiljö', nb: 'Arbeidsmiljø', en: 'Work environment' },
    help: {
      sv: 'Tillbud och skador som rör dig och dina kollegor.',
      nb: 'Nestenulykker og skader som gjelder deg og kollegene dine.',
      en: 'Near misses and injuries affecting you and your colleagues.',
    },
    categories: [
      {
        key: 'threats',
        name: { sv: 'Hot och våld', nb: 'Trusler og vold', en: 'Threats and violence' },
        handlingDays: 7,
      },
      {
        key: 'needlestick',
        name: { sv: 'Stick- och skärskada', nb: 'Stikk- og kuttskade', en: 'Needlestick or cut' },
        handlingDays: 7,
      },
      { key: 'strain', name: { sv: 'Belastning', nb: 'Belastning', en: 'Physical strain' } },
    ],
  },
  {
    key: 'safety-organisation',
    name: {
      sv: 'Säkerhet, miljö och organisation',
      nb: 'Sikkerhet, miljø og organisasjon',
      en: 'Safety, environment and organisation',
    },
    help: {
      sv: 'Brister i verksamheten, samverkan, lokaler och miljö.',
      nb: 'Mangler i virksomheten, samarbeid, lokaler og miljø.',
      en: 'Shortcomings in the organisation, collaboration, premises and environment.',
    },
    categories: [
      {
        key: 'organisation',
        name: { sv: 'Verksamhet/organisation', nb: 'Virksomhet/organisasjon', en: 'Operations/organisation' },
        children: [
          {
            key: 'insurance-medicine',
            name: { sv: 'Försäkringsmedicin', nb: 'Trygdemedisin', en: 'Insurance medicine' },
            help: {
              sv: 'Brister i följsamhet till försäkringsmedicinska styrande dokument, bemötande, samverkan med Försäkringskassan eller Arbetsförmedlingen, eller den regionala överenskommelsen.',
              nb: 'Mangler i etterlevelse av trygdemedisinske styringsdokumenter, opptreden, samarbeid med Försäkringskassan eller Arbetsförmedlingen, eller den regionale avtalen.',
              en: 'Lapses in following insurance-medicine guidance, conduct, collaboration with Försäkringskassan or Arbetsförmedlingen, or the regional agreement.',
            },
            handlingDays: 30,
            companion: 'care',
            ladder: insuranceMedicine,
          },
          {
            key: 'staffing',
            name: { sv: 'Bemanning', nb: 'Bemanning', en: 'Staffing' },
            ladder: patientSafety,
          },
        ],
      },
      {
        key: 'premises',
        name: { sv: 'Lokaler och utrustning', nb: 'Lokaler og utstyr', en: 'Premises and equipment' },
        children: [
          {
            key: 'equipment-fault',
            name: { sv: 'Fel på utrustning', nb: 'Feil på utstyr', en: 'Equipment fault' },
          },
          { key: 'fire-safety', name: { sv: 'Brandskydd', nb: 'Brannvern', en: 'Fire safety' } },
        ],
      },
    ],
  },
];

function required<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo deviation config: unknown ${what} '${key}'`);
  return value;
}

/** Seeds the demo region's reporting configuration inside the caller's transaction. */
export async function seedDemoDeviationConfig(tx: Db, organisationId: string): Promise<void> {
  const bodyRows = await tx
    .select({ id: bodies.id, name: bodies.name })
    .from(bodies)
    .where(eq(bodies.organisationId, organisationId));
  const bodyIds = new Map(bodyRows.map((b) => [b.name, b.id]));
  const entryIds = new Map<string, string>();
  for (const [index, entry] of demoEntries.entries()) {
    const [row] = await tx
      .insert(deviationEntries)
      .values({ organisationId, key: entry.key, name: entry.name, help: entry.help, sortOrder: index })
      .returning({ id: deviationEntries.id });
    if (!row) throw new Error('demo deviation config: entry insert failed');
    entryIds.set(entry.key, row.id);
  }
  // Companions may point at an entry listed later, so categories come after all entries.
  const insert = async (entryId: string, parentId: string | null, nodes: DemoCategory[]): Promise<void> => {
    for (const [index, node] of nodes.entries()) {
      const [row] = await tx
        .insert(deviationCategories)
        .values({
          entryId,
          parentId,
          key: node.key,
          name: node.name,
          help: node.help ?? null,
          sortOrder: index,
          patientRelated: node.patientRelated ?? false,
          handlingDays: node.handlingDays ?? 30,
          companionEntryId: node.companion ? required(entryIds, node.companion, 'entry') : null,
        })
        .returning({ id: deviationCategories.id });
      if (!row) throw new Error('demo deviation config: category insert failed');
      for (const [position, bodyName] of (node.ladder ?? []).entries()) {
        await tx.insert(deviationLadderSteps).values({
          categoryId: row.id,
          position: position + 1,
          bodyId: required(bodyIds, bodyName, 'body'),
        });
      }
      await insert(entryId, row.id, node.children ?? []);
    }
  };
  for (const entry of demoEntries)
    await insert(required(entryIds, entry.key, 'entry'), null, entry.categories);
}
