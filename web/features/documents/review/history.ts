import type { TFunction } from 'i18next';
import type { DocumentEventChange } from '../../../../contracts/document-review.ts';
import type { Formatters } from '../../../format.ts';

// What a history event changed, in the reader's words: the server keeps a pipeline change as data
// (codes and ISO days), never as text in one language.

/**
 * A knowledge support's pipeline change as one line, e.g. "Status: På listan → Pågående ·
 * Planerad publicering: 1 jan. 2027 → 1 mars 2027"; a side that was not set is "ingen" ("none").
 */
export function pipelineChangeText(
  change: DocumentEventChange,
  t: TFunction,
  format: Pick<Formatters, 'date'>,
): string {
  const none = t('docReview.history.change.none');
  const parts: string[] = [];
  const status = change.pipelineStatus;
  if (status)
    parts.push(
      t('docReview.history.change.status', {
        from: status.from ? t(`knowledgeSupports.status.${status.from}`) : none,
        to: status.to ? t(`knowledgeSupports.status.${status.to}`) : none,
      }),
    );
  const planned = change.plannedPublication;
  if (planned)
    parts.push(
      t('docReview.history.change.planned', {
        from: planned.from ? format.date(planned.from) : none,
        to: planned.to ? format.date(planned.to) : none,
      }),
    );
  return parts.join(' · ');
}
