import type { AuditEntry } from '../../../contracts/organisation.ts';
import type { AuditRecord } from './service.ts';

export function presentAuditEntry(entry: AuditRecord): AuditEntry {
  return {
    id: entry.id,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    summary: entry.summary,
    requestId: entry.requestId,
  };
}
