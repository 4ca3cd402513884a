import { Button, Link as DsLink } from '@digdir/designsystemet-react';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactElement, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../components/QueryState.tsx';
import { useFormatters } from '../../format.ts';
import { useDocument, useVersion } from './api.ts';
import { useAudience, VersionBody } from './parts.tsx';
import { versionNumber } from './search.ts';
import './documents.css';

/**
 * A version for printing, without the app around it. Its header — type, title, version, valid to,
 * owner, approver, who it applies to — sits in the <thead> of a one-column table, which the browser
 * repeats at the top of every printed page. The Print button is hidden on paper.
 */
export function PrintPage(): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const params = useParams({ from: '/documents/$id/versions/$number/print' });
  const number = versionNumber(params.number) ?? 0;
  const document = useDocument(params.id);
  const version = useVersion(params.id, number, number > 0);
  const audience = useAudience(document.data ?? { audienceUnitIds: [], audienceProfessions: [] });
  const title = document.data?.title;
  useEffect(() => {
    if (title) window.document.title = `${title} – ${t('documents.versions.versionN', { number })}`;
  }, [title, number, t]);

  if (document.isError || version.isError) {
    return (
      <main className="print-page">
        <h1>{t('documents.print.title')}</h1>
        <ErrorAlert error={document.error ?? version.error} />
      </main>
    );
  }
  if (!document.data || !version.data) {
    return (
      <main className="print-page">
        <Loading />
      </main>
    );
  }
  const doc = document.data;
  const v = version.data;
  return (
    <div className="print-page">
      <div className="print-page__tools">
        <Button onClick={() => window.print()}>{t('documents.print.button')}</Button>
        <DsLink asChild>
          <Link to="/documents/$id" params={{ id: doc.id }}>
            {t('documents.print.back')}
          </Link>
        </DsLink>
      </div>
      <table className="print-sheet" role="presentation">
        <thead>
          <tr>
            <td className="print-sheet__cell">
              <div className="print-head" data-testid="print-header">
                <div className="print-head__title">
                  <span>{doc.type.label}</span>
                  <strong>{doc.title}</strong>
                </div>
                <dl className="print-head__facts">
                  <div>
                    <dt>{t('documents.header.version')}</dt>
                    <dd>
                      {v.number} ({t(`documents.status.${v.status}`)})
                    </dd>
                  </div>
                  <div>
                    <dt>{t('documents.header.validTo')}</dt>
                    <dd>{doc.reviewBy ? format.date(doc.reviewBy) : t('documents.header.noDate')}</dd>
                  </div>
                  <div>
                    <dt>{t('documents.header.owner')}</dt>
                    <dd>{doc.owner.name}</dd>
                  </div>
                  <div>
                    <dt>{t('documents.header.approver')}</dt>
                    <dd>{doc.approver?.name ?? t('documents.header.none')}</dd>
                  </div>
                  <div className="print-head__wide">
                    <dt>{t('documents.header.appliesTo')}</dt>
                    <dd>{audience}</dd>
                  </div>
                </dl>
              </div>
            </td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="print-sheet__cell">
              <main className="print-body">
                <h1 className="print-body__title">{doc.title}</h1>
                {v.revisionNote ? (
                  <p className="print-body__note">
                    <strong>{t('documents.header.revisionNote')}:</strong> {v.revisionNote}
                  </p>
                ) : null}
                <VersionBody version={v} />
              </main>
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
