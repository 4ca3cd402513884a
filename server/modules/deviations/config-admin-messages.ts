import { registerMessages } from '../../platform/i18n.ts';

// The answers of the configuration administration: 'deviation_config.*'.
registerMessages({
  sv: {
    'deviation_config.admin_required':
      'Bara organisationens administratörer kan ändra avvikelsesystemets inställningar.',
    'deviation_config.key_format':
      'Nyckeln får bara innehålla små bokstäver a–z, siffror, bindestreck och understreck, t.ex. "fel-dos".',
    'deviation_config.entry_not_found': 'Ingången finns inte i er organisation.',
    'deviation_config.entry_key_taken': 'En annan ingång i er organisation har redan den nyckeln.',
    'deviation_config.category_not_found': 'Området eller typen finns inte i er organisation.',
    'deviation_config.category_key_taken':
      'Ett annat område eller en annan typ under ingången har redan den nyckeln.',
    'deviation_config.parent_not_in_entry': 'Det överordnade området måste höra till samma ingång.',
    'deviation_config.parent_in_own_subtree':
      'Ett område kan inte flyttas in under sig självt eller något som ligger under det.',
    'deviation_config.companion_same_entry': 'Följdrapporten måste vara av en annan ingång än typens egen.',
    'deviation_config.companion_not_found': 'Välj en ingång i er organisation för följdrapporten.',
    'deviation_config.ladder_duplicate':
      'Samma kommitté, forum eller grupp står redan tidigare i eskaleringsplanen.',
    'deviation_config.body_not_found': 'Kommittén, forumet eller gruppen finns inte.',
    'deviation_config.body_inactive':
      'Kommittén, forumet eller gruppen är inaktiverad och kan inte läggas till.',
  },
  nb: {
    'deviation_config.admin_required':
      'Bare organisasjonens administratorer kan endre avvikssystemets innstillinger.',
    'deviation_config.key_format':
      'Nøkkelen kan bare inneholde små bokstaver a–z, sifre, bindestrek og understrek, f.eks. "feil-dose".',
    'deviation_config.entry_not_found': 'Inngangen finnes ikke i organisasjonen deres.',
    'deviation_config.entry_key_taken': 'En annen inngang i organisasjonen deres har allerede den nøkkelen.',
    'deviation_config.category_not_found': 'Området eller typen finnes ikke i organisasjonen deres.',
    'deviation_config.category_key_taken':
      'Et annet område eller en annen type under inngangen har allerede den nøkkelen.',
    'deviation_config.parent_not_in_entry': 'Det overordnede området må høre til samme inngang.',
    'deviation_config.parent_in_own_subtree':
      'Et område kan ikke flyttes inn under seg selv eller noe som ligger under det.',
    'deviation_config.companion_same_entry': 'Følgemeldingen må være av en annen inngang enn typens egen.',
    'deviation_config.companion_not_found': 'Velg en inngang i organisasjonen deres for følgemeldingen.',
    'deviation_config.ladder_duplicate':
      'Samme utvalg, forum eller gruppe står allerede tidligere i eskaleringsplanen.',
    'deviation_config.body_not_found': 'Utvalget, forumet eller gruppen finnes ikke.',
    'deviation_config.body_inactive': 'Utvalget, forumet eller gruppen er deaktivert og kan ikke legges til.',
  },
  en: {
    'deviation_config.admin_required':
      "Only the organisation's administrators can change the deviation settings.",
    'deviation_config.key_format':
      'The key may hold only lower-case letters a–z, digits, hyphens and underscores, e.g. "wrong-dose".',
    'deviation_config.entry_not_found': 'The entry does not exist in your organisation.',
    'deviation_config.entry_key_taken': 'Another entry of your organisation already has that key.',
    'deviation_config.category_not_found': 'The area or type does not exist in your organisation.',
    'deviation_config.category_key_taken': 'Another area or type under the entry already has that key.',
    'deviation_config.parent_not_in_entry': 'The parent area must belong to the same entry.',
    'deviation_config.parent_in_own_subtree': 'An area cannot be moved under itself or anything below it.',
    'deviation_config.companion_same_entry':
      "The companion report must be of another entry than the type's own.",
    'deviation_config.companion_not_found': 'Choose an entry of your organisation for the companion report.',
    'deviation_config.ladder_duplicate':
      'The same committee, forum or group is already earlier in the ladder.',
    'deviation_config.body_not_found': 'The committee, forum or group does not exist.',
    'deviation_config.body_inactive': 'The committee, forum or group is deactivated and cannot be added.',
  },
});
