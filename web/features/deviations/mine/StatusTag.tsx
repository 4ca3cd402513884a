import { Tag } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviationStatus } from '../../../../contracts/deviations.ts';

const colors: Record<DeviationStatus, 'neutral' | 'info' | 'warning' | 'success' | 'accent'> = {
  submitted: 'info',
  in_handling: 'accent',
  escalated: 'warning',
  resolved: 'success',
  closed: 'neutral',
};

/** A report's status in the reporter's words. */
export function StatusTag({ status }: { status: DeviationStatus }): ReactElement {
  const { t } = useTranslation();
  const labels: Record<DeviationStatus, string> = {
    submitted: t('myReports.statuses.submitted'),
    in_handling: t('myReports.statuses.in_handling'),
    escalated: t('myReports.statuses.escalated'),
    resolved: t('myReports.statuses.resolved'),
    closed: t('myReports.statuses.closed'),
  };
  return <Tag data-color={colors[status]}>{labels[status]}</Tag>;
}
