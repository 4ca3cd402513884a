import type { PipelineStatus } from '../../../contracts/document-reading.ts';
import type { Document, UpdateDocumentBody } from '../../../contracts/documents.ts';

// The document's details as the "Edit details" dialog holds them, and the PATCH that says only
// what changed (the server audits exactly what a PATCH changes, and a field sent unchanged would
// still be checked against people and units that may since have left).

export interface Named {
  id: string;
  name: string;
}

/** Who approves and reviews a document and whom it applies to, as both document dialogs hold them. */
export interface PeopleAndAudience {
  approver: Named | null;
  reviewers: Named[];
  audienceUnitIds: string[];
  audienceProfessions: string[];
}

export interface DetailsDraft extends PeopleAndAudience {
  title: string;
  owner: Named;
  /** YYYY-MM-DD, or '' when none is set */
  reviewBy: string;
  /** null for a document that is not a knowledge support */
  pipelineStatus: PipelineStatus | null;
  /** YYYY-MM-DD, or '' for none */
  plannedPublication: string;
}

/**
 * Those the server lets PATCH the details: it offers them 'edit_details'. ('edit' is about the draft's
 * content, which a review round, the approver's turn or archiving locks; the details stay open then.)
 */
export function mayEditDetails(document: Pick<Document, 'allowedActions'>): boolean {
  return document.allowedActions.includes('edit_details');
}

export function detailsOf(document: Document): DetailsDraft {
  return {
    title: document.title,
    owner: document.owner,
    approver: document.approver,
    reviewers: document.reviewers,
    audienceUnitIds: document.audienceUnitIds,
    audienceProfessions: document.audienceProfessions,
    reviewBy: document.reviewBy ?? '',
    pipelineStatus: document.pipelineStatus,
    plannedPublication: document.plannedPublication ?? '',
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}

/**
 * What changed from the document as it was loaded, with its version (a stale one answers 409);
 * null when nothing did. The title goes as typed: the server trims it and refuses an empty one.
 */
export function changedDetails(document: Document, draft: DetailsDraft): UpdateDocumentBody | null {
  const body: UpdateDocumentBody = {};
  if (draft.title.trim() !== document.title) body.title = draft.title;
  if (draft.owner.id !== document.owner.id) body.ownerId = draft.owner.id;
  if ((draft.approver?.id ?? null) !== (document.approver?.id ?? null))
    body.approverId = draft.approver?.id ?? null;
  const reviewerIds = draft.reviewers.map((r) => r.id);
  if (
    !sameSet(
      reviewerIds,
      document.reviewers.map((r) => r.id),
    )
  )
    body.reviewerIds = reviewerIds;
  if (!sameSet(draft.audienceUnitIds, document.audienceUnitIds)) body.audienceUnitIds = draft.audienceUnitIds;
  if (!sameSet(draft.audienceProfessions, document.audienceProfessions))
    body.audienceProfessions = draft.audienceProfessions;
  // Review-by can be moved, not taken away: the dialog stops an emptied one, the server would refuse it.
  if (draft.reviewBy !== (document.reviewBy ?? '')) body.reviewBy = draft.reviewBy;
  if (document.pipelineStatus !== null) {
    if (draft.pipelineStatus !== null && draft.pipelineStatus !== document.pipelineStatus)
      body.pipelineStatus = draft.pipelineStatus;
    const planned = draft.plannedPublication === '' ? null : draft.plannedPublication;
    if (planned !== document.plannedPublication) body.plannedPublication = planned;
  }
  if (Object.keys(body).length === 0) return null;
  return { ...body, expectedVersion: document.version };
}
