import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  sv: { 'audit.invalid_range': 'Från-tiden måste ligga före till-tiden.' },
  nb: { 'audit.invalid_range': 'Fra-tidspunktet må være før til-tidspunktet.' },
  en: { 'audit.invalid_range': 'The from time must be before the to time.' },
});
