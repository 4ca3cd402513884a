import { Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notification } from '../../../contracts/notifications.ts';
import { Page } from '../../components/Page.tsx';
import { Paging } from '../../components/Paging.tsx';
import { ErrorAlert, QueryState } from '../../components/QueryState.tsx';
import { useFormatters } from '../../format.ts';
import { useMarkRead, useNotifications } from './api.ts';
import './notifications.css';

const PAGE_SIZE = 25;

/** A notification's link as a typed route: a case to work, or one's own report with its feedback. */
function NotificationLink({ item, onOpen }: { item: Notification; onOpen: () => void }): ReactElement {
  const caseMatch = item.link?.match(/^\/deviations\/([0-9a-f-]{36})$/);
  const reportMatch = item.link?.match(/^\/my-reports\/([0-9a-f-]{36})$/);
  if (caseMatch?.[1])
    return (
      <DsLink asChild>
        <Link to="/deviations/$id" params={{ id: caseMatch[1] }} onClick={onOpen}>
          {item.title}
        </Link>
      </DsLink>
    );
  if (reportMatch?.[1])
    return (
      <DsLink asChild>
        <Link to="/my-reports/$id" params={{ id: reportMatch[1] }} onClick={onOpen}>
          {item.title}
        </Link>
      </DsLink>
    );
  return <span>{item.title}</span>;
}

/** What has happened in the cases that concern the signed-in person, newest first. */
export function NotificationsPage(): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const { page = 1 } = useSearch({ from: '/app/notifications' });
  const list = useNotifications(page, PAGE_SIZE);
  const markRead = useMarkRead();
  const unread = list.data?.unread ?? 0;

  const markAll = (
    <Button
      variant="secondary"
      disabled={unread === 0}
      loading={markRead.isPending}
      onClick={() => markRead.mutate({ all: true })}
    >
      {t('notifications.markAllRead')}
    </Button>
  );

  return (
    <Page
      title={t('notifications.title')}
      lead={<Paragraph>{t('notifications.lead')}</Paragraph>}
      actions={markAll}
    >
      <p className="ds-sr-only" role="status">
        {!list.data
          ? ''
          : unread === 1
            ? t('notifications.unreadStatusOne', { count: unread })
            : t('notifications.unreadStatusMany', { count: unread })}
      </p>
      {markRead.isError ? <ErrorAlert error={markRead.error} /> : null}
      <QueryState query={list} isEmpty={(data) => data.total === 0} empty={t('notifications.empty')}>
        {(data) => (
          <>
            <ul className="notification-list" data-testid="notifications">
              {data.items.map((item) => (
                <li
                  key={item.id}
                  className="notification-list__item"
                  data-unread={item.readAt ? undefined : ''}
                >
                  <div className="notification-list__title">
                    {item.readAt ? null : <span className="ds-sr-only">{t('notifications.unread')}: </span>}
                    <NotificationLink
                      item={item}
                      onOpen={() => {
                        if (!item.readAt) markRead.mutate({ ids: [item.id] });
                      }}
                    />
                  </div>
                  {item.detail ? <Paragraph data-size="sm">{item.detail}</Paragraph> : null}
                  <div className="notification-list__meta muted small">
                    <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
                    {item.readAt ? null : <span aria-hidden="true">{t('notifications.unread')}</span>}
                  </div>
                </li>
              ))}
            </ul>
            <Paging
              paged={data}
              onPage={(next) =>
                void navigate({ to: '/notifications', search: next > 1 ? { page: next } : {} })
              }
            />
          </>
        )}
      </QueryState>
    </Page>
  );
}
