import { useTranslation } from 'react-i18next';

const locales = { sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' } as const;

export interface Formatters {
  /** a calendar date, "2025-03-01" or a timestamp */
  date: (value: string) => string;
  dateTime: (value: string) => string;
  number: (value: number) => string;
}

/** Dates and numbers in a language ('sv', 'nb' or 'en'; Swedish for any other). */
export function formattersFor(language: string): Formatters {
  const locale = locales[language as keyof typeof locales] ?? locales.sv;
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  const numberFormat = new Intl.NumberFormat(locale);
  const parse = (value: string): Date =>
    new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00` : value);
  return {
    date: (value) => dateFormat.format(parse(value)),
    dateTime: (value) => dateTimeFormat.format(parse(value)),
    number: (value) => numberFormat.format(value),
  };
}

/** Dates and numbers in the person's language. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return formattersFor(i18n.language);
}
