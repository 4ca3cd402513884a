import { expect } from 'vitest';
import type { Document } from '../../../contracts/documents.ts';
import type { Client } from '../../test/harness.ts';

/**
 * The way to publication since review and approval (lifecycle.ts): the owner (or an administrator)
 * submits the draft, the approver (or an administrator) approves it. The first version is always a
 * significant change; later ones say which (default significant here).
 */
export async function submitAndPublish(
  owner: Client,
  approver: Client,
  documentId: string,
  body: { changeKind?: 'significant' | 'minor'; readBy?: string; revisionNote?: string } = {},
): Promise<Document> {
  const submitted = await owner.post(`/api/documents/${documentId}/submit`, {});
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  const published = await approver.post<Document>(`/api/documents/${documentId}/publish`, {
    changeKind: 'significant',
    ...body,
  });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body;
}
