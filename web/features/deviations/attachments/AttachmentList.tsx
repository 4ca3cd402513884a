import './attachments.css';
import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../format.ts';
import { type Attachment, attachmentUrl } from './api.ts';
import { formatSize } from './rules.ts';

/** A case's files: each name downloads it; size, who attached it and when. */
export function AttachmentList({ attachments }: { attachments: Attachment[] }): ReactElement {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  if (attachments.length === 0) return <Paragraph>{t('attachments.list.empty')}</Paragraph>;
  return (
    <ul className="attachment-list" data-testid="attachment-list">
      {attachments.map((a) => (
        <li key={a.id}>
          <DsLink href={attachmentUrl(a.id)} download={a.filename}>
            {a.filename}
            <span className="ds-sr-only"> ({t('attachments.list.download')})</span>
          </DsLink>
          <span className="muted small">
            {formatSize(a.size, i18n.language)} ·{' '}
            {t('attachments.list.by', { name: a.uploadedBy.name, at: format.dateTime(a.createdAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
