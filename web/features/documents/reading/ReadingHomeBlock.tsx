import { Card, Link as DsLink, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Link } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadingList } from './api.ts';
import { ReadBy } from './ReadingPage.tsx';

const SHOWN = 3;

/** On the home page: the first few documents I am asked to read, and the way to all of them. */
export function ReadingHomeBlock(): ReactElement | null {
  const { t } = useTranslation();
  const list = useReadingList('unread', 1, SHOWN);
  if (!list.data || list.data.unread === 0) return null;
  return (
    <Card className="section" data-testid="reading-home">
      <Card.Block>
        <Heading level={2} data-size="sm">
          {t('reading.home.heading', { count: list.data.unread })}
        </Heading>
        <ul className="mt-2">
          {list.data.items.map((item) => (
            <li key={item.documentId}>
              <DsLink asChild>
                <Link to="/documents/$id" params={{ id: item.documentId }}>
                  {item.title}
                </Link>
              </DsLink>{' '}
              {item.readBy ? (
                <>
                  – {t('reading.readByLabel')} <ReadBy item={item} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
        <Paragraph className="mt-2">
          <DsLink asChild>
            <Link to="/reading">{t('reading.home.all')}</Link>
          </DsLink>
        </Paragraph>
      </Card.Block>
    </Card>
  );
}
