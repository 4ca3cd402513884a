import { asc, eq } from 'drizzle-orm';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_CASE,
  attachmentContentTypes,
  type Deviation,
} from '../../../contracts/deviations.ts';
import type { Actor } from '../../platform/access.ts';
import { type AuditContext, writeAudit } from '../../platform/audit.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { people } from '../organisation/tables.ts';
import { caseViewOf, isHandler, maySeeAttachments } from './policy.ts';
import { requireCase } from './records.ts';
import { deviationAttachments, deviationEvents, deviations } from './tables.ts';

// Files attached to a report. A photo of a label may show a patient's name, so only the case's
// handlers and its reporter see them, never the members of a body; and every file is served as a
// download, never rendered by the browser.

function safeFilename(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\"<>|:*?]/g, '_').trim();
  return (cleaned || 'bilaga').slice(0, 200);
}

export async function addAttachment(
  options: {
    actor: Actor;
    audit: AuditContext;
    deviationId: string;
    file: { filename: string; contentType: string; content: Buffer };
  },
  tx: Db,
): Promise<void> {
  const { actor, file } = options;
  const c = await requireCase(tx, options.deviationId, { lock: true });
  const view = caseViewOf(actor, c.facts);
  if (!view) throw new AppError('deviation.not_found', 'not_found');
  const mayAttach = isHandler(actor, c.facts) || c.row.reporterId === actor.personId;
  if (view === 'body' || !mayAttach) throw new AppError('deviation.attachments_denied', 'forbidden');
  if (c.row.status === 'closed') throw new AppError('deviation.closed', 'conflict');
  if (!(attachmentContentTypes as readonly string[]).includes(file.contentType))
    throw new AppError('deviation.attachment_type', 'unsupported_media_type', {
      params: { contentType: file.contentType },
    });
  if (file.content.length === 0) throw new AppError('deviation.attachment_empty', 'validation');
  if (file.content.length > ATTACHMENT_MAX_BYTES)
    throw new AppError('deviation.attachment_too_large', 'payload_too_large', {
      params: { max: `${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB` },
    });
  const count = await tx.$count(deviationAttachments, eq(deviationAttachments.deviationId, c.row.id));
  if (count >= ATTACHMENTS_PER_CASE)
    throw new AppError('deviation.attachments_full', 'conflict', { params: { max: ATTACHMENTS_PER_CASE } });
  const filename = safeFilename(file.filename);
  const [row] = await tx
    .insert(deviationAttachments)
    .values({
      deviationId: c.row.id,
      filename,
      contentType: file.contentType,
      size: file.content.length,
      content: file.content,
      uploadedBy: actor.personId,
    })
    .returning({ id: deviationAttachments.id });
  if (!row) throw new Error('attachment insert returned no row');
  await tx.update(deviations).set({ updatedAt: new Date() }).where(eq(deviations.id, c.row.id));
  await tx.insert(deviationEvents).values({
    deviationId: c.row.id,
    actorId: actor.personId,
    action: 'attachment_added',
    data: { attachmentId: row.id, filename },
  });
  await writeAudit(tx, options.audit, {
    action: 'deviation.attachment_added',
    entityType: 'deviation',
    entityId: c.row.id,
    summary: { number: c.row.number, attachmentId: row.id, filename, size: file.content.length },
  });
}

export async function attachmentsOf(tx: Db, deviationId: string): Promise<Deviation['attachments']> {
  const rows = await tx
    .select({
      id: deviationAttachments.id,
      filename: deviationAttachments.filename,
      contentType: deviationAttachments.contentType,
      size: deviationAttachments.size,
      createdAt: deviationAttachments.createdAt,
      uploaderId: people.id,
      uploaderName: people.name,
    })
    .from(deviationAttachments)
    .innerJoin(people, eq(people.id, deviationAttachments.uploadedBy))
    .where(eq(deviationAttachments.deviationId, deviationId))
    .orderBy(asc(deviationAttachments.createdAt));
  return rows.map((r) => ({
    id: r.id,
    filename: r.filename,
    contentType: r.contentType,
    size: r.size,
    uploadedBy: { id: r.uploaderId, name: r.uploaderName },
    createdAt: r.createdAt.toISOString(),
  }));
}

/** One file, for a handler or the reporter; the download is logged like any read of the case. */
export async function readAttachment(
  options: { actor: Actor; audit: AuditContext; attachmentId: string },
  tx: Db,
): Promise<{ filename: string; contentType: string; content: Buffer }> {
  const [file] = await tx
    .select()
    .from(deviationAttachments)
    .where(eq(deviationAttachments.id, options.attachmentId));
  if (!file) throw new AppError('deviation.attachment_not_found', 'not_found');
  const c = await requireCase(tx, file.deviationId);
  const view = caseViewOf(options.actor, c.facts);
  if (!view) throw new AppError('deviation.attachment_not_found', 'not_found');
  if (!maySeeAttachments(options.actor, c.facts, view))
    throw new AppError('deviation.attachments_denied', 'forbidden');
  await writeAudit(tx, options.audit, {
    action: 'deviation.attachment_read',
    entityType: 'deviation',
    entityId: c.row.id,
    summary: { number: c.row.number, attachmentId: file.id },
  });
  return { filename: file.filename, contentType: file.contentType, content: Buffer.from(file.content) };
}
