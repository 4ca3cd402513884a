import { optionalPage, optionalString } from '../../../routes/search.ts';

// The search page's URL is untrusted input: every param is checked here.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const statuses = ['draft', 'published', 'archived'] as const;

export interface DocumentSearchParams {
  q?: string;
  typeId?: string;
  unitId?: string;
  profession?: string;
  status?: (typeof statuses)[number];
  pastReviewDate?: 'true' | 'false';
  page?: number;
}

export function validateDocumentSearchParams(search: Record<string, unknown>): DocumentSearchParams {
  const out: DocumentSearchParams = {};
  const q = optionalString(search.q)?.trim();
  if (q) out.q = q;
  const typeId = optionalString(search.typeId);
  if (typeId && uuid.test(typeId)) out.typeId = typeId;
  const unitId = optionalString(search.unitId);
  if (unitId && uuid.test(unitId)) out.unitId = unitId;
  const profession = optionalString(search.profession);
  if (profession && /^[a-z0-9_-]{1,40}$/.test(profession)) out.profession = profession;
  const status = optionalString(search.status);
  if (status && (statuses as readonly string[]).includes(status)) {
    out.status = status as DocumentSearchParams['status'];
  }
  const past = search.pastReviewDate === true ? 'true' : optionalString(search.pastReviewDate);
  if (past === 'true' || past === 'false') out.pastReviewDate = past;
  const page = optionalPage(search.page);
  if (page) out.page = page;
  return out;
}
