import { optionalPage, optionalString } from '../../../routes/search.ts';

// The URL is untrusted input: every search param of the reading overview is checked here.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const statuses = ['all', 'read', 'unread'] as const;

export interface ReadingOverviewSearch {
  unitId?: string;
  documentId?: string;
  status?: (typeof statuses)[number];
  page?: number;
}

export function validateReadingOverviewSearch(search: Record<string, unknown>): ReadingOverviewSearch {
  const out: ReadingOverviewSearch = {};
  const unitId = optionalString(search.unitId);
  if (unitId && uuid.test(unitId)) out.unitId = unitId;
  const documentId = optionalString(search.documentId);
  if (documentId && uuid.test(documentId)) out.documentId = documentId;
  const status = optionalString(search.status);
  if (status && (statuses as readonly string[]).includes(status)) {
    out.status = status as ReadingOverviewSearch['status'];
  }
  const page = optionalPage(search.page);
  if (page) out.page = page;
  return out;
}
