import { type QueryClient, useQuery } from '@tanstack/react-query';
import type {
  CommentBody,
  DocumentEvents,
  OpenRoundBody,
  ReviewComment,
  ReviewRound,
  ReviewRounds,
} from '../../../../contracts/document-review.ts';
import type { Document, PublishBody } from '../../../../contracts/documents.ts';
import { api } from '../../../api.ts';
import { documentChanged, documentKeys } from '../api.ts';

const enc = encodeURIComponent;

export const reviewKeys = {
  rounds: (id: string, version: number | undefined) =>
    ['documents', 'rounds', id, version ?? 'draft'] as const,
  events: (id: string) => ['documents', 'events', id] as const,
};

/** The review rounds of the current draft, or of an earlier version. */
export function useReviewRounds(id: string, version?: number, enabled = true) {
  return useQuery({
    queryKey: reviewKeys.rounds(id, version),
    queryFn: ({ signal }) =>
      api.get<ReviewRounds>(`/api/documents/${enc(id)}/review-rounds`, { version }, signal),
    enabled,
  });
}

export function useDocumentEvents(id: string) {
  return useQuery({
    queryKey: reviewKeys.events(id),
    queryFn: ({ signal }) => api.get<DocumentEvents>(`/api/documents/${enc(id)}/events`, undefined, signal),
  });
}

export const reviewApi = {
  openRound: (id: string, body: OpenRoundBody): Promise<ReviewRound> =>
    api.post<ReviewRound>(`/api/documents/${enc(id)}/review-rounds`, body),
  closeRound: (id: string, number: number, expectedVersion: number): Promise<ReviewRound> =>
    api.post<ReviewRound>(`/api/documents/${enc(id)}/review-rounds/${number}/close`, { expectedVersion }),
  comment: (id: string, number: number, body: CommentBody): Promise<ReviewComment> =>
    api.post<ReviewComment>(`/api/documents/${enc(id)}/review-rounds/${number}/comments`, body),
  answer: (id: string, commentId: string, answer: string): Promise<ReviewComment> =>
    api.post<ReviewComment>(`/api/documents/${enc(id)}/review-comments/${enc(commentId)}/answer`, { answer }),
  submit: (id: string, expectedVersion: number): Promise<Document> =>
    api.post<Document>(`/api/documents/${enc(id)}/submit`, { expectedVersion }),
  sendBack: (id: string, reason: string, expectedVersion: number): Promise<Document> =>
    api.post<Document>(`/api/documents/${enc(id)}/send-back`, { reason, expectedVersion }),
  publish: (id: string, body: PublishBody): Promise<Document> =>
    api.post<Document>(`/api/documents/${enc(id)}/publish`, body),
  archive: (id: string, reason: string, expectedVersion: number): Promise<Document> =>
    api.post<Document>(`/api/documents/${enc(id)}/archive`, { reason, expectedVersion }),
  restore: (id: string, expectedVersion: number): Promise<Document> =>
    api.post<Document>(`/api/documents/${enc(id)}/restore`, { expectedVersion }),
};

/** After any lifecycle step: the document, its rounds and its history are fetched again. */
export async function reviewChanged(
  queryClient: QueryClient,
  id: string,
  document?: Document,
): Promise<void> {
  if (document) await documentChanged(queryClient, document);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: documentKeys.detail(id) }),
    queryClient.invalidateQueries({ queryKey: ['documents', 'rounds', id] }),
    queryClient.invalidateQueries({ queryKey: reviewKeys.events(id) }),
  ]);
}
