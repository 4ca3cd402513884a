import { optionalPage, optionalString } from '../../routes/search.ts';

// The URL is untrusted input: every search param of the documents pages is checked here.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const listStatuses = ['draft', 'published', 'archived'] as const;

export interface DocumentsSearch {
  typeId?: string;
  status?: (typeof listStatuses)[number];
  /** quality coordinators' list: only those past their review date */
  pastReviewDate?: true;
  page?: number;
}

export function validateDocumentsSearch(search: Record<string, unknown>): DocumentsSearch {
  const out: DocumentsSearch = {};
  const typeId = optionalString(search.typeId);
  if (typeId && uuid.test(typeId)) out.typeId = typeId;
  const status = optionalString(search.status);
  if (status && (listStatuses as readonly string[]).includes(status)) {
    out.status = status as DocumentsSearch['status'];
  }
  if (search.pastReviewDate === true || search.pastReviewDate === 'true') out.pastReviewDate = true;
  const page = optionalPage(search.page);
  if (page) out.page = page;
  return out;
}

export interface CompareSearch {
  from?: number;
  to?: number;
}

/** A version number from the URL: a whole number from 1. */
export function versionNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= 100000 ? n : undefined;
}

export function validateCompareSearch(search: Record<string, unknown>): CompareSearch {
  const from = versionNumber(search.from);
  const to = versionNumber(search.to);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
