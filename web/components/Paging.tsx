import { Pagination, Paragraph, usePagination } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

export interface PagingProps {
  page: number;
  pageSize: number;
  total: number;
  /** the list counted only this far; there are more ("of 1000+") */
  totalIsLowerBound?: boolean;
  onChange: (page: number) => void;
}

/** "Showing 51–100 of 230" and the page buttons; nothing when one page holds everything. */
export function Paging({
  page,
  pageSize,
  total,
  totalIsLowerBound,
  onChange,
}: PagingProps): ReactElement | null {
  const { t } = useTranslation();
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: Math.min(page, totalPages),
    totalPages,
    showPages: 7,
    setCurrentPage: onChange,
  });
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <div className="paging">
      <Paragraph data-size="sm" role="status">
        {t('paging.showing', { first, last, total: totalIsLowerBound ? `${total}+` : total })}
      </Paragraph>
      {totalPages > 1 ? (
        <Pagination aria-label={t('paging.label')}>
          <Pagination.List>
            <Pagination.Item>
              <Pagination.Button {...prevButtonProps} aria-label={t('paging.previous')}>
                {t('paging.previousShort')}
              </Pagination.Button>
            </Pagination.Item>
            {pages.map(({ page: p, itemKey, buttonProps }) => (
              <Pagination.Item key={itemKey}>
                {typeof p === 'number' ? (
                  <Pagination.Button {...buttonProps} aria-label={t('paging.page', { page: p })}>
                    {p}
                  </Pagination.Button>
                ) : null}
              </Pagination.Item>
            ))}
            <Pagination.Item>
              <Pagination.Button {...nextButtonProps} aria-label={t('paging.next')}>
                {t('paging.nextShort')}
              </Pagination.Button>
            </Pagination.Item>
          </Pagination.List>
        </Pagination>
      ) : null}
    </div>
  );
}
