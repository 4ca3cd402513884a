import { describe, expect, it } from 'vitest';
import type { Document } from '../../../contracts/documents.ts';
import { changedDetails, detailsOf, mayEditDetails } from './details.ts';

const person = (id: string, name: string) => ({ id, name });
const anna = person('00000000-0000-4000-8000-000000000001', 'Anna Ek');
const olof = person('00000000-0000-4000-8000-000000000002', 'Olof Berglund');
const sofia = person('00000000-0000-4000-8000-000000000003', 'Sofia Lindgren');
const unitA = '00000000-0000-4000-8000-0000000000a1';
const unitB = '00000000-0000-4000-8000-0000000000b2';

function knowledgeSupport(overrides: Partial<Document> = {}): Document {
  return {
    id: '00000000-0000-4000-8000-00000000d0c1',
    title: 'Mortons neurom – kliniskt kunskapsstöd',
    status: 'draft',
    type: { id: '00000000-0000-4000-8000-00000000a1e1', label: 'Kliniskt kunskapsstöd' },
    templateId: '00000000-0000-4000-8000-00000000a1e2',
    owner: anna,
    currentVersion: null,
    reviewBy: '2027-06-30',
    pastReviewDate: false,
    updatedAt: '2026-12-01T10:00:00.000Z',
    approver: olof,
    reviewers: [sofia],
    audienceUnitIds: [unitA],
    audienceProfessions: ['lakare'],
    pipelineStatus: 'on_list',
    plannedPublication: null,
    version: 7,
    current: null,
    draft: null,
    stage: null,
    openRound: null,
    archivedReason: null,
    allowedActions: ['edit', 'edit_details', 'archive'],
    ...overrides,
  };
}

describe('the details dialog sends only what changed', () => {
  it('sends nothing when nothing changed, even with the lists in another order', () => {
    const doc = knowledgeSupport({
      audienceUnitIds: [unitA, unitB],
      audienceProfessions: ['lakare', 'kurator'],
    });
    const draft = {
      ...detailsOf(doc),
      audienceUnitIds: [unitB, unitA],
      audienceProfessions: ['kurator', 'lakare'],
    };
    expect(changedDetails(doc, draft)).toBeNull();
    expect(changedDetails(doc, { ...draft, title: `  ${doc.title} ` })).toBeNull();
  });

  it('sends the changed pipeline fields with the version the dialog was opened on', () => {
    const doc = knowledgeSupport();
    const body = changedDetails(doc, {
      ...detailsOf(doc),
      pipelineStatus: 'review_round_2',
      plannedPublication: '2027-03-01',
    });
    expect(body).toEqual({
      pipelineStatus: 'review_round_2',
      plannedPublication: '2027-03-01',
      expectedVersion: 7,
    });
  });

  it('clears the planned publication and the approver with null, and sends whole lists', () => {
    const doc = knowledgeSupport({ plannedPublication: '2027-03-01' });
    const body = changedDetails(doc, {
      ...detailsOf(doc),
      approver: null,
      reviewers: [sofia, anna],
      audienceUnitIds: [],
      plannedPublication: '',
      owner: olof,
    });
    expect(body).toEqual({
      ownerId: olof.id,
      approverId: null,
      reviewerIds: [sofia.id, anna.id],
      audienceUnitIds: [],
      plannedPublication: null,
      expectedVersion: 7,
    });
  });

  it('sends an emptied title or review-by for the server to refuse, as typed', () => {
    const doc = knowledgeSupport();
    expect(changedDetails(doc, { ...detailsOf(doc), title: '   ', reviewBy: '' })).toEqual({
      title: '   ',
      reviewBy: '',
      expectedVersion: 7,
    });
  });

  it('never sends pipeline fields for a document that is not a knowledge support', () => {
    const doc = knowledgeSupport({ pipelineStatus: null });
    expect(changedDetails(doc, { ...detailsOf(doc), plannedPublication: '2027-03-01' })).toBeNull();
  });
});

describe('who is offered "Edit details"', () => {
  it("those the server offers 'edit_details', whatever else they may or may not do", () => {
    expect(mayEditDetails({ allowedActions: ['edit_details', 'close_review', 'archive'] })).toBe(true);
    expect(mayEditDetails({ allowedActions: ['edit_details', 'restore'] })).toBe(true);
    expect(mayEditDetails({ allowedActions: ['close_review', 'archive'] })).toBe(false);
    expect(mayEditDetails({ allowedActions: ['comment'] })).toBe(false);
  });
});
