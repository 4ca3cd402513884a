import { Tag } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** "Past its review date", in words (never colour alone), when the review-by day is over. */
export function PastReviewTag({ past }: { past: boolean }): ReactElement | null {
  const { t } = useTranslation();
  if (!past) return null;
  return (
    <Tag data-color="danger" data-testid="past-review">
      {t('reading.pastReview')}
    </Tag>
  );
}

/** Quality coordinators and administrators get the list of documents past their review date. */
export function canSeePastReviewList(roles: { role: string }[]): boolean {
  return roles.some((r) => ['quality_coordinator', 'administrator'].includes(r.role));
}
