import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { translateDbError } from './transaction.ts';

describe('database errors that reach a use case', () => {
  it('become 409s named after the constraint, looking through the wrapper Drizzle puts around them', () => {
    const wrapped = new Error('Failed query', {
      cause: Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'people_username_idx' }),
    });
    const translated = translateDbError(wrapped);
    expect(translated).toBeInstanceOf(AppError);
    expect(translated).toMatchObject({ code: 'organisation.username_taken', kind: 'conflict' });
  });

  it('map a missing reference and a serialisation failure to 409s, and leave anything else alone', () => {
    expect(translateDbError({ code: '23503' })).toMatchObject({ code: 'organisation.reference_missing' });
    expect(translateDbError({ code: '40001' })).toMatchObject({ code: 'organisation.concurrent_change' });
    expect(translateDbError({ code: '23505', constraint: 'something_else' })).toMatchObject({
      code: 'organisation.duplicate',
    });
    const other = new Error('disk on fire');
    expect(translateDbError(other)).toBe(other);
  });
});
