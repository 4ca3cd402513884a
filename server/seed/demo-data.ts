// The fictional demo organisation. Every person, address and identifier here is invented; the
// partner agencies are named by their real agency names only, as in the domain brief.

export interface DemoUnit {
  key: string;
  name: string;
  parent?: string;
  externalId?: string;
}

export interface DemoOrganisation {
  key: string;
  name: string;
  kind: 'region' | 'agency';
  units: DemoUnit[];
}

export interface DemoPerson {
  username: string;
  name: string;
  organisation: string;
  profession: string | null;
  language?: 'sv' | 'nb' | 'en';
  roles: Array<{ role: 'staff' | 'manager' | 'quality_coordinator' | 'administrator'; unit: string }>;
  /** what the README says this user is for */
  purpose: string;
}

export interface DemoBody {
  name: string;
  organisation: string;
  kind: 'committee' | 'forum' | 'collaboration_group';
  description: string;
  members: Array<{ username: string; role: 'chair' | 'member' | 'secretary' }>;
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'region',
    name: 'Region Älvsund',
    kind: 'region',
    units: [
      { key: 'region', name: 'Region Älvsund', externalId: 'SE0000000001-R001' },
      {
        key: 'hsf',
        name: 'Hälso- och sjukvårdsförvaltningen',
        parent: 'region',
        externalId: 'SE0000000001-R010',
      },
      { key: 'hospital', name: 'Älvsunds sjukhus', parent: 'region', externalId: 'SE0000000001-S100' },
      { key: 'ortho', name: 'Ortopedkliniken', parent: 'hospital', externalId: 'SE0000000001-S110' },
      { key: 'ortho-foot', name: 'Sektion fot och fotled', parent: 'ortho', externalId: 'SE0000000001-S111' },
      { key: 'ortho-hip', name: 'Sektion höft och knä', parent: 'ortho', externalId: 'SE0000000001-S112' },
      {
        key: 'ortho-hand',
        name: 'Sektion hand och armbåge',
        parent: 'ortho',
        externalId: 'SE0000000001-S113',
      },
      {
        key: 'ortho-ward',
        name: 'Ortopedisk vårdavdelning 12',
        parent: 'ortho',
        externalId: 'SE0000000001-S114',
      },
      { key: 'medicine', name: 'Medicinkliniken', parent: 'hospital', externalId: 'SE0000000001-S120' },
      {
        key: 'medicine-ward',
        name: 'Medicinavdelning 3',
        parent: 'medicine',
        externalId: 'SE0000000001-S121',
      },
      { key: 'emergency', name: 'Akutkliniken', parent: 'hospital', externalId: 'SE0000000001-S130' },
      { key: 'primary', name: 'Primärvården Älvsund', parent: 'region', externalId: 'SE0000000001-P200' },
      {
        key: 'vc-bjorkhagen',
        name: 'Vårdcentralen Björkhagen',
        parent: 'primary',
        externalId: 'SE0000000001-P210',
      },
      {
        key: 'vc-sjostaden',
        name: 'Vårdcentralen Sjöstaden',
        parent: 'primary',
        externalId: 'SE0000000001-P220',
      },
    ],
  },
  {
    key: 'fk',
    name: 'Försäkringskassan',
    kind: 'agency',
    units: [
      { key: 'fk', name: 'Försäkringskassan' },
      { key: 'fk-alvsund', name: 'Försäkringskassan, sjukförsäkring Älvsund', parent: 'fk' },
    ],
  },
  {
    key: 'af',
    name: 'Arbetsförmedlingen',
    kind: 'agency',
    units: [
      { key: 'af', name: 'Arbetsförmedlingen' },
      { key: 'af-alvsund', name: 'Arbetsförmedlingen Älvsund', parent: 'af' },
    ],
  },
];

