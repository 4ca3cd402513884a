import { registerMessages } from '../../platform/i18n.ts';

registerMessages({
  sv: {
    'auth.invalid_credentials': 'Fel användarnamn eller lösenord.',
    'auth.locked': 'För många misslyckade inloggningar. Försök igen om {minutes} minuter.',
    'auth.wrong_current_password': 'Nuvarande lösenord stämmer inte.',
    'auth.password_same': 'Det nya lösenordet måste skilja sig från det nuvarande.',
  },
  nb: {
    'auth.invalid_credentials': 'Feil brukernavn eller passord.',
    'auth.locked': 'For mange mislykkede innlogginger. Prøv igjen om {minutes} minutter.',
    'auth.wrong_current_password': 'Nåværende passord stemmer ikke.',
    'auth.password_same': 'Det nye passordet må være forskjellig fra det nåværende.',
  },
  en: {
    'auth.invalid_credentials': 'Wrong username or password.',
    'auth.locked': 'Too many failed sign-ins. Try again in {minutes} minutes.',
    'auth.wrong_current_password': 'The current password is not correct.',
    'auth.password_same': 'The new password must differ from the current one.',
  },
});
