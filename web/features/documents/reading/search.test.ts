import { describe, expect, it } from 'vitest';
import { validateReadingOverviewSearch } from './search.ts';

describe('the reading overview search params', () => {
  it('keeps valid ones and drops what is not a unit id, a document id, a status or a page', () => {
    const id = '0b6c1a9e-2f1d-4c1a-9a53-5d1e2f3a4b5c';
    expect(
      validateReadingOverviewSearch({ unitId: id, documentId: id, status: 'unread', page: '2' }),
    ).toEqual({
      unitId: id,
      documentId: id,
      status: 'unread',
      page: 2,
    });
    expect(
      validateReadingOverviewSearch({ unitId: 'x', documentId: '1; drop', status: 'maybe', page: '-1' }),
    ).toEqual({});
  });
});
