import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviationStats, DeviationStatsRow } from '../../../../contracts/deviation-stats.ts';

const locales = { sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' } as const;

/** A row's name in the UI language: configured names carry sv, nb and en; months and statuses are translated here. */
export function useRowLabel(): (stats: DeviationStats, row: DeviationStatsRow) => string {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'nb' || i18n.language === 'en' ? i18n.language : 'sv';
  return useCallback(
    (stats: DeviationStats, row: DeviationStatsRow): string => {
      const monthFormat = new Intl.DateTimeFormat(locales[language], { month: 'short', year: 'numeric' });
      if (typeof row.label !== 'string') return row.label[language] || row.label.sv;
      switch (stats.groupBy) {
        case 'status':
          return t(`stats.status.${row.label}`);
        case 'month':
          return monthFormat.format(new Date(`${row.label}-15T12:00:00`));
        case 'unit':
          // Split by unit, the chosen unit's own row holds the cases reported on it, not on a sub-unit.
          return row.key === stats.totals.drillDown.unitId ? `${row.label} ${t('stats.ownUnit')}` : row.label;
        default:
          return row.label;
      }
    },
    [t, language],
  );
}
