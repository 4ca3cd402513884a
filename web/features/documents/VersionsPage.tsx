import { Button, Link as DsLink, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link, useParams } from '@tanstack/react-router';
import { type ReactElement, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentVersion } from '../../../contracts/documents.ts';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert, Loading, QueryState } from '../../components/QueryState.tsx';
import { useFormatters } from '../../format.ts';
import { useDocument, useDocumentVersions, useVersion, versionPdfHref } from './api.ts';
import { CompareChooser } from './CompareChooser.tsx';
import { DocumentFacts, VersionBody } from './parts.tsx';
import { versionNumber } from './search.ts';
import './documents.css';

function BackLink({ id, title }: { id: string; title: string }): ReactElement {
  return (
    <Paragraph>
      <DsLink asChild>
        <Link to="/documents/$id" params={{ id }}>
          ← {title}
        </Link>
      </DsLink>
    </Paragraph>
  );
}

/**
 * A published or superseded version as a PDF; a draft has none (the server refuses it). Named as on
 * the document page, described by its row's version link.
 */
function VersionPdfLink({
  id,
  number,
  status,
  describedBy,
}: {
  id: string;
  number: number;
  status: DocumentVersion['status'];
  describedBy: string;
}): ReactElement {
  const { t } = useTranslation();
  if (status === 'draft') return <>–</>;
  return (
    <DsLink href={versionPdfHref(id, number)} download aria-describedby={describedBy}>
      {t('docDetails.pdf')}
    </DsLink>
  );
}

/** A document's history: every version, its status, when and by whom it was published, its revision note. */
export function VersionsPage(): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const { id } = useParams({ from: '/app/documents/$id/versions' });
  const rowId = useId();
  const document = useDocument(id);
  const versions = useDocumentVersions(id);
  const title = document.data?.title ?? '';
  return (
    <Page title={t('documents.versions.title')} lead={title ? <BackLink id={id} title={title} /> : undefined}>
      <QueryState
        query={versions}
        isEmpty={(data) => data.items.length === 0}
        empty={t('documents.versions.empty')}
      >
        {(data) => (
          <>
            <CompareChooser id={id} numbers={data.items.map((v) => v.number)} />
            <div className="table-scroll">
              <Table data-testid="versions-list">
                <caption className="ds-sr-only">{t('documents.versions.caption')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('documents.versions.number')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('documents.versions.status')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('documents.versions.published')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('documents.versions.note')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('docDetails.pdfColumn')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {[...data.items]
                    .sort((a, b) => b.number - a.number)
                    .map((v) => (
                      <Table.Row key={v.number}>
                        <Table.Cell>
                          <DsLink asChild>
                            <Link
                              to="/documents/$id/versions/$number"
                              params={{ id, number: String(v.number) }}
                              id={`${rowId}-v${v.number}`}
                            >
                              {t('documents.versions.versionN', { number: v.number })}
                            </Link>
                          </DsLink>
                        </Table.Cell>
                        <Table.Cell>{t(`documents.status.${v.status}`)}</Table.Cell>
                        <Table.Cell>
                          {v.publishedAt
                            ? `${format.date(v.publishedAt)}${v.publishedBy ? `, ${v.publishedBy.name}` : ''}`
                            : '–'}
                        </Table.Cell>
                        <Table.Cell>{v.revisionNote || '–'}</Table.Cell>
                        <Table.Cell>
                          <VersionPdfLink
                            id={id}
                            number={v.number}
                            status={v.status}
                            describedBy={`${rowId}-v${v.number}`}
                          />
                        </Table.Cell>
                      </Table.Row>
                    ))}
                </Table.Body>
              </Table>
            </div>
          </>
        )}
      </QueryState>
    </Page>
  );
}

/** One version as it reads, with the document's header, and a link to print it. */
export function VersionPage(): ReactElement {
  const { t } = useTranslation();
  const params = useParams({ from: '/app/documents/$id/versions/$number' });
  const number = versionNumber(params.number) ?? 0;
  const document = useDocument(params.id);
  const version = useVersion(params.id, number, number > 0);
  if (document.isPending || version.isPending) return <Loading />;
  if (document.isError || version.isError) {
    return (
      <Page title={t('documents.versions.versionN', { number })}>
        <ErrorAlert error={document.error ?? version.error} />
      </Page>
    );
  }
  const doc = document.data;
  return (
    <Page
      title={`${doc.title} – ${t('documents.versions.versionN', { number })}`}
      lead={<BackLink id={doc.id} title={doc.title} />}
      actions={
        <div className="button-row">
          <Button asChild variant="secondary">
            <Link to="/documents/$id/versions/$number/print" params={{ id: doc.id, number: String(number) }}>
              {t('documents.page.print')}
            </Link>
          </Button>
          {version.data.status === 'draft' ? null : (
            <Button asChild variant="secondary">
              <a href={versionPdfHref(doc.id, number)} download>
                {t('docDetails.pdf')}
              </a>
            </Button>
          )}
        </div>
      }
    >
      <section className="doc-header" aria-label={t('documents.page.about')}>
        <DocumentFacts document={doc} version={version.data} />
      </section>
      <div className="mt-4">
        <VersionBody version={version.data} />
      </div>
    </Page>
  );
}
