import { registerMessages } from '../../platform/i18n.ts';

// The answers about the links between deviations and the documents changed because of them.
registerMessages({
  sv: {
    'deviation.changed_document_unknown':
      'Dokumentet finns inte bland de dokument i ärendets organisation som du kan läsa.',
    'deviation.document_link_denied':
      'Bara dokumentets ägare och organisationens administratörer kan koppla avvikelser till dokumentet.',
    'deviation.link_case_unknown': 'Det finns ingen avvikelse med det numret som du kan läsa.',
    'deviation.document_link_exists': 'Avvikelsen är redan kopplad till dokumentet.',
    'deviation.document_link_not_found': 'Avvikelsen är inte kopplad till dokumentet.',
  },
  nb: {
    'deviation.changed_document_unknown':
      'Dokumentet finnes ikke blant dokumentene i sakens organisasjon som du kan lese.',
    'deviation.document_link_denied':
      'Bare dokumentets eier og organisasjonens administratorer kan koble avvik til dokumentet.',
    'deviation.link_case_unknown': 'Det finnes ikke noe avvik med det nummeret som du kan lese.',
    'deviation.document_link_exists': 'Avviket er allerede koblet til dokumentet.',
    'deviation.document_link_not_found': 'Avviket er ikke koblet til dokumentet.',
  },
  en: {
    'deviation.changed_document_unknown':
      "The document is not among the documents of the case's organisation that you can read.",
    'deviation.document_link_denied':
      "Only the document's owner and the organisation's administrators can link deviations to it.",
    'deviation.link_case_unknown': 'There is no deviation with that number that you can read.',
    'deviation.document_link_exists': 'The deviation is already linked to the document.',
    'deviation.document_link_not_found': 'The deviation is not linked to the document.',
  },
});