export const demoPeople: DemoPerson[] = [
  {
    username: 'admin',
    name: 'Alva Adminsson',
    organisation: 'region',
    profession: 'Systemförvaltare',
    roles: [{ role: 'administrator', unit: 'region' }],
    purpose: 'administrator of the whole region: units, people, roles, bodies, imports, audit log',
  },
  {
    username: 'hsdirektor',
    name: 'Henrik Dahlberg',
    organisation: 'region',
    profession: 'Hälso- och sjukvårdsdirektör',
    roles: [{ role: 'manager', unit: 'region' }],
    purpose: 'manager at the top of the region; chairs the samverkansgrupp',
  },
  {
    username: 'kvalitet',
    name: 'Klara Kvist',
    organisation: 'region',
    profession: 'Kvalitetssamordnare',
    roles: [{ role: 'quality_coordinator', unit: 'region' }],
    purpose: 'quality coordinator for the whole region',
  },
  {
    username: 'chef.sjukhus',
    name: 'Sigrid Holm',
    organisation: 'region',
    profession: 'Sjukhusdirektör',
    roles: [{ role: 'manager', unit: 'hospital' }],
    purpose: 'manager of Älvsunds sjukhus',
  },
  {
    username: 'chef.ortopedi',
    name: 'Olof Berglund',
    organisation: 'region',
    profession: 'Verksamhetschef',
    roles: [{ role: 'manager', unit: 'ortho' }],
    purpose: 'head of the orthopaedic clinic',
  },
  {
    username: 'kvalitet.ortopedi',
    name: 'Kerstin Åberg',
    organisation: 'region',
    profession: 'Kvalitetssamordnare',
    roles: [
      { role: 'quality_coordinator', unit: 'ortho' },
      { role: 'staff', unit: 'ortho' },
    ],
    purpose: 'quality coordinator of the orthopaedic clinic',
  },
  {
    username: 'chef.fot',
    name: 'Fredrik Lund',
    organisation: 'region',
    profession: 'Sektionschef, ortopedläkare',
    roles: [{ role: 'manager', unit: 'ortho-foot' }],
    purpose: 'manager of the foot and ankle section',
  },
  {
    username: 'chef.hoft',
    name: 'Hanna Sjöberg',
    organisation: 'region',
    profession: 'Sektionschef',
    roles: [{ role: 'manager', unit: 'ortho-hip' }],
    purpose: 'manager of the hip and knee section',
  },
  {
    username: 'chef.hand',
    name: 'Anders Wik',
    organisation: 'region',
    profession: 'Sektionschef',
    roles: [{ role: 'manager', unit: 'ortho-hand' }],
    purpose: 'manager of the hand and elbow section',
  },
  {
    username: 'chef.avd12',
    name: 'Maria Ek',
    organisation: 'region',
    profession: 'Avdelningschef',
    roles: [{ role: 'manager', unit: 'ortho-ward' }],
    purpose: "manager of orthopaedic ward 12: the nurse's nearest manager",
  },
  {
    username: 'sjukskoterska',
    name: 'Sofia Lindgren',
    organisation: 'region',
    profession: 'Sjuksköterska',
    roles: [{ role: 'staff', unit: 'ortho-ward' }],
    purpose: 'a nurse on ward 12 who reports deviations',
  },
  {
    username: 'lakare',
    name: 'Lars Nyström',
    organisation: 'region',
    profession: 'Specialistläkare ortopedi',
    roles: [{ role: 'staff', unit: 'ortho-foot' }],
    purpose: 'an orthopaedic surgeon in the foot and ankle section',
  },
  {
    username: 'chef.medicin',
    name: 'Eva Strand',
    organisation: 'region',
    profession: 'Verksamhetschef',
    roles: [{ role: 'manager', unit: 'medicine' }],
    purpose: 'head of the medical clinic: a manager of another unit',
  },
  {
    username: 'chef.avd3',
    name: 'Johan Falk',
    organisation: 'region',
    profession: 'Avdelningschef',
    roles: [{ role: 'manager', unit: 'medicine-ward' }],
    purpose: 'manager of medical ward 3',
  },
  {
    username: 'chef.akut',
    name: 'Ingrid Blom',
    organisation: 'region',
    profession: 'Verksamhetschef',
    roles: [{ role: 'manager', unit: 'emergency' }],
    purpose: 'head of the emergency clinic',
  },
  {
    username: 'chef.primarvard',
    name: 'Peter Almqvist',
    organisation: 'region',
    profession: 'Primärvårdschef',
    roles: [{ role: 'manager', unit: 'primary' }],
    purpose: 'head of primary care',
  },
  {
    username: 'chef.bjorkhagen',
    name: 'Lena Björk',
    organisation: 'region',
    profession: 'Vårdcentralschef',
    roles: [{ role: 'manager', unit: 'vc-bjorkhagen' }],
    purpose: 'manager of Vårdcentralen Björkhagen',
  },
  {
    username: 'chef.sjostaden',
    name: 'Nils Hedman',
    organisation: 'region',
    profession: 'Vårdcentralschef',
    roles: [{ role: 'manager', unit: 'vc-sjostaden' }],
    purpose: 'manager of Vårdcentralen Sjöstaden',
  },
  {
    username: 'distriktslakare',
    name: 'Elin Vik',
    organisation: 'region',
    profession: 'Specialist i allmänmedicin',
    roles: [{ role: 'staff', unit: 'vc-bjorkhagen' }],
    purpose: 'a GP who writes sick-leave certificates',
  },
  {
    username: 'kommitte.ordf',
    name: 'Greta Sandell',
    organisation: 'region',
    profession: 'Överläkare, försäkringsmedicinskt ledningsstöd',
    roles: [{ role: 'staff', unit: 'hsf' }],
    purpose: 'chair of Försäkringsmedicinska kommittén',
  },
  {
    username: 'fm.radgivare',
    name: 'Tomas Ahlgren',
    organisation: 'region',
    profession: 'Försäkringsmedicinsk rådgivare',
    roles: [{ role: 'staff', unit: 'hsf' }],
    purpose: 'region member of the committee and Avvikelseforum',
  },
  {
    username: 'fk.utredare',
    name: 'Ulla Rask',
    organisation: 'fk',
    profession: 'Försäkringsutredare',
    roles: [{ role: 'staff', unit: 'fk-alvsund' }],
    purpose: 'Försäkringskassan investigator; member of Avvikelseforum (sees cases, never patient identity)',
  },
  {
    username: 'fk.chef',
    name: 'Bengt Ström',
    organisation: 'fk',
    profession: 'Områdeschef',
    roles: [{ role: 'manager', unit: 'fk-alvsund' }],
    purpose: 'Försäkringskassan area manager; member of the samverkansgrupp',
  },
  {
    username: 'af.handlaggare',
    name: 'Amira Hassan',
    organisation: 'af',
    profession: 'Handläggare',
    roles: [{ role: 'staff', unit: 'af-alvsund' }],
    purpose: 'Arbetsförmedlingen officer; member of Avvikelseforum',
  },
  {
    username: 'af.chef',
    name: 'Karl Öberg',
    organisation: 'af',
    profession: 'Chef Arbetsförmedlingen Älvsund',
    roles: [{ role: 'manager', unit: 'af-alvsund' }],
    purpose: 'Arbetsförmedlingen head; member of the samverkansgrupp',
  },
  {
    username: 'ps.ordf',
    name: 'Margareta Lind',
    organisation: 'region',
    profession: 'Chefläkare',
    language: 'sv',
    roles: [{ role: 'staff', unit: 'hsf' }],
    purpose: 'chief medical officer; chairs the patient-safety council',
  },
];

