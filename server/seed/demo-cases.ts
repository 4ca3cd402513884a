import { eq, sql } from 'drizzle-orm';
import type { CreateDeviationBody, TransitionBody } from '../../contracts/deviations.ts';
import { createAction, updateHandling } from '../modules/deviations/handling.ts';
import { submitDeviation } from '../modules/deviations/submit.ts';
import { deviationCategories } from '../modules/deviations/tables.ts';
import { applyTransition } from '../modules/deviations/transitions.ts';
import { loadActor } from '../modules/organisation/actors.ts';
import { people, units } from '../modules/organisation/tables.ts';
import type { Actor } from '../platform/access.ts';
import type { AuditContext } from '../platform/audit.ts';
import type { Db } from '../platform/db.ts';

// A few fictional reports in the demo region, so that a first look at Loopen shows inboxes,
// a case at a committee, feedback in "My reports" and statistics with a history. They are filed
// and handled through the same functions a request uses, then dated back over the last months;
// the audit log keeps the time they were really written. No person or patient in them is real.

interface DemoStep {
  as: string;
  command?: TransitionBody;
  risk?: { riskConsequence: number; riskProbability: number; raiseAtUnitMeeting?: boolean };
  action?: { title: string; owner: string; dueInDays: number };
}

interface DemoCase {
  reporter: string;
  type: string;
  unit: string;
  daysAgo: number;
  /** days from the report to its handling steps */
  handledAfter?: number;
  report: Omit<CreateDeviationBody, 'categoryId' | 'unitId' | 'occurredAt'>;
  steps: DemoStep[];
}

const demoCases: DemoCase[] = [
  {
    reporter: 'sjukskoterska',
    type: 'fall-no-injury',
    unit: 'Ortopedisk vårdavdelning 12',
    daysAgo: 64,
    handledAfter: 9,
    report: {
      description:
        'Patienten gled ur sängen vid nattlig toalettbesök. Sänggrinden var nedfälld och ringklockan låg utom räckhåll.',
      immediateAction: 'Patienten undersöktes av jourläkare, inga skador. Sänggrind uppfälld.',
      suggestion: 'Rutin för att kontrollera ringklockans placering vid kvällsronden.',
      patientInvolved: true,
    },
    steps: [
      { as: 'chef.avd12', command: { action: 'accept' } },
      { as: 'chef.avd12', risk: { riskConsequence: 2, riskProbability: 3 } },
      {
        as: 'chef.avd12',
        command: {
          action: 'resolve',
          summary: 'Ringklockans placering ingår nu i kvällsrondens checklista.',
        },
      },
      {
        as: 'chef.avd12',
        command: {
          action: 'close',
          feedback:
            'Tack för rapporten. Kvällsronden kontrollerar nu att ringklockan ligger inom räckhåll, och vi följer upp fallen på nästa APT.',
        },
      },
    ],
  },
  {
    reporter: 'sjukskoterska',
    type: 'wrong-dose',
    unit: 'Ortopedisk vårdavdelning 12',
    daysAgo: 23,
    handledAfter: 2,
    report: {
      description:
        'Ordinerad dos Fragmin var 5000 E men 7500 E iordningställdes. Upptäcktes vid dubbelkontroll före administrering.',
      immediateAction: 'Rätt dos iordningställdes. Ingen felaktig dos gavs.',
      patientInvolved: true,
    },
    steps: [
      { as: 'chef.avd12', command: { action: 'accept' } },
      { as: 'chef.avd12', risk: { riskConsequence: 3, riskProbability: 2, raiseAtUnitMeeting: true } },
      {
        as: 'chef.avd12',
        action: {
          title: 'Gå igenom dubbelkontrollen av injektioner på APT',
          owner: 'sjukskoterska',
          dueInDays: 14,
        },
      },
    ],
  },
  {
    reporter: 'sjukskoterska',
    type: 'insurance-medicine',
    unit: 'Ortopedisk vårdavdelning 12',
    daysAgo: 37,
    handledAfter: 6,
    report: {
      description:
        'Läkarintyget för sjukpenning skickades inte till Försäkringskassan efter utskrivning, och ersättningen fördröjdes.',
      suggestion: 'Tydligare ansvar för intyg vid utskrivning.',
    },
    steps: [
      { as: 'chef.avd12', command: { action: 'accept' } },
      {
        as: 'chef.avd12',
        command: {
          action: 'escalate',
          reason:
            'Samma brist har kommit upp flera gånger och berör rutinen mellan kliniken och Försäkringskassan.',
        },
      },
    ],
  },
  {
    reporter: 'lakare',
    type: 'referral',
    unit: 'Sektion fot och fotled',
    daysAgo: 12,
    report: {
      description: 'Remiss till fysioterapi skickades till fel mottagning och blev liggande i tre veckor.',
      patientInvolved: true,
    },
    steps: [],
  },
  {
    reporter: 'chef.avd3',
    type: 'handover',
    unit: 'Medicinavdelning 3',
    daysAgo: 48,
    handledAfter: 4,
    report: {
      description: 'Överrapporteringen från akuten saknade uppgift om patientens penicillinallergi.',
      immediateAction: 'Allergin dokumenterades och ansvarig läkare informerades.',
      patientInvolved: true,
    },
    steps: [
      { as: 'chef.avd3', command: { action: 'accept' } },
      {
        as: 'chef.avd3',
        command: { action: 'resolve', summary: 'Överrapporteringsmallen kompletterades med överkänslighet.' },
      },
    ],
  },
  {
    reporter: 'distriktslakare',
    type: 'staffing',
    unit: 'Vårdcentralen Björkhagen',
    daysAgo: 5,
    report: {
      description: 'Två sjuksköterskor saknades på dagpasset utan ersättare; telefontiden fick stängas.',
      suggestion: 'En bemanningsplan för sjukdomsfrånvaro under influensasäsongen.',
    },
    steps: [],
  },
];

