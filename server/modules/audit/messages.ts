import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  sv: {
    'audit.invalid_range': 'Från-tiden måste ligga före till-tiden.',
    'audit.organisation_admin_required':
      'Bara administratörer för en hel organisation får läsa händelseloggen.',
  },
  nb: {
    'audit.invalid_range': 'Fra-tidspunktet må være før til-tidspunktet.',
    'audit.organisation_admin_required':
      'Bare administratorer for en hel organisasjon kan lese hendelsesloggen.',
  },
  en: {
    'audit.invalid_range': 'The from time must be before the to time.',
    'audit.organisation_admin_required':
      'Only administrators of a whole organisation may read the audit log.',
  },
});
