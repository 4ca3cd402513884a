import { z } from 'zod';

export const languageSchema = z.enum(['sv', 'nb', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const roleSchema = z.enum(['staff', 'manager', 'quality_coordinator', 'administrator']);
export type Role = z.infer<typeof roleSchema>;

export const uuidSchema = z.uuid();
export const idParams = z.object({ id: z.uuid() }).strict();

/** A lone UTF-16 surrogate cannot be stored as text (PostgreSQL refuses it); JSON can carry one. */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Any string from outside that will be stored or looked up: no NUL and well-formed Unicode. */
export function safeString() {
  return z.string().refine((s) => !s.includes('\u0000') && !loneSurrogate.test(s), {
    params: { key: 'validation.control_characters' },
  });
}

/** Free text from a person: trimmed, no control characters except newline and tab, well-formed. */
export function text(max: number) {
  return (
    z
      .string()
      .max(max)
      .transform((s) => s.trim())
      // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
      .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s) && !loneSurrogate.test(s), {
        params: { key: 'validation.control_characters' },
      })
  );
}

export function requiredText(max: number) {
  return text(max).refine((s) => s.length > 0, { params: { key: 'validation.required' } });
}

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/**
 * A paged answer as the web holds it: `paged(...)`'s shape, and the lists that count only so far
 * (at most 1000) add totalIsLowerBound ("1000+").
 */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  totalIsLowerBound?: boolean;
}

export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** RFC 9457 problem+json as Loopen answers it. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  code: z.string(),
  requestId: z.string(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
