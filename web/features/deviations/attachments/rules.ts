import type { attachmentContentTypes } from '../../../../contracts/deviations.ts';

// What a report may carry, checked in the browser before anything is sent; the server checks again
// and has the last word. The values are repeated here rather than imported: the contracts module
// builds zod schemas when loaded, and the report page keeps zod out of its first paint. A unit test
// holds them equal to the contract's.

export type AttachmentContentType = (typeof attachmentContentTypes)[number];

export const MAX_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 10;

/** The accepted types, each with the file endings a browser that does not know the type may see. */
export const acceptedTypes: Readonly<Record<AttachmentContentType, readonly string[]>> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/heic': ['.heic'],
  'image/webp': ['.webp'],
  'application/pdf': ['.pdf'],
  'text/plain': ['.txt'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
};

const typeList = Object.keys(acceptedTypes) as AttachmentContentType[];

/** The picker's `accept`: types and endings, so that phones offer the camera roll and files alike. */
export const acceptAttribute = typeList.flatMap((type) => [type, ...acceptedTypes[type]]).join(',');

function isAccepted(type: string): type is AttachmentContentType {
  return (typeList as string[]).includes(type);
}

/**
 * The type the file is sent as: what the browser says, or, when it says nothing (HEIC on some
 * systems), what the ending says.
 */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type;
  const name = file.name.toLowerCase();
  return typeList.find((type) => acceptedTypes[type].some((ending) => name.endsWith(ending))) ?? '';
}

export type Rejection = 'type' | 'size' | 'empty' | 'count';

/** Why a file cannot be attached, or null when it can. */
export function rejectionOf(file: { name: string; type: string; size: number }): Rejection | null {
  if (!isAccepted(contentTypeOf(file))) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_BYTES) return 'size';
  return null;
}

/** The same file picked twice is kept once. */
function sameFile(a: File, b: File): boolean {
  return a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;
}

export interface Picked {
  files: File[];
  rejected: { name: string; reason: Rejection }[];
}

/** Adds newly picked files to those already chosen, within the room left on the case. */
export function pickFiles(chosen: File[], incoming: File[], room: number): Picked {
  const files = [...chosen];
  const rejected: Picked['rejected'] = [];
  for (const file of incoming) {
    if (files.some((f) => sameFile(f, file))) continue;
    const reason = rejectionOf(file) ?? (files.length >= room ? 'count' : null);
    if (reason) rejected.push({ name: file.name, reason });
    else files.push(file);
  }
  return { files, rejected };
}

/** "820 kB", "2,4 MB" in the reader's language. */
export function formatSize(bytes: number, language: string): string {
  const megabytes = bytes >= 1024 * 1024;
  const value = megabytes ? bytes / 1024 / 1024 : Math.max(bytes / 1024, 0.1);
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(value);
}
