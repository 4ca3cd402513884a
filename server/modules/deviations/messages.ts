import { registerMessages } from '../../platform/i18n.ts';

// The deviation module's answers: 'deviation.*'.
registerMessages({
  sv: {
    'deviation.not_found': 'Avvikelsen finns inte, eller så får du inte se den.',
    'deviation.patient_identifier_in_text':
      'Texten innehåller ett personnummer eller samordningsnummer. Ta bort det här; patientens identitet hör hemma i det skyddade patientfältet.',
    'deviation.patient_identifier_invalid':
      'Ange ett giltigt personnummer, samordningsnummer, fødselsnummer eller D-nummer (kontrollsiffran stämmer inte).',
    'deviation.patient_identifier_without_patient':
      'Ett patientid kan bara anges när en patient var inblandad. Kryssa i det, eller töm fältet.',
    'deviation.category_not_found': 'Välj en typ av avvikelse som finns i er organisation.',
    'deviation.category_not_selectable': 'Välj en mer precis typ: den här har undertyper.',
    'deviation.unit_required': 'Ange på vilken enhet det hände.',
    'deviation.unit_not_found': 'Enheten finns inte i er organisation, eller är inaktiverad.',
    'deviation.occurred_in_future': 'Tidpunkten kan inte ligga i framtiden.',
    'deviation.no_manager':
      'Ingen chef är ansvarig för {unit} eller enheterna ovanför. Kontakta administratören; rapporten har inte sparats.',
    'deviation.companion_not_found':
      'Den första rapporten om händelsen finns inte bland dina rapporter, eller är redan kopplad.',
    'deviation.changed_meanwhile':
      'Någon annan har ändrat ärendet sedan du öppnade det: {changes}. Din ändring sparades inte; ladda om ärendet och gör om den.',
    'deviation.changes_not_listed': 'se ärendets historik',
    'deviation.change_by': '{what} ({who})',
    'deviation.change.submitted': 'rapporterad',
    'deviation.change.accept': 'tagen för hantering',
    'deviation.change.forward': 'skickad till annan chef',
    'deviation.change.escalate': 'eskalerad',
    'deviation.change.record_position': 'ställningstagande',
    'deviation.change.return': 'tillbaka till chefen',
    'deviation.change.resolve': 'åtgärdad',
    'deviation.change.close': 'avslutad med återkoppling',
    'deviation.change.reopen': 'öppnad igen',
    'deviation.change.lift_for_learning': 'lyft för lärande',
    'deviation.change.note': 'anteckning',
    'deviation.change.risk_assessed': 'risk bedömd',
    'deviation.change.marked_for_unit_meeting': 'markerad för enhetsmöte',
    'deviation.change.unmarked_for_unit_meeting': 'inte längre för enhetsmöte',
    'deviation.change.raised_at_unit_meeting': 'tagen upp på enhetsmöte',
    'deviation.change.action_added': 'åtgärd tillagd',
    'deviation.change.action_updated': 'åtgärd ändrad',
    'deviation.change.contact_logged': 'kontakt loggad',
    'deviation.transition_not_allowed':
      'Det går inte att göra det ({action}) när ärendet har status {status}.',
    'deviation.not_yours': 'Du hanterar inte det här ärendet.',
    'deviation.forward_target_invalid': 'Välj en aktiv chef i er organisation att skicka ärendet till.',
    'deviation.forward_to_self': 'Ärendet ligger redan hos den chefen.',
    'deviation.ladder_top': 'Ärendet är redan på eskaleringsplanens högsta nivå.',
    'deviation.no_ladder': 'Den här typen av avvikelse har ingen eskaleringsplan.',
    'deviation.closed': 'Ärendet är avslutat. Öppna det igen först.',
    'deviation.risk_incomplete': 'Ange både konsekvens och sannolikhet.',
    'deviation.owner_invalid': 'Välj en aktiv person i er organisation som ansvarig.',
    'deviation.action_not_found': 'Åtgärden finns inte.',
    'deviation.action_owner_status_only': 'Som ansvarig för åtgärden kan du bara ändra dess status.',
    'deviation.contact_not_of_unit': 'Kontaktpersonen hör inte till enheten där avvikelsen hände.',
    'deviation.counterpart_required': 'Ange vem du hade kontakt med, eller välj enhetens kontaktperson.',
    'deviation.not_awaiting_meeting': 'Något av ärendena är inte markerat för enhetsmöte.',
    'deviation.meeting_in_future': 'Mötesdatumet kan inte ligga i framtiden.',
    'deviation.no_unit_scope': 'Du är inte chef eller kvalitetssamordnare för någon enhet.',
    'deviation.no_meeting_scope':
      'Listan till enhetsmötet visar ärenden i de enheter du är chef för, och du är inte chef för någon enhet.',
    'deviation.body_required': 'Ange vilken kommitté, vilket forum eller vilken grupp.',
    'deviation.not_member': 'Du är inte medlem i den kommittén, det forumet eller den gruppen.',
    'deviation.status_unknown': 'Okänd status.',
    'deviation.people_denied': 'Bara chefer, kvalitetssamordnare och ledamöter kan söka bland personerna.',
    'deviation.idempotency_key_invalid':
      'Idempotency-Key får vara högst 100 tecken: bokstäver, siffror, bindestreck och understreck.',
  },
  nb: {
    'deviation.not_found': 'Avviket finnes ikke, eller du har ikke tilgang til det.',
    'deviation.patient_identifier_in_text':
      'Teksten inneholder et fødselsnummer eller D-nummer. Fjern det her; pasientens identitet hører hjemme i det beskyttede pasientfeltet.',
    'deviation.patient_identifier_invalid':
      'Oppgi et gyldig fødselsnummer, D-nummer, personnummer eller samordningsnummer (kontrollsifferet stemmer ikke).',
    'deviation.patient_identifier_without_patient':
      'En pasient-ID kan bare oppgis når en pasient var involvert. Kryss av for det, eller tøm feltet.',
    'deviation.category_not_found': 'Velg en type avvik som finnes i organisasjonen deres.',
    'deviation.category_not_selectable': 'Velg en mer presis type: denne har undertyper.',
    'deviation.unit_required': 'Oppgi hvilken enhet det skjedde på.',
    'deviation.unit_not_found': 'Enheten finnes ikke i organisasjonen deres, eller er deaktivert.',
    'deviation.occurred_in_future': 'Tidspunktet kan ikke ligge i fremtiden.',
    'deviation.no_manager':
      'Ingen leder er ansvarlig for {unit} eller enhetene over. Kontakt administratoren; meldingen er ikke lagret.',
    'deviation.companion_not_found':
      'Den første meldingen om hendelsen finnes ikke blant dine meldinger, eller er allerede koblet.',
    'deviation.changed_meanwhile':
      'Noen andre har endret saken siden du åpnet den: {changes}. Endringen din ble ikke lagret; last inn saken på nytt og gjør den igjen.',
    'deviation.changes_not_listed': 'se sakens historikk',
    'deviation.change_by': '{what} ({who})',
    'deviation.change.submitted': 'meldt',
    'deviation.change.accept': 'tatt til behandling',
    'deviation.change.forward': 'sendt til annen leder',
    'deviation.change.escalate': 'eskalert',
    'deviation.change.record_position': 'standpunkt',
    'deviation.change.return': 'tilbake til lederen',
    'deviation.change.resolve': 'utbedret',
    'deviation.change.close': 'avsluttet med tilbakemelding',
    'deviation.change.reopen': 'åpnet igjen',
    'deviation.change.lift_for_learning': 'løftet for læring',
    'deviation.change.note': 'notat',
    'deviation.change.risk_assessed': 'risiko vurdert',
    'deviation.change.marked_for_unit_meeting': 'merket for enhetsmøte',
    'deviation.change.unmarked_for_unit_meeting': 'ikke lenger for enhetsmøte',
    'deviation.change.raised_at_unit_meeting': 'tatt opp på enhetsmøte',
    'deviation.change.action_added': 'tiltak lagt til',
    'deviation.change.action_updated': 'tiltak endret',
    'deviation.change.contact_logged': 'kontakt logget',
    'deviation.transition_not_allowed': 'Det går ikke å gjøre det ({action}) når saken har status {status}.',
    'deviation.not_yours': 'Du behandler ikke denne saken.',
    'deviation.forward_target_invalid': 'Velg en aktiv leder i organisasjonen deres å sende saken til.',
    'deviation.forward_to_self': 'Saken ligger allerede hos den lederen.',
    'deviation.ladder_top': 'Saken er allerede på eskaleringsplanens øverste nivå.',
    'deviation.no_ladder': 'Denne typen avvik har ingen eskaleringsplan.',
    'deviation.closed': 'Saken er avsluttet. Åpne den igjen først.',
    'deviation.risk_incomplete': 'Oppgi både konsekvens og sannsynlighet.',
    'deviation.owner_invalid': 'Velg en aktiv person i organisasjonen deres som ansvarlig.',
    'deviation.action_not_found': 'Tiltaket finnes ikke.',
    'deviation.action_owner_status_only': 'Som ansvarlig for tiltaket kan du bare endre statusen.',
    'deviation.contact_not_of_unit': 'Kontaktpersonen hører ikke til enheten der avviket skjedde.',
    'deviation.counterpart_required': 'Oppgi hvem du hadde kontakt med, eller velg enhetens kontaktperson.',
    'deviation.not_awaiting_meeting': 'En av sakene er ikke merket for enhetsmøte.',
    'deviation.meeting_in_future': 'Møtedatoen kan ikke ligge i fremtiden.',
    'deviation.no_unit_scope': 'Du er ikke leder eller kvalitetskoordinator for noen enhet.',
    'deviation.no_meeting_scope':
      'Listen til enhetsmøtet viser saker i enhetene du er leder for, og du er ikke leder for noen enhet.',
    'deviation.body_required': 'Oppgi hvilket utvalg, forum eller hvilken gruppe.',
    'deviation.not_member': 'Du er ikke medlem av det utvalget, forumet eller den gruppen.',
    'deviation.status_unknown': 'Ukjent status.',
    'deviation.people_denied': 'Bare ledere, kvalitetskoordinatorer og medlemmer kan søke blant personene.',
    'deviation.idempotency_key_invalid':
      'Idempotency-Key kan være høyst 100 tegn: bokstaver, tall, bindestrek og understrek.',
  },
  en: {
    'deviation.not_found': 'The deviation does not exist, or you may not see it.',
    'deviation.patient_identifier_in_text':
      'The text contains a personal identity number. Remove it here; the patient’s identity belongs in the protected patient field.',
    'deviation.patient_identifier_invalid':
      'Enter a valid personnummer, samordningsnummer, fødselsnummer or D-nummer (the check digit does not match).',
    'deviation.patient_identifier_without_patient':
      'A patient identifier can only be given when a patient was involved. Tick that, or empty the field.',
    'deviation.category_not_found': 'Choose a type of deviation that exists in your organisation.',
    'deviation.category_not_selectable': 'Choose a more precise type: this one has subtypes.',
    'deviation.unit_required': 'Say at which unit it happened.',
    'deviation.unit_not_found': 'The unit does not exist in your organisation, or is deactivated.',
    'deviation.occurred_in_future': 'The time cannot be in the future.',
    'deviation.no_manager':
      'No manager is responsible for {unit} or the units above it. Contact your administrator; the report has not been saved.',
    'deviation.companion_not_found':
      'The first report of the event is not among your reports, or is already linked.',
    'deviation.changed_meanwhile':
      'Someone else changed the case since you opened it: {changes}. Your change was not saved; reload the case and make it again.',
    'deviation.changes_not_listed': 'see the case history',
    'deviation.change_by': '{what} ({who})',
    'deviation.change.submitted': 'reported',
    'deviation.change.accept': 'taken for handling',
    'deviation.change.forward': 'forwarded to another manager',
    'deviation.change.escalate': 'escalated',
    'deviation.change.record_position': 'position recorded',
    'deviation.change.return': 'returned to the manager',
    'deviation.change.resolve': 'resolved',
    'deviation.change.close': 'closed with feedback',
    'deviation.change.reopen': 'reopened',
    'deviation.change.lift_for_learning': 'lifted for learning',
    'deviation.change.note': 'note',
    'deviation.change.risk_assessed': 'risk assessed',
    'deviation.change.marked_for_unit_meeting': 'marked for the unit meeting',
    'deviation.change.unmarked_for_unit_meeting': 'no longer for the unit meeting',
    'deviation.change.raised_at_unit_meeting': 'raised at the unit meeting',
    'deviation.change.action_added': 'action added',
    'deviation.change.action_updated': 'action changed',
    'deviation.change.contact_logged': 'contact logged',
    'deviation.transition_not_allowed': 'That ({action}) is not possible while the case is {status}.',
    'deviation.not_yours': 'You do not handle this case.',
    'deviation.forward_target_invalid': 'Choose an active manager in your organisation to send the case to.',
    'deviation.forward_to_self': 'The case is already with that manager.',
    'deviation.ladder_top': 'The case is already at the top of its escalation ladder.',
    'deviation.no_ladder': 'This type of deviation has no escalation ladder.',
    'deviation.closed': 'The case is closed. Reopen it first.',
    'deviation.risk_incomplete': 'Give both consequence and probability.',
    'deviation.owner_invalid': 'Choose an active person in your organisation as owner.',
    'deviation.action_not_found': 'The action does not exist.',
    'deviation.action_owner_status_only': 'As the action’s owner you may change only its status.',
    'deviation.contact_not_of_unit': 'The contact person does not belong to the unit where it happened.',
    'deviation.counterpart_required': 'Say whom you contacted, or choose the unit’s contact person.',
    'deviation.not_awaiting_meeting': 'One of the cases is not marked for the unit meeting.',
    'deviation.meeting_in_future': 'The meeting date cannot be in the future.',
    'deviation.no_unit_scope': 'You are not a manager or quality coordinator of any unit.',
    'deviation.no_meeting_scope':
      'The unit meeting list shows cases in the units you manage, and you manage no unit.',
    'deviation.body_required': 'Say which committee, forum or group.',
    'deviation.not_member': 'You are not a member of that committee, forum or group.',
    'deviation.status_unknown': 'Unknown status.',
    'deviation.people_denied': 'Only managers, quality coordinators and body members can search people.',
    'deviation.idempotency_key_invalid':
      'Idempotency-Key may be at most 100 characters: letters, digits, hyphens and underscores.',
  },
});

