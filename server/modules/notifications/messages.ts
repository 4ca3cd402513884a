import { registerMessages } from '../../platform/i18n.ts';

/**
 * The catalogue of notification kinds. Each kind has a `title` (shown in the app and used as the
 * e-mail subject: it may only use the e-mail-safe params number, body, type and unit) and may have
 * a `detail` (in the app only; it may name people and quote a reason, never a patient).
 */
export const notificationKinds = [
  'deviation.assigned',
  'deviation.forwarded',
  'deviation.escalated',
  'deviation.returned',
  'deviation.closed',
  'deviation.lifted',
  'deviation.triage_reminder',
  'deviation.triage_overdue_to_manager',
  'deviation.action_reminder',
  'deviation.action_overdue_to_manager',
  'deviation.action_assigned',
  'document.review_requested',
  'document.submitted',
  'document.sent_back',
  'document.published',
  'document.read_requested',
  'document.review_reminder',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (notificationKinds as readonly string[]).includes(value);
}

registerMessages({
  sv: {
    'notification.document.review_requested.title': 'Ett dokument väntar på din granskning',
    'notification.document.review_requested.detail':
      '”{title}”, granskningsomgång {round}, senast {deadline}.',
    'notification.document.submitted.title': 'Ett dokument väntar på ditt godkännande',
    'notification.document.submitted.detail': '”{title}”, version {version}, inskickad av {by}.',
    'notification.document.sent_back.title': 'Ditt dokument har skickats tillbaka',
    'notification.document.sent_back.detail': '”{title}” skickades tillbaka av {by}.',
    'notification.document.published.title': 'Ditt dokument har publicerats',
    'notification.document.published.detail': '”{title}”, version {version}, godkändes av {by}.',
    'notification.deviation.assigned.title': 'Ny avvikelse att hantera: {number}',
    'notification.deviation.forwarded.title': 'Avvikelse {number} har skickats vidare till dig',
    'notification.deviation.forwarded.detail': 'Skickad av {by}.',
    'notification.deviation.escalated.title': 'Avvikelse {number} har eskalerats till {body}',
    'notification.deviation.returned.title': 'Avvikelse {number} har skickats tillbaka till dig',
    'notification.deviation.returned.detail': 'Från {body}.',
    'notification.deviation.closed.title': 'Återkoppling finns på din avvikelse {number}',
    'notification.deviation.lifted.title': 'Avvikelse {number} har lyfts till {body} för lärande',
    'notification.deviation.triage_reminder.title':
      'Påminnelse: avvikelse {number} väntar på att du tar ställning',
    'notification.deviation.triage_overdue_to_manager.title':
      'Avvikelse {number} har inte tagits om hand i tid',
    'notification.deviation.triage_overdue_to_manager.detail':
      '{handler} har påmints men inte tagit ställning till avvikelsen.',
    'notification.deviation.action_assigned.title': 'Du har fått en åtgärd i avvikelse {number}',
    'notification.deviation.action_assigned.detail': '”{action}”, klar senast {dueOn}.',
    'notification.deviation.action_reminder.title': 'Påminnelse: en åtgärd i avvikelse {number} är försenad',
    'notification.deviation.action_reminder.detail': '”{action}” skulle vara klar {dueOn}.',
    'notification.deviation.action_overdue_to_manager.title': 'En åtgärd i avvikelse {number} är försenad',
    'notification.deviation.action_overdue_to_manager.detail':
      '{owner} ansvarar för ”{action}”, som skulle vara klar {dueOn}.',
    'notification.document.read_requested.title': 'Ett dokument väntar på att du läser det',
    'notification.document.read_requested.detail': '”{title}”, version {version}. Läs senast {readBy}.',
    'notification.document.review_reminder.title': 'Påminnelse: ett av dina dokument ska snart ses över',
    'notification.document.review_reminder.detail': '”{title}” ska ses över senast {reviewBy}.',
    'notification.reason': 'Motivering: {reason}',
    'notification.instructions': 'Instruktioner: {instructions}',
    'notification.mail.greeting': 'Hej {name},',
    'notification.mail.type': 'Typ: {type}',
    'notification.mail.unit': 'Enhet: {unit}',
    'notification.mail.open': 'Öppna i Loopen: {link}',
    'notification.mail.footer':
      'Du får det här brevet från Loopen. Alla dina notiser finns under {link}. Svara inte på brevet.',
  },
  nb: {
    'notification.document.review_requested.title': 'Et dokument venter på din gjennomgang',
    'notification.document.review_requested.detail':
      '«{title}», gjennomgangsrunde {round}, senest {deadline}.',
    'notification.document.submitted.title': 'Et dokument venter på din godkjenning',
    'notification.document.submitted.detail': '«{title}», versjon {version}, sendt inn av {by}.',
    'notification.document.sent_back.title': 'Dokumentet ditt er sendt tilbake',
    'notification.document.sent_back.detail': '«{title}» ble sendt tilbake av {by}.',
    'notification.document.published.title': 'Dokumentet ditt er publisert',
    'notification.document.published.detail': '«{title}», versjon {version}, ble godkjent av {by}.',
    'notification.deviation.assigned.title': 'Nytt avvik å behandle: {number}',
    'notification.deviation.forwarded.title': 'Avvik {number} er sendt videre til deg',
    'notification.deviation.forwarded.detail': 'Sendt av {by}.',
    'notification.deviation.escalated.title': 'Avvik {number} er eskalert til {body}',
    'notification.deviation.returned.title': 'Avvik {number} er sendt tilbake til deg',
    'notification.deviation.returned.detail': 'Fra {body}.',
    'notification.deviation.closed.title': 'Det finnes tilbakemelding på avviket ditt {number}',
    'notification.deviation.lifted.title': 'Avvik {number} er løftet til {body} for læring',
    'notification.deviation.triage_reminder.title': 'Påminnelse: avvik {number} venter på at du tar stilling',
    'notification.deviation.triage_overdue_to_manager.title': 'Avvik {number} er ikke fulgt opp i tide',
    'notification.deviation.triage_overdue_to_manager.detail':
      '{handler} har fått påminnelse, men har ikke tatt stilling til avviket.',
    'notification.deviation.action_assigned.title': 'Du har fått et tiltak i avvik {number}',
    'notification.deviation.action_assigned.detail': '«{action}», ferdig senest {dueOn}.',
    'notification.deviation.action_reminder.title': 'Påminnelse: et tiltak i avvik {number} er forsinket',
    'notification.deviation.action_reminder.detail': '«{action}» skulle vært ferdig {dueOn}.',
    'notification.deviation.action_overdue_to_manager.title': 'Et tiltak i avvik {number} er forsinket',
    'notification.deviation.action_overdue_to_manager.detail':
      '{owner} er ansvarlig for «{action}», som skulle vært ferdig {dueOn}.',
    'notification.document.read_requested.title': 'Et dokument venter på at du leser det',
    'notification.document.read_requested.detail': '«{title}», versjon {version}. Les senest {readBy}.',
    'notification.document.review_reminder.title': 'Påminnelse: et av dokumentene dine skal snart gjennomgås',
    'notification.document.review_reminder.detail': '«{title}» skal gjennomgås senest {reviewBy}.',
    'notification.reason': 'Begrunnelse: {reason}',
    'notification.instructions': 'Instruksjoner: {instructions}',
    'notification.mail.greeting': 'Hei {name},',
    'notification.mail.type': 'Type: {type}',
    'notification.mail.unit': 'Enhet: {unit}',
    'notification.mail.open': 'Åpne i Loopen: {link}',
    'notification.mail.footer':
      'Du får denne e-posten fra Loopen. Alle varslene dine finner du under {link}. Ikke svar på e-posten.',
  },
  en: {
    'notification.document.review_requested.title': 'A document is waiting for your review',
    'notification.document.review_requested.detail': '“{title}”, review round {round}, by {deadline}.',
    'notification.document.submitted.title': 'A document is waiting for your approval',
    'notification.document.submitted.detail': '“{title}”, version {version}, submitted by {by}.',
    'notification.document.sent_back.title': 'Your document has been sent back',
    'notification.document.sent_back.detail': '“{title}” was sent back by {by}.',
    'notification.document.published.title': 'Your document has been published',
    'notification.document.published.detail': '“{title}”, version {version}, was approved by {by}.',
    'notification.deviation.assigned.title': 'New deviation for you to handle: {number}',
    'notification.deviation.forwarded.title': 'Deviation {number} has been forwarded to you',
    'notification.deviation.forwarded.detail': 'Forwarded by {by}.',
    'notification.deviation.escalated.title': 'Deviation {number} has been escalated to {body}',
    'notification.deviation.returned.title': 'Deviation {number} has been returned to you',
    'notification.deviation.returned.detail': 'From {body}.',
    'notification.deviation.closed.title': 'Feedback is ready on your deviation {number}',
    'notification.deviation.lifted.title': 'Deviation {number} has been lifted to {body} for learning',
    'notification.deviation.triage_reminder.title':
      'Reminder: deviation {number} is waiting for your decision',
    'notification.deviation.triage_overdue_to_manager.title': 'Deviation {number} was not taken up in time',
    'notification.deviation.triage_overdue_to_manager.detail':
      '{handler} was reminded but has not decided on the deviation.',
    'notification.deviation.action_assigned.title': 'You have been given an action in deviation {number}',
    'notification.deviation.action_assigned.detail': '“{action}”, due {dueOn}.',
    'notification.deviation.action_reminder.title': 'Reminder: an action in deviation {number} is overdue',
    'notification.deviation.action_reminder.detail': '“{action}” was due {dueOn}.',
    'notification.deviation.action_overdue_to_manager.title': 'An action in deviation {number} is overdue',
    'notification.deviation.action_overdue_to_manager.detail':
      '{owner} is responsible for “{action}”, which was due {dueOn}.',
    'notification.document.read_requested.title': 'A document is waiting for you to read it',
    'notification.document.read_requested.detail': '“{title}”, version {version}. Read it by {readBy}.',
    'notification.document.review_reminder.title': 'Reminder: one of your documents is due for review soon',
    'notification.document.review_reminder.detail': '“{title}” is to be reviewed by {reviewBy}.',
    'notification.reason': 'Reason: {reason}',
    'notification.instructions': 'Instructions: {instructions}',
    'notification.mail.greeting': 'Hello {name},',
    'notification.mail.type': 'Type: {type}',
    'notification.mail.unit': 'Unit: {unit}',
    'notification.mail.open': 'Open in Loopen: {link}',
    'notification.mail.footer':
      'This e-mail comes from Loopen. All your notifications are at {link}. Please do not reply.',
  },
});
