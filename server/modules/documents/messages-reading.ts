import { registerMessages } from '../../platform/i18n.ts';

// The answers of reading, validity and the knowledge-support pipeline (reading.ts, validity.ts, pipeline.ts).
registerMessages({
  sv: {
    'document.acknowledge_version':
      'Du kan bara bekräfta att du läst dokumentets gällande version eller den version du ombetts läsa.',
    'document.reading_scope_denied':
      'Bara chefer och kvalitetssamordnare för enheten och organisationens administratörer ser vem som läst.',
    'document.pipeline_not_knowledge_support':
      'Bara dokument av en typ för kliniska kunskapsstöd har status i kunskapsstödsprocessen och planerad publicering.',
  },
  nb: {
    'document.acknowledge_version':
      'Du kan bare bekrefte at du har lest dokumentets gjeldende versjon eller versjonen du er bedt om å lese.',
    'document.reading_scope_denied':
      'Bare ledere og kvalitetskoordinatorer for enheten og organisasjonens administratorer ser hvem som har lest.',
    'document.pipeline_not_knowledge_support':
      'Bare dokumenter av en type for klinisk kunnskapsstøtte har status i kunnskapsstøtteprosessen og planlagt publisering.',
  },
  en: {
    'document.acknowledge_version':
      "You can only confirm reading the document's current version or the version you were asked to read.",
    'document.reading_scope_denied':
      "Only the unit's managers and quality coordinators and the organisation's administrators see who has read.",
    'document.pipeline_not_knowledge_support':
      'Only documents of a clinical knowledge-support type have a knowledge-support pipeline status and planned publication.',
  },
});