export const demoBodies: DemoBody[] = [
  {
    name: 'Försäkringsmedicinska kommittén',
    organisation: 'region',
    kind: 'committee',
    description:
      'Tar emot försäkringsmedicinska avvikelser som inte kan lösas på chefsnivå, och lösta avvikelser av principiell vikt i lärande syfte.',
    members: [
      { username: 'kommitte.ordf', role: 'chair' },
      { username: 'fm.radgivare', role: 'member' },
      { username: 'kvalitet', role: 'secretary' },
    ],
  },
  {
    name: 'Avvikelseforum',
    organisation: 'region',
    kind: 'forum',
    description:
      'Försäkringsmedicinska kommitténs operativa samverkansgrupp med Arbetsförmedlingen, Försäkringskassan och regionen; tar ställning till vidare hantering.',
    members: [
      { username: 'fm.radgivare', role: 'chair' },
      { username: 'fk.utredare', role: 'member' },
      { username: 'af.handlaggare', role: 'member' },
      { username: 'kommitte.ordf', role: 'member' },
    ],
  },
  {
    name: 'Försäkringsmedicinska samverkansgruppen',
    organisation: 'region',
    kind: 'collaboration_group',
    description:
      'Cheferna för Arbetsförmedlingen, Försäkringskassan och regionens hälso- och sjukvård; avgör det som Avvikelseforum inte kan lösa.',
    members: [
      { username: 'hsdirektor', role: 'chair' },
      { username: 'fk.chef', role: 'member' },
      { username: 'af.chef', role: 'member' },
    ],
  },
  {
    name: 'Patientsäkerhetsrådet',
    organisation: 'region',
    kind: 'committee',
    description:
      'Regionens råd för patientsäkerhet: allvarliga vårdavvikelser, läkemedel, fall och informationsöverföring.',
    members: [
      { username: 'ps.ordf', role: 'chair' },
      { username: 'kvalitet', role: 'member' },
      { username: 'chef.sjukhus', role: 'member' },
    ],
  },
];