registerMessages({
  sv: {
    'deviation.fhir_handlers_only':
      'Bara de som hanterar ärendet kan hämta det som FHIR, eftersom det bär patientens identitet.',
    'deviation.fhir_not_patient_related':
      'Avvikelsen är inte patientrelaterad. En FHIR AdverseEvent kräver en patient, så den finns bara för vårdavvikelser.',
    'deviation.fhir_no_patient':
      'Ingen patient är angiven i det skyddade patientfältet. En FHIR AdverseEvent kräver en patient.',
  },
  nb: {
    'deviation.fhir_handlers_only':
      'Bare de som behandler saken kan hente den som FHIR, fordi den bærer pasientens identitet.',
    'deviation.fhir_not_patient_related':
      'Avviket er ikke pasientrelatert. En FHIR AdverseEvent krever en pasient, så den finnes bare for pasientrelaterte avvik.',
    'deviation.fhir_no_patient':
      'Ingen pasient er oppgitt i det beskyttede pasientfeltet. En FHIR AdverseEvent krever en pasient.',
  },
  en: {
    'deviation.fhir_handlers_only':
      'Only those handling the case may fetch it as FHIR, as it carries the patient’s identity.',
    'deviation.fhir_not_patient_related':
      'The deviation is not patient-related. A FHIR AdverseEvent requires a patient, so it exists for care deviations only.',
    'deviation.fhir_no_patient':
      'No patient is given in the protected patient field. A FHIR AdverseEvent requires a patient.',
  },
});

