import { z } from 'zod';
import { localizedTextSchema } from './deviations.ts';

// Statistics over deviations: how common each fault is, always within the viewer's own scope (the
// units they manage or coordinate). Every number comes with the list query that shows the cases
// behind it, so the UI can drill down without knowing how the numbers were made.

export const statsGroupBySchema = z.enum(['entry', 'category', 'area', 'unit', 'month', 'status']);
export type StatsGroupBy = z.infer<typeof statsGroupBySchema>;

const isoDate = z.iso.date();

/** The filters; the same names and meaning as the list query of GET /api/deviations. */
const statsFilters = {
  /** reported on or after this day */
  from: isoDate.optional(),
  /** reported on or before this day */
  to: isoDate.optional(),
  entryId: z.uuid().optional(),
  /** a node of the classification tree: counts it and everything under it */
  categoryId: z.uuid().optional(),
  /** a unit: counts it and its whole subtree; with groupBy=unit, its children are the rows */
  unitId: z.uuid().optional(),
  /** one status or several, comma-separated */
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .optional(),
};

/**
 * GET /api/deviations/stats. groupBy: entry; category (the type a report was filed under); area
 * (the top level of the classification tree under an entry); unit (the children of unitId, each
 * rolling up its subtree, or by default the viewer's scope roots); month (of the report); status.
 */
export const deviationStatsQuery = z
  .object({ groupBy: statsGroupBySchema.default('entry'), ...statsFilters })
  .strict();
export type DeviationStatsQuery = z.input<typeof deviationStatsQuery>;

/** GET /api/deviations/stats/export: the same numbers as a file. */
export const deviationStatsExportQuery = z
  .object({ format: z.enum(['csv', 'xlsx']), groupBy: statsGroupBySchema.default('entry'), ...statsFilters })
  .strict();
export type DeviationStatsExportQuery = z.input<typeof deviationStatsExportQuery>;

/**
 * What to pass to GET /api/deviations to list the cases behind a number: view=unit plus filters.
 * For the overdue number, add overdue=true.
 */
export const statsDrillDownSchema = z.object({
  view: z.literal('unit'),
  status: z.string().optional(),
  entryId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type StatsDrillDown = z.infer<typeof statsDrillDownSchema>;

const counts = {
  count: z.number().int(),
  /** submitted, in handling or escalated */
  open: z.number().int(),
  /** open and past its handling deadline */
  overdue: z.number().int(),
  closed: z.number().int(),
  /** median whole days from reported to resolved (or closed, when never resolved), a half when between two; null when none is */
  medianHandlingDays: z.number().nullable(),
};

export const deviationStatsRowSchema = z.object({
  /** the entry's, category's or unit's id; 'YYYY-MM' for a month; the status name */
  key: z.string(),
  /** a configured name in sv, nb and en; a unit's name; a month 'YYYY-MM' or a status name as they are */
  label: z.union([localizedTextSchema, z.string()]),
  ...counts,
  /**
   * The list behind this row. Null for one row only: the cases reported on the chosen unit itself
   * (groupBy=unit, unitId with children), which the list query cannot tell from its subtree's.
   */
  drillDown: statsDrillDownSchema.nullable(),
});
export type DeviationStatsRow = z.infer<typeof deviationStatsRowSchema>;

export const deviationStatsResponse = z.object({
  groupBy: statsGroupBySchema,
  rows: z.array(deviationStatsRowSchema),
  totals: z.object({ ...counts, drillDown: statsDrillDownSchema }),
});
export type DeviationStats = z.infer<typeof deviationStatsResponse>;
