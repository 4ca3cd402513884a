import { Pagination, Paragraph, usePagination } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../../contracts/common.ts';

export interface PagingProps {
  /** the server's paged answer; its totalIsLowerBound says the count stopped there ("of 1000+") */
  paged: Paged<unknown>;
  onPage: (page: number) => void;
}

/** "Showing 51–100 of 230" and the page buttons (only when there is more than one page). */
export function Paging({ paged, onPage }: PagingProps): ReactElement {
  const { t } = useTranslation();
  const { page, pageSize, total, totalIsLowerBound } = paged;
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage: Math.min(page, totalPages),
    totalPages,
    showPages: 7,
    setCurrentPage: onPage,
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