const demoAudit: AuditContext = { actorId: null, actorName: 'demo seed', requestId: null };

/** Files and handles the demo's example reports; called once, right after the demo is seeded. */
export async function seedDemoCases(db: Db): Promise<number> {
  const personIds = new Map(
    (await db.select({ id: people.id, username: people.username }).from(people)).map((p) => [
      p.username,
      p.id,
    ]),
  );
  // Everyone who files or handles, loaded before the transactions (PGlite has one connection).
  const actors = new Map<string, Actor>();
  for (const username of new Set(demoCases.flatMap((c) => [c.reporter, ...c.steps.map((s) => s.as)]))) {
    const id = personIds.get(username);
    const actor = id ? await loadActor(db, id, 'demo-seed') : null;
    if (!actor) throw new Error(`demo cases: no person ${username}`);
    actors.set(username, actor);
  }
  const actorOf = (username: string): Actor => {
    const actor = actors.get(username);
    if (!actor) throw new Error(`demo cases: no person ${username}`);
    return actor;
  };
  let filed = 0;
  for (const demo of demoCases) {
    await db.transaction(async (tx) => {
      const [category] = await tx
        .select({ id: deviationCategories.id })
        .from(deviationCategories)
        .where(eq(deviationCategories.key, demo.type));
      const [unit] = await tx.select({ id: units.id }).from(units).where(eq(units.name, demo.unit));
      if (!category || !unit) throw new Error(`demo cases: no type ${demo.type} or unit ${demo.unit}`);
      const audit = { ...demoAudit };
      const receipt = await submitDeviation(
        {
          actor: actorOf(demo.reporter),
          audit,
          idempotencyKey: null,
          input: {
            ...demo.report,
            categoryId: category.id,
            unitId: unit.id,
            occurredAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
          },
        },
        tx,
      );
      for (const step of demo.steps) {
        const actor = actorOf(step.as);
        if (step.command)
          await applyTransition({ actor, audit, deviationId: receipt.id, command: step.command }, tx);
        if (step.risk)
          await updateHandling({ actor, audit, deviationId: receipt.id, changes: step.risk }, tx);
        if (step.action) {
          const owner = personIds.get(step.action.owner);
          if (!owner) throw new Error(`demo cases: no person ${step.action.owner}`);
          const due = new Date(Date.now() + step.action.dueInDays * 86_400_000).toISOString().slice(0, 10);
          await createAction(
            {
              actor,
              audit,
              deviationId: receipt.id,
              input: { title: step.action.title, ownerId: owner, dueOn: due },
            },
            tx,
          );
        }
      }
      // Dated back, so that the lists and statistics have a history: reported daysAgo, handled
      // handledAfter days later.
      const reported = sql`make_interval(days => ${demo.daysAgo})`;
      const handled = sql`make_interval(days => ${demo.daysAgo - (demo.handledAfter ?? 0)})`;
      await tx.execute(sql`update deviations set occurred_at = occurred_at - ${reported},
          reported_at = reported_at - ${reported}, due_at = due_at - ${reported},
          accepted_at = accepted_at - ${handled}, resolved_at = resolved_at - ${handled},
          closed_at = closed_at - ${handled}, updated_at = updated_at - ${handled}
        where id = ${receipt.id}`);
      await tx.execute(sql`update deviation_events
        set at = at - (case when action = 'submitted' then ${reported} else ${handled} end)
        where deviation_id = ${receipt.id}`);
      filed += 1;
    });
  }
  return filed;
}
