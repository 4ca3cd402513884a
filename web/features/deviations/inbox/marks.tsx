import { Tag } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviationStatus } from '../../../../contracts/deviations.ts';
import '../case/cases.css';

type TagColor = 'info' | 'accent' | 'warning' | 'success' | 'neutral';

const statusColor: Record<DeviationStatus, TagColor> = {
  submitted: 'info',
  in_handling: 'accent',
  escalated: 'warning',
  resolved: 'success',
  closed: 'neutral',
};

/** The case's status as a labelled tag; the text carries the meaning, the colour only helps. */
export function StatusBadge({ status }: { status: DeviationStatus }): ReactElement {
  const { t } = useTranslation();
  return (
    <Tag data-size="sm" data-color={statusColor[status]} className="nowrap">
      {t(`cases.status.${status}`)}
    </Tag>
  );
}

/** "Overdue", in words and with an icon, never by colour alone. */
export function OverdueMark(): ReactElement {
  const { t } = useTranslation();
  return (
    <span className="overdue-mark">
      <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16">
        <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M8 4v4.5l3 1.8" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      {t('cases.overdue')}
    </span>
  );
}
