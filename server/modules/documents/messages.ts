import { registerMessages } from '../../platform/i18n.ts';

// The answers of the documents module (types, templates, documents and versions): 'document.*'.
registerMessages({
  sv: {
    'document.draft_in_review':
      'Utkastet är ute på granskning och kan inte ändras. Stäng granskningsomgången först.',
    'document.draft_awaiting_approval':
      'Utkastet väntar på godkännande och kan inte ändras. Godkännaren kan skicka tillbaka det.',
    'document.not_awaiting_approval': 'Utkastet väntar inte på godkännande. Det måste skickas in först.',
    'document.change_kind_required': 'Ange om ändringen är väsentlig eller mindre.',
    'document.date_in_past': 'Datumet får inte ha passerat.',
    'document.no_draft_to_review': 'Dokumentet har inget utkast.',
    'document.stage_writing': 'Utkastet håller på att skrivas.',
    'document.stage_in_review': 'Utkastet är redan ute på granskning. Stäng granskningsomgången först.',
    'document.stage_awaiting_approval': 'Utkastet väntar på godkännande och kan inte ändras.',
    'document.reviewers_required': 'Ange minst en granskare.',
    'document.round_not_found': 'Utkastet har ingen sådan granskningsomgång.',
    'document.round_closed': 'Granskningsomgången är redan stängd.',
    'document.review_read_denied':
      'Bara dokumentets ägare, granskare, godkännare och organisationens administratörer ser granskningen.',
    'document.comment_denied':
      'Bara granskningsomgångens granskare och dokumentets godkännare kan kommentera.',
    'document.comment_not_found': 'Kommentaren finns inte.',
    'document.answer_denied':
      'Bara dokumentets ägare och organisationens administratörer kan svara på kommentarer.',
    'document.comment_version_closed': 'Versionen är redan publicerad; kommentaren kan inte längre besvaras.',
    'document.no_approver': 'Dokumentet har ingen godkännare. Ange en godkännare först.',
    'document.unanswered_comments_one':
      '{count} kommentar är obesvarad (granskningsomgång {rounds}). Svara på den innan utkastet skickas in.',
    'document.unanswered_comments':
      '{count} kommentarer är obesvarade (granskningsomgång {rounds}). Svara på dem innan utkastet skickas in.',
    'document.send_back_denied':
      'Bara dokumentets godkännare och organisationens administratörer kan skicka tillbaka utkastet.',
    'document.not_archived': 'Dokumentet är inte arkiverat.',
    'document.admin_required': 'Bara organisationens administratörer kan ändra dokumenttyper och mallar.',
    'document.type_not_found': 'Dokumenttypen finns inte i er organisation.',
    'document.type_inactive': 'Dokumenttypen är inaktiverad och kan inte väljas för en mall.',
    'document.type_name_taken': 'En annan dokumenttyp i er organisation har redan det namnet.',
    'document.template_not_found': 'Mallen finns inte i er organisation.',
    'document.template_name_taken': 'En annan mall i er organisation har redan det namnet.',
    'document.sections_required': 'En mall behöver minst ett avsnitt.',
    'document.section_title_duplicate': 'Ett annat avsnitt i mallen har redan den rubriken.',
    'document.section_not_in_template': 'Avsnittet finns inte i mallen; lämna id tomt för ett nytt avsnitt.',
    'document.section_repeated': 'Samma avsnitt står två gånger i mallen.',
    'document.not_found': 'Dokumentet finns inte i er organisation.',
    'document.version_not_found': 'Dokumentet har ingen sådan version.',
    'document.create_denied': 'Bara chefer, kvalitetssamordnare och administratörer kan skapa dokument.',
    'document.edit_denied':
      'Bara dokumentets ägare och organisationens administratörer kan ändra dokumentet.',
    'document.publish_denied':
      'Bara dokumentets godkännare och organisationens administratörer kan godkänna och publicera.',
    'document.person_not_found': 'Personen finns inte bland de aktiva personerna i er organisation.',
    'document.unit_not_found': 'Enheten finns inte i er organisation.',
    'document.stale': 'Någon annan har ändrat dokumentet under tiden. Ladda om och försök igen.',
    'document.no_draft': 'Dokumentet har inget utkast att publicera.',
    'document.archived': 'Dokumentet är arkiverat och kan inte ändras.',
    'document.content_section_unknown': 'Avsnittet finns inte i dokumentets mall.',
    'document.content_section_repeated': 'Samma avsnitt står två gånger i innehållet.',
    'document.link_scheme': 'Länkar får bara gå till http:, https: eller mailto:.',
  },
  nb: {
    'document.draft_in_review':
      'Utkastet er til gjennomgang og kan ikke endres. Lukk gjennomgangsrunden først.',
    'document.draft_awaiting_approval':
      'Utkastet venter på godkjenning og kan ikke endres. Godkjenneren kan sende det tilbake.',
    'document.not_awaiting_approval': 'Utkastet venter ikke på godkjenning. Det må sendes inn først.',
    'document.change_kind_required': 'Angi om endringen er vesentlig eller mindre.',
    'document.date_in_past': 'Datoen kan ikke være passert.',
    'document.no_draft_to_review': 'Dokumentet har ikke noe utkast.',
    'document.stage_writing': 'Utkastet er under arbeid.',
    'document.stage_in_review': 'Utkastet er allerede til gjennomgang. Lukk gjennomgangsrunden først.',
    'document.stage_awaiting_approval': 'Utkastet venter på godkjenning og kan ikke endres.',
    'document.reviewers_required': 'Angi minst én som skal gjennomgå.',
    'document.round_not_found': 'Utkastet har ingen slik gjennomgangsrunde.',
    'document.round_closed': 'Gjennomgangsrunden er allerede lukket.',
    'document.review_read_denied':
      'Bare dokumentets eier, de som gjennomgår, godkjenneren og organisasjonens administratorer ser gjennomgangen.',
    'document.comment_denied': 'Bare de som gjennomgår i runden og dokumentets godkjenner kan kommentere.',
    'document.comment_not_found': 'Kommentaren finnes ikke.',
    'document.answer_denied':
      'Bare dokumentets eier og organisasjonens administratorer kan svare på kommentarer.',
    'document.comment_version_closed':
      'Versjonen er allerede publisert; kommentaren kan ikke lenger besvares.',
    'document.no_approver': 'Dokumentet har ingen godkjenner. Angi en godkjenner først.',
    'document.unanswered_comments_one':
      '{count} kommentar er ubesvart (gjennomgangsrunde {rounds}). Svar på den før utkastet sendes inn.',
    'document.unanswered_comments':
      '{count} kommentarer er ubesvart (gjennomgangsrunde {rounds}). Svar på dem før utkastet sendes inn.',
    'document.send_back_denied':
      'Bare dokumentets godkjenner og organisasjonens administratorer kan sende utkastet tilbake.',
    'document.not_archived': 'Dokumentet er ikke arkivert.',
    'document.admin_required': 'Bare organisasjonens administratorer kan endre dokumenttyper og maler.',
    'document.type_not_found': 'Dokumenttypen finnes ikke i organisasjonen deres.',
    'document.type_inactive': 'Dokumenttypen er deaktivert og kan ikke velges for en mal.',
    'document.type_name_taken': 'En annen dokumenttype i organisasjonen deres har allerede det navnet.',
    'document.template_not_found': 'Malen finnes ikke i organisasjonen deres.',
    'document.template_name_taken': 'En annen mal i organisasjonen deres har allerede det navnet.',
    'document.sections_required': 'En mal trenger minst én del.',
    'document.section_title_duplicate': 'En annen del i malen har allerede den overskriften.',
    'document.section_not_in_template': 'Delen finnes ikke i malen; la id stå tom for en ny del.',
    'document.section_repeated': 'Den samme delen står to ganger i malen.',
    'document.not_found': 'Dokumentet finnes ikke i organisasjonen deres.',
    'document.version_not_found': 'Dokumentet har ingen slik versjon.',
    'document.create_denied':
      'Bare ledere, kvalitetskoordinatorer og administratorer kan opprette dokumenter.',
    'document.edit_denied': 'Bare dokumentets eier og organisasjonens administratorer kan endre dokumentet.',
    'document.publish_denied':
      'Bare dokumentets godkjenner og organisasjonens administratorer kan publisere.',
    'document.person_not_found': 'Personen finnes ikke blant de aktive personene i organisasjonen deres.',
    'document.unit_not_found': 'Enheten finnes ikke i organisasjonen deres.',
    'document.stale': 'Noen andre har endret dokumentet i mellomtiden. Last inn på nytt og prøv igjen.',
    'document.no_draft': 'Dokumentet har ikke noe utkast å publisere.',
    'document.archived': 'Dokumentet er arkivert og kan ikke endres.',
    'document.content_section_unknown': 'Delen finnes ikke i dokumentets mal.',
    'document.content_section_repeated': 'Den samme delen står to ganger i innholdet.',
    'document.link_scheme': 'Lenker kan bare gå til http:, https: eller mailto:.',
  },
  en: {
    'document.draft_in_review':
      'The draft is out for review and cannot be changed. Close the review round first.',
    'document.draft_awaiting_approval':
      'The draft is awaiting approval and cannot be changed. The approver can send it back.',
    'document.not_awaiting_approval': 'The draft is not awaiting approval. It has to be submitted first.',
    'document.change_kind_required': 'Say whether the change is significant or minor.',
    'document.date_in_past': 'The date must not have passed.',
    'document.no_draft_to_review': 'The document has no draft.',
    'document.stage_writing': 'The draft is being written.',
    'document.stage_in_review': 'The draft is already out for review. Close the review round first.',
    'document.stage_awaiting_approval': 'The draft is awaiting approval and cannot be changed.',
    'document.reviewers_required': 'Name at least one reviewer.',
    'document.round_not_found': 'The draft has no such review round.',
    'document.round_closed': 'The review round is already closed.',
    'document.review_read_denied':
      "Only the document's owner, reviewers and approver and the organisation's administrators see its review.",
    'document.comment_denied': "Only the round's reviewers and the document's approver can comment.",
    'document.comment_not_found': 'The comment does not exist.',
    'document.answer_denied':
      "Only the document's owner and the organisation's administrators can answer comments.",
    'document.comment_version_closed':
      'The version is already published; the comment can no longer be answered.',
    'document.no_approver': 'The document has no approver. Name an approver first.',
    'document.unanswered_comments_one':
      '{count} comment is unanswered (review round {rounds}). Answer it before submitting the draft.',
    'document.unanswered_comments':
      '{count} comments are unanswered (review round {rounds}). Answer them before submitting the draft.',
    'document.send_back_denied':
      "Only the document's approver and the organisation's administrators can send the draft back.",
    'document.not_archived': 'The document is not archived.',
    'document.admin_required':
      "Only the organisation's administrators can change document types and templates.",
    'document.type_not_found': 'The document type does not exist in your organisation.',
    'document.type_inactive': 'The document type is deactivated and cannot be chosen for a template.',
    'document.type_name_taken': 'Another document type of your organisation already has that name.',
    'document.template_not_found': 'The template does not exist in your organisation.',
    'document.template_name_taken': 'Another template of your organisation already has that name.',
    'document.sections_required': 'A template needs at least one section.',
    'document.section_title_duplicate': 'Another section of the template already has that heading.',
    'document.section_not_in_template': 'The section is not in the template; leave id out for a new section.',
    'document.section_repeated': 'The same section appears twice in the template.',
    'document.not_found': 'The document does not exist in your organisation.',
    'document.version_not_found': 'The document has no such version.',
    'document.create_denied': 'Only managers, quality coordinators and administrators can create documents.',
    'document.edit_denied': "Only the document's owner and the organisation's administrators can change it.",
    'document.publish_denied':
      "Only the document's approver and the organisation's administrators can publish it.",
    'document.person_not_found': 'The person is not among the active people of your organisation.',
    'document.unit_not_found': 'The unit does not exist in your organisation.',
    'document.stale': 'Someone else changed the document meanwhile. Reload and try again.',
    'document.no_draft': 'The document has no draft to publish.',
    'document.archived': 'The document is archived and cannot be changed.',
    'document.content_section_unknown': "The section is not in the document's template.",
    'document.content_section_repeated': 'The same section appears twice in the content.',
    'document.link_scheme': 'Links may only go to http:, https: or mailto:.',
  },
});
