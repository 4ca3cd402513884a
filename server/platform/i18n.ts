export const languages = ['sv', 'nb', 'en'] as const;
export type Lang = (typeof languages)[number];
export const defaultLang: Lang = 'sv';

type Catalog = Record<string, string>;
const catalogs: Record<Lang, Catalog> = { sv: {}, nb: {}, en: {} };

/**
 * Modules add their server messages (error texts, e-mail lines) here when they load. Every key must
 * exist in all three languages; the i18n test walks the catalogs to prove it.
 */
export function registerMessages(messages: Record<Lang, Catalog>): void {
  for (const lang of languages) Object.assign(catalogs[lang], messages[lang]);
}

export function allMessageKeys(): Record<Lang, string[]> {
  return { sv: Object.keys(catalogs.sv), nb: Object.keys(catalogs.nb), en: Object.keys(catalogs.en) };
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Translates a key, filling {placeholders}; an unknown key falls back to English, then the key itself. */
export function t(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  const template = catalogs[lang][key] ?? catalogs.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    params[name] === undefined ? `{${name}}` : String(params[name]),
  );
}

/** Picks the best supported language from an Accept-Language header; Norwegian variants map to bokmål. */
export function langFromAcceptLanguage(header: string | undefined): Lang | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (base === 'sv') return 'sv';
    if (base === 'nb' || base === 'no' || base === 'nn') return 'nb';
    if (base === 'en') return 'en';
  }
  return undefined;
}
