import type { QueryClient } from '@tanstack/react-query';
import type {
  CreateDocumentTemplateBody,
  CreateDocumentTypeBody,
  DocumentTemplate,
  DocumentType,
  UpdateDocumentTemplateBody,
  UpdateDocumentTypeBody,
} from '../../../../contracts/documents.ts';
import { api } from '../../../api.ts';
import { documentKeys } from '../api.ts';

// The administrators' calls on document types and templates (contracts/documents.ts). The lists come
// from the same queries the authors use (useDocumentTypes, useDocumentTemplates): they ask for the
// deactivated ones too, which the server gives the organisation's administrators only.

const enc = encodeURIComponent;

export const documentConfigApi = {
  createType: (body: CreateDocumentTypeBody) => api.post<DocumentType>('/api/document-types', body),
  updateType: (id: string, body: UpdateDocumentTypeBody) =>
    api.patch<DocumentType>(`/api/document-types/${enc(id)}`, body),
  createTemplate: (body: CreateDocumentTemplateBody) =>
    api.post<DocumentTemplate>('/api/document-templates', body),
  updateTemplate: (id: string, body: UpdateDocumentTemplateBody) =>
    api.patch<DocumentTemplate>(`/api/document-templates/${enc(id)}`, body),
};

/** After a change: the types and templates are fetched again, for this page and the authors' choices. */
export async function refreshDocumentConfig(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: documentKeys.types }),
    queryClient.invalidateQueries({ queryKey: documentKeys.templates }),
  ]);
}
