import type { Deviation } from '../../../../contracts/deviations.ts';
import { request } from '../../../api.ts';
import { contentTypeOf } from './rules.ts';

export type Attachment = Deviation['attachments'][number];

/** The download address; the server always answers with a download, never a page to render. */
export function attachmentUrl(id: string): string {
  return `/api/deviation-attachments/${encodeURIComponent(id)}`;
}

/** Posts one file (the server takes one per request) and answers the whole case with it. */
export function uploadAttachment(deviationId: string, file: File): Promise<Deviation> {
  const type = contentTypeOf(file);
  // A file the browser gave no type is sent with the one its ending says, as the server checks it.
  const typed =
    file.type || !type ? file : new File([file], file.name, { type, lastModified: file.lastModified });
  const form = new FormData();
  form.append('file', typed, file.name);
  return request<Deviation>('POST', `/api/deviations/${encodeURIComponent(deviationId)}/attachments`, {
    body: form,
  });
}
