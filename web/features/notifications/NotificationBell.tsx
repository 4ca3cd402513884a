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
      {/* Drawn, not an emoji: not every system has a font with the bell. */}
      <svg aria-hidden="true" className="notification-bell__icon" viewBox="0 0 24 24" width="18" height="18">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      <span aria-hidden="true">{t('notifications.nav')}</span>
      {unread > 0 ? (
        <span aria-hidden="true" className="notification-bell__count">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
