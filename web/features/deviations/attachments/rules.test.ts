import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_CASE,
  attachmentContentTypes,
} from '../../../../contracts/deviations.ts';
import { acceptedTypes, contentTypeOf, MAX_BYTES, MAX_FILES, pickFiles, rejectionOf } from './rules.ts';

function file(name: string, type: string, size: number, lastModified = 1): File {
  return new File([new Uint8Array(size)], name, { type, lastModified });
}

describe('files a reporter picks', () => {
  it('are held to the same rules as the server: the same types, size and count', () => {
    expect(Object.keys(acceptedTypes).sort()).toEqual([...attachmentContentTypes].sort());
    expect(MAX_BYTES).toBe(ATTACHMENT_MAX_BYTES);
    expect(MAX_FILES).toBe(ATTACHMENTS_PER_CASE);
  });

  it('when a photo and a PDF are picked, then both are kept', () => {
    const picked = pickFiles(
      [],
      [file('sar.png', 'image/png', 10), file('rutin.pdf', 'application/pdf', 20)],
      10,
    );
    expect(picked.files.map((f) => f.name)).toEqual(['sar.png', 'rutin.pdf']);
    expect(picked.rejected).toEqual([]);
  });

  it('when a web page, an empty file and a too large file are picked, then each is refused with its reason', () => {
    const picked = pickFiles(
      [],
      [
        file('sida.html', 'text/html', 10),
        file('tom.txt', 'text/plain', 0),
        { name: 'stor.pdf', type: 'application/pdf', size: MAX_BYTES + 1, lastModified: 1 } as File,
      ],
      10,
    );
    expect(picked.files).toEqual([]);
    expect(picked.rejected).toEqual([
      { name: 'sida.html', reason: 'type' },
      { name: 'tom.txt', reason: 'empty' },
      { name: 'stor.pdf', reason: 'size' },
    ]);
  });

  it('when the case has room for one more, then the second file is refused as one too many', () => {
    const picked = pickFiles([], [file('a.png', 'image/png', 1), file('b.png', 'image/png', 1)], 1);
    expect(picked.files.map((f) => f.name)).toEqual(['a.png']);
    expect(picked.rejected).toEqual([{ name: 'b.png', reason: 'count' }]);
  });

  it('when the same file is picked again, then it is kept once', () => {
    const first = file('a.png', 'image/png', 5);
    const picked = pickFiles([first], [file('a.png', 'image/png', 5)], 10);
    expect(picked.files).toEqual([first]);
    expect(picked.rejected).toEqual([]);
  });

  it('when the browser does not know a HEIC photo, then its ending tells the type', () => {
    expect(contentTypeOf({ name: 'IMG_0001.HEIC', type: '' })).toBe('image/heic');
    expect(rejectionOf({ name: 'IMG_0001.HEIC', type: '', size: 3 })).toBeNull();
    expect(contentTypeOf({ name: 'okand', type: '' })).toBe('');
  });
});
