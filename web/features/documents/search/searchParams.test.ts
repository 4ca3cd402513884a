import { describe, expect, it } from 'vitest';
import { validateDocumentSearchParams } from './searchParams.ts';

describe('the document search URL', () => {
  it('keeps the words and well-formed filters', () => {
    expect(
      validateDocumentSearchParams({
        q: '  fallrisk ',
        typeId: '0b6f1c1e-5f0a-4a3e-9c1d-2b3c4d5e6f70',
        profession: 'sjukskoterska',
        status: 'published',
        pastReviewDate: 'true',
        page: '3',
      }),
    ).toEqual({
      q: 'fallrisk',
      typeId: '0b6f1c1e-5f0a-4a3e-9c1d-2b3c4d5e6f70',
      profession: 'sjukskoterska',
      status: 'published',
      pastReviewDate: 'true',
      page: 3,
    });
  });

  it('drops what the server would refuse', () => {
    expect(
      validateDocumentSearchParams({
        q: '   ',
        typeId: 'not-a-uuid',
        unitId: '1',
        profession: 'Läkare<script>',
        status: 'superseded',
        pastReviewDate: 'maybe',
        page: '0',
      }),
    ).toEqual({});
  });
});
