import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  sv: {
    'auth.required': 'Du behöver logga in.',
    'auth.invalid_credentials': 'Fel användarnamn eller lösenord.',
    'auth.locked': 'För många misslyckade inloggningar. Försök igen om {minutes} minuter.',
    'auth.csrf_failed': 'Begäran saknar giltig säkerhetstoken (CSRF). Ladda om sidan och försök igen.',
    'auth.wrong_current_password': 'Nuvarande lösenord stämmer inte.',
    'auth.password_same': 'Det nya lösenordet måste skilja sig från det nuvarande.',
    'access.denied': 'Du har inte behörighet att göra detta.',
  },
  nb: {
    'auth.required': 'Du må logge inn.',
    'auth.invalid_credentials': 'Feil brukernavn eller passord.',
    'auth.locked': 'For mange mislykkede innlogginger. Prøv igjen om {minutes} minutter.',
    'auth.csrf_failed':
      'Forespørselen mangler gyldig sikkerhetstoken (CSRF). Last inn siden på nytt og prøv igjen.',
    'auth.wrong_current_password': 'Nåværende passord stemmer ikke.',
    'auth.password_same': 'Det nye passordet må være forskjellig fra det nåværende.',
    'access.denied': 'Du har ikke tilgang til å gjøre dette.',
  },
  en: {
    'auth.required': 'You need to sign in.',
    'auth.invalid_credentials': 'Wrong username or password.',
    'auth.locked': 'Too many failed sign-ins. Try again in {minutes} minutes.',
    'auth.csrf_failed': 'The request lacks a valid security token (CSRF). Reload the page and try again.',
    'auth.wrong_current_password': 'The current password is not correct.',
    'auth.password_same': 'The new password must differ from the current one.',
    'access.denied': 'You are not allowed to do this.',
  },
});
