import { registerMessages } from '../../platform/i18n.ts';

// The answers of the document types and templates: 'document.*'.
registerMessages({
  sv: {
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
  },
  nb: {
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
  },
  en: {
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
  },
});