registerMessages({
  sv: {
    'deviation.attachments_denied':
      'Bilagor visas bara för den som rapporterade och de som hanterar ärendet.',
    'deviation.attachment_type':
      'Filtypen {contentType} kan inte bifogas. Bifoga en bild (JPEG, PNG, HEIC, WebP), en PDF, en textfil eller ett Word- eller Excel-dokument.',
    'deviation.attachment_empty': 'Välj en fil att bifoga.',
    'deviation.attachment_too_large': 'Filen är för stor; största tillåtna storlek är {max}.',
    'deviation.attachments_full': 'Ärendet har redan {max} bilagor, vilket är det högsta antalet.',
    'deviation.attachment_not_found': 'Bilagan finns inte, eller så får du inte se den.',
  },
  nb: {
    'deviation.attachments_denied': 'Vedlegg vises bare for den som meldte og de som behandler saken.',
    'deviation.attachment_type':
      'Filtypen {contentType} kan ikke legges ved. Legg ved et bilde (JPEG, PNG, HEIC, WebP), en PDF, en tekstfil eller et Word- eller Excel-dokument.',
    'deviation.attachment_empty': 'Velg en fil å legge ved.',
    'deviation.attachment_too_large': 'Filen er for stor; største tillatte størrelse er {max}.',
    'deviation.attachments_full': 'Saken har allerede {max} vedlegg, som er det høyeste antallet.',
    'deviation.attachment_not_found': 'Vedlegget finnes ikke, eller du har ikke tilgang til det.',
  },
  en: {
    'deviation.attachments_denied': 'Attachments are shown only to the reporter and those handling the case.',
    'deviation.attachment_type':
      'Files of type {contentType} cannot be attached. Attach a picture (JPEG, PNG, HEIC, WebP), a PDF, a text file, or a Word or Excel document.',
    'deviation.attachment_empty': 'Choose a file to attach.',
    'deviation.attachment_too_large': 'The file is too large; the largest allowed is {max}.',
    'deviation.attachments_full': 'The case already has {max} attachments, the most allowed.',
    'deviation.attachment_not_found': 'The attachment does not exist, or you may not see it.',
  },
});
