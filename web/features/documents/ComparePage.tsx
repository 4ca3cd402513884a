import { Link as DsLink, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { ErrorAlert, Loading } from '../../components/QueryState.tsx';
import { useDocument, useDocumentVersions, useVersion } from './api.ts';
import { CompareChooser } from './CompareChooser.tsx';
import { compareVersions, type SectionChange } from './compare.ts';
import type { DiffLine, DiffPart } from './diff.ts';
import './documents.css';

function Part({ part }: { part: DiffPart }): ReactElement {
  const { t } = useTranslation();
  if (part.kind === 'insert') {
    return (
      <ins>
        <span className="ds-sr-only">{t('documents.compare.insertedSr')} </span>
        {part.text}
      </ins>
    );
  }
  if (part.kind === 'delete') {
    return (
      <del>
        <span className="ds-sr-only">{t('documents.compare.deletedSr')} </span>
        {part.text}
      </del>
    );
  }
  return <>{part.text}</>;
}

function Line({ line }: { line: DiffLine }): ReactElement {
  const Tag = line.kind === 'heading' ? 'strong' : 'span';
  return (
    <p className={`doc-diff__line doc-diff__line--${line.kind} doc-diff__depth-${Math.min(line.depth, 3)}`}>
      {line.kind === 'listItem' ? <span aria-hidden="true">• </span> : null}
      <Tag>
        {line.parts.map((part, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a line's parts have no identity; their order is fixed
          <Part key={i} part={part} />
        ))}
      </Tag>
    </p>
  );
}

function Side({
  label,
  lines,
  present,
}: {
  label: string;
  lines: DiffLine[];
  present: boolean;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="doc-diff__side">
      <p className="doc-diff__side-label">{label}</p>
      {lines.length > 0 ? (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity; their order is fixed
        lines.map((line, i) => <Line key={i} line={line} />)
      ) : (
        <p className="muted">
          {present ? t('documents.compare.emptySection') : t('documents.compare.notInVersion')}
        </p>
      )}
    </div>
  );
}

const changeColors: Record<SectionChange, 'success' | 'danger' | 'warning' | 'neutral'> = {
  added: 'success',
  removed: 'danger',
  changed: 'warning',
  renamed: 'warning',
  same: 'neutral',
};

/** Two versions of a document side by side, section by section, the changed words marked. */
export function ComparePage(): ReactElement {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/documents/$id/compare' });
  const search = useSearch({ from: '/app/documents/$id/compare' });
  const document = useDocument(id);
  const versions = useDocumentVersions(id);
  const numbers = (versions.data?.items ?? []).map((v) => v.number).sort((a, b) => a - b);
  const to = search.to ?? numbers.at(-1) ?? 0;
  const from = search.from ?? numbers.filter((n) => n < to).at(-1) ?? 0;
  const fromVersion = useVersion(id, from, from > 0);
  const toVersion = useVersion(id, to, to > 0);
  const title = t('documents.compare.title');

  if (document.isError || versions.isError || fromVersion.isError || toVersion.isError) {
    return (
      <Page title={title}>
        <ErrorAlert error={document.error ?? versions.error ?? fromVersion.error ?? toVersion.error} />
      </Page>
    );
  }
  if (!document.data || !versions.data || !fromVersion.data || !toVersion.data) {
    if (versions.data && numbers.length < 2) {
      return (
        <Page title={title}>
          <Paragraph>{t('documents.compare.needTwo')}</Paragraph>
        </Page>
      );
    }
    return <Loading />;
  }
  const sections = compareVersions(fromVersion.data, toVersion.data, t('documents.sectionRemoved'));
  const changed = sections.filter((s) => s.change !== 'same').length;
  const fromLabel = t('documents.versions.versionN', { number: from });
  const toLabel = t('documents.versions.versionN', { number: to });
  return (
    <Page
      title={title}
      lead={
        <Paragraph>
          <DsLink asChild>
            <Link to="/documents/$id" params={{ id }}>
              ← {document.data.title}
            </Link>
          </DsLink>
        </Paragraph>
      }
    >
      <CompareChooser key={`${from}-${to}`} id={id} numbers={numbers} from={from} to={to} />
      <Paragraph className="mt-4" role="status">
        {t('documents.compare.summary', { count: changed, from, to })}
      </Paragraph>
      <Paragraph data-size="sm" className="muted doc-diff__legend">
        {t('documents.compare.legend')} <del>{t('documents.compare.deletedExample')}</del>{' '}
        <ins>{t('documents.compare.insertedExample')}</ins>
      </Paragraph>
      <div className="doc-diff">
        {sections.map((section) => (
          <section
            key={section.sectionId}
            className="doc-diff__section"
            aria-labelledby={`diff-${section.sectionId}`}
          >
            <div className="doc-diff__title">
              <Heading level={2} data-size="xs" id={`diff-${section.sectionId}`}>
                {section.title}
              </Heading>
              <Tag data-color={changeColors[section.change]}>
                {t(`documents.compare.change.${section.change}`)}
              </Tag>
            </div>
            {section.renamedFrom !== null ? (
              <Paragraph data-size="sm" className="doc-diff__renamed">
                {t('documents.compare.renamed', { from: section.renamedFrom, to: section.title })}
              </Paragraph>
            ) : null}
            <div className="doc-diff__sides">
              <Side label={fromLabel} lines={section.diff.from} present={section.change !== 'added'} />
              <Side label={toLabel} lines={section.diff.to} present={section.change !== 'removed'} />
            </div>
          </section>
        ))}
      </div>
    </Page>
  );
}
