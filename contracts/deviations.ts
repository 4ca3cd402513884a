import { z } from 'zod';

export const localizedTextSchema = z.object({ sv: z.string(), nb: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const deviationEntrySchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: localizedTextSchema,
  help: localizedTextSchema.nullable(),
});

/** One node of an entry's classification tree; the client builds the tree from parentId. */
export const deviationCategorySchema = z.object({
  id: z.uuid(),
  entryId: z.uuid(),
  parentId: z.uuid().nullable(),
  key: z.string(),
  name: localizedTextSchema,
  help: localizedTextSchema.nullable(),
  /** a node without children: what a reporter finally picks */
  selectable: z.boolean(),
  patientRelated: z.boolean(),
  handlingDays: z.number().int(),
  companionEntryId: z.uuid().nullable(),
  /** the bodies a case of this type climbs, in order */
  ladder: z.array(z.object({ position: z.number().int(), bodyId: z.uuid(), bodyName: z.string() })),
});

/** GET /api/deviation-config: the reporting choices of the caller's organisation, in display order. */
export const deviationConfigResponse = z.object({
  entries: z.array(deviationEntrySchema),
  categories: z.array(deviationCategorySchema),
});
export type DeviationConfig = z.infer<typeof deviationConfigResponse>;