export const demoContacts: Array<{
  unit: string;
  organisation: string;
  name: string;
  role: string;
  email: string;
  phone: string;
}> = [
  {
    unit: 'ortho',
    organisation: 'fk',
    name: 'Ulla Rask',
    role: 'Försäkringsutredare, kontaktperson',
    email: 'ulla.rask@fk.example',
    phone: '010-000 00 01',
  },
  {
    unit: 'ortho',
    organisation: 'af',
    name: 'Amira Hassan',
    role: 'Handläggare, kontaktperson',
    email: 'amira.hassan@af.example',
    phone: '010-000 00 02',
  },
  {
    unit: 'vc-bjorkhagen',
    organisation: 'fk',
    name: 'Per Sandgren',
    role: 'Samverkansansvarig',
    email: 'per.sandgren@fk.example',
    phone: '010-000 00 03',
  },
  {
    unit: 'vc-sjostaden',
    organisation: 'fk',
    name: 'Per Sandgren',
    role: 'Samverkansansvarig',
    email: 'per.sandgren@fk.example',
    phone: '010-000 00 03',
  },
  {
    unit: 'region',
    organisation: 'fk',
    name: 'Bengt Ström',
    role: 'Områdeschef, chef-till-chef-frågor',
    email: 'bengt.strom@fk.example',
    phone: '010-000 00 04',
  },
  {
    unit: 'region',
    organisation: 'af',
    name: 'Karl Öberg',
    role: 'Chef, chef-till-chef-frågor',
    email: 'karl.oberg@af.example',
    phone: '010-000 00 05',
  },
];

export const demoAssignments: Array<{ unit: string; title: string; description: string }> = [
  {
    unit: 'ortho-foot',
    title: 'Framfotskirurgi',
    description: 'Framfotskirurgi bedrivs vid alla sjukhus i regionen.',
  },
  {
    unit: 'ortho-foot',
    title: 'Nav för fotledsprotes',
    description: 'Regionens nav för fotledsprotesoperationer.',
  },
  {
    unit: 'ortho-hip',
    title: 'Avancerad höft- och knäkirurgi',
    description: 'Revisioner och avancerad protéskirurgi koncentreras hit.',
  },
  {
    unit: 'ortho',
    title: 'Snabbspår för höftfraktur',
    description: 'Snabbspår från akuten till operation inom 24 timmar.',
  },
];

/** The demo e-mail address of a person: invented, on an example domain. */
export function demoEmail(username: string, organisation: string): string {
  const domain =
    organisation === 'fk' ? 'fk.example' : organisation === 'af' ? 'af.example' : 'alvsund.example';
  return `${username}@${domain}`;
}
