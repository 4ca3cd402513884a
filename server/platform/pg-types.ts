import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL's full-text types, which drizzle has no builder for. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
export const regconfig = customType<{ data: string }>({ dataType: () => 'regconfig' });
