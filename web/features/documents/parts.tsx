import { Heading, Tag } from '@digdir/designsystemet-react';
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Document, DocumentTemplate, DocumentVersion } from '../../../contracts/documents.ts';
import { useFormatters } from '../../format.ts';
import { useDocumentTemplates, useUnits } from './api.ts';
import { DocumentContent } from './DocumentContent.tsx';

type DocumentStatus = Document['status'];
type VersionStatus = DocumentVersion['status'];

const statusColors: Record<DocumentStatus | VersionStatus, 'neutral' | 'success' | 'warning' | 'info'> = {
  draft: 'warning',
  published: 'success',
  superseded: 'neutral',
  archived: 'neutral',
};

/** A document's or a version's status, in words (never colour alone). */
export function StatusTag({ status }: { status: DocumentStatus | VersionStatus }): ReactElement {
  const { t } = useTranslation();
  return <Tag data-color={statusColors[status]}>{t(`documents.status.${status}`)}</Tag>;
}

/** The professions the demo and the forms know; a code outside the list is shown as it is stored. */
export const professionCodes = [
  'lakare',
  'sjukskoterska',
  'underskoterska',
  'barnmorska',
  'fysioterapeut',
  'arbetsterapeut',
  'kurator',
  'psykolog',
  'dietist',
  'biomedicinsk_analytiker',
  'administrator',
] as const;

export function useProfessionLabel(): (code: string) => string {
  const { t } = useTranslation();
  return (code) =>
    (professionCodes as readonly string[]).includes(code) ? t(`documents.profession.${code}`) : code;
}

/** The template a document was made from, for its section titles (undefined while loading). */
export function useTemplate(templateId: string | undefined): DocumentTemplate | undefined {
  const templates = useDocumentTemplates();
  return templates.data?.items.find((tpl) => tpl.id === templateId);
}

/** Who a document applies to: unit names and professions, in words. */
export function useAudience(document: Pick<Document, 'audienceUnitIds' | 'audienceProfessions'>): string {
  const { t } = useTranslation();
  const units = useUnits();
  const profession = useProfessionLabel();
  const names = document.audienceUnitIds.map(
    (id) => units.data?.items.find((u) => u.id === id)?.name ?? t('documents.header.unknownUnit'),
  );
  const parts = [...names, ...document.audienceProfessions.map(profession)];
  return parts.length > 0 ? parts.join(', ') : t('documents.header.everyone');
}

/** The header of a document as a reader needs it: type, version, status, validity and the people. */
export function DocumentFacts({
  document,
  version,
  pipeline = false,
}: {
  document: Document;
  version: DocumentVersion | null;
  /** a knowledge support's pipeline status and planned publication: where it stands now, not in a version */
  pipeline?: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const audience = useAudience(document);
  return (
    <dl className="facts doc-facts" data-testid="document-facts">
      <dt>{t('documents.header.type')}</dt>
      <dd>{document.type.label}</dd>
      <dt>{t('documents.header.version')}</dt>
      <dd>
        {version ? (
          <>
            {version.number} <StatusTag status={version.status} />
          </>
        ) : (
          t('documents.header.noVersion')
        )}
      </dd>
      <dt>{t('documents.header.validTo')}</dt>
      <dd>{document.reviewBy ? format.date(document.reviewBy) : t('documents.header.noDate')}</dd>
      {pipeline && document.pipelineStatus ? (
        <>
          <dt>{t('docDetails.pipelineStatus')}</dt>
          <dd data-testid="pipeline-status">{t(`knowledgeSupports.status.${document.pipelineStatus}`)}</dd>
          <dt>{t('knowledgeSupports.column.planned')}</dt>
          <dd data-testid="planned-publication">
            {document.plannedPublication
              ? format.date(document.plannedPublication)
              : t('documents.header.noDate')}
          </dd>
        </>
      ) : null}
      <dt>{t('documents.header.owner')}</dt>
      <dd>{document.owner.name}</dd>
      <dt>{t('documents.header.approver')}</dt>
      <dd>{document.approver?.name ?? t('documents.header.none')}</dd>
      {document.reviewers.length > 0 ? (
        <>
          <dt>{t('documents.header.reviewers')}</dt>
          <dd>{document.reviewers.map((r) => r.name).join(', ')}</dd>
        </>
      ) : null}
      <dt>{t('documents.header.appliesTo')}</dt>
      <dd>{audience}</dd>
      {version?.publishedAt ? (
        <>
          <dt>{t('documents.header.published')}</dt>
          <dd>
            {format.date(version.publishedAt)}
            {version.publishedBy ? `, ${version.publishedBy.name}` : ''}
          </dd>
        </>
      ) : null}
      {version ? (
        <>
          <dt>{t('documents.header.revisionNote')}</dt>
          <dd>{version.revisionNote || t('documents.header.none')}</dd>
        </>
      ) : null}
    </dl>
  );
}

export interface TitledSection {
  sectionId: string;
  title: string;
  nodes: readonly unknown[];
}

/**
 * A version's sections under the version's own titles (the template's as the version was saved, not
 * as the template reads today), in its order; a section it has no title for (one removed from the
 * template before versions kept their titles) comes last under a neutral title.
 */
export function titledSections(
  version: Pick<DocumentVersion, 'sections' | 'sectionTitles'>,
  removedTitle: string,
): TitledSection[] {
  const byId = new Map(version.sections.map((s) => [s.sectionId, s.nodes]));
  const known = version.sectionTitles.map((s) => ({
    sectionId: s.id,
    title: s.label,
    nodes: byId.get(s.id) ?? [],
  }));
  const titled = new Set(known.map((s) => s.sectionId));
  const rest = version.sections
    .filter((s) => !titled.has(s.sectionId))
    .map((s) => ({ sectionId: s.sectionId, title: removedTitle, nodes: s.nodes }));
  return [...known, ...rest];
}

/** A version's content, section by section under the version's own titles. */
export function VersionBody({
  version,
  headingLevel = 2,
  sectionAction,
}: {
  version: Pick<DocumentVersion, 'sections' | 'sectionTitles'>;
  headingLevel?: 2 | 3;
  /** something beside each section's heading (the review's "Comment") */
  sectionAction?: (section: TitledSection) => ReactNode;
}): ReactElement {
  const { t } = useTranslation();
  const sections = titledSections(version, t('documents.sectionRemoved'));
  return (
    <div className="doc-body">
      {sections.map((section) => (
        <section
          key={section.sectionId}
          className="doc-section"
          aria-label={section.title}
          data-section-id={section.sectionId}
        >
          {sectionAction ? (
            <div className="review-section-heading">
              <Heading level={headingLevel} data-size="sm">
                {section.title}
              </Heading>
              {sectionAction(section)}
            </div>
          ) : (
            <Heading level={headingLevel} data-size="sm">
              {section.title}
            </Heading>
          )}
          {section.nodes.length > 0 ? (
            <DocumentContent nodes={section.nodes} headingOffset={headingLevel - 1} />
          ) : (
            <p className="muted">{t('documents.emptySection')}</p>
          )}
        </section>
      ))}
    </div>
  );
}
