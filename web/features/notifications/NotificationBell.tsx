import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from './api.ts';
import './notifications.css';

/** The header's way to the notifications, with the unread count in its accessible name. */
export function NotificationBell(): ReactElement {
  const { t } = useTranslation();
  const unread = useUnreadCount();
  // Two keys rather than i18next plurals, so the i18n test can see every key the code asks for.
  const label =
    unread === 0
      ? t('notifications.nav')
      : unread === 1
        ? t('notifications.bellUnreadOne', { count: unread })
        : t('notifications.bellUnreadMany', { count: unread });
  return (
    <Link
      to="/notifications"
      className="notification-bell"
      aria-label={label}
      activeProps={{ 'aria-current': 'page' }}
      data-testid="notification-bell"
    >
      <span aria-hidden="true" className="notification-bell__icon">
        🔔
      </span>
      <span aria-hidden="true">{t('notifications.nav')}</span>
      {unread > 0 ? (
        <span aria-hidden="true" className="notification-bell__count">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
