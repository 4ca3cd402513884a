import { describe, expect, it } from 'vitest';
import '../app.ts';
import { allMessageKeys, langFromAcceptLanguage, t } from './i18n.ts';

describe('server messages', () => {
  it('exist in Swedish, Norwegian and English alike', () => {
    const keys = allMessageKeys();
    expect(keys.sv.length).toBeGreaterThan(20);
    expect([...keys.nb].sort()).toEqual([...keys.sv].sort());
    expect([...keys.en].sort()).toEqual([...keys.sv].sort());
  });

  it('fill in placeholders', () => {
    expect(t('en', 'auth.locked', { minutes: 15 })).toBe(
      'Too many failed sign-ins. Try again in 15 minutes.',
    );
  });

  it('pick the language from Accept-Language, Norwegian variants meaning bokmål', () => {
    expect(langFromAcceptLanguage('nn-NO,en;q=0.5')).toBe('nb');
    expect(langFromAcceptLanguage('de-DE,en;q=0.5')).toBe('en');
    expect(langFromAcceptLanguage('fr')).toBeUndefined();
    expect(langFromAcceptLanguage('en;q=0.3,sv;q=0.9')).toBe('sv');
  });
});
