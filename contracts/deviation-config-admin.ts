import { z } from 'zod';
import { requiredText, text } from './common.ts';
import { localizedTextSchema } from './deviations.ts';

// The administrators' side of the reporting configuration: entries, classification nodes and
// escalation ladders, inactive ones included so that they can be switched back on. Nothing is
// ever deleted: reports keep pointing at the entry and type they were filed under.

/** A stable key for imports and links: lower-case letters, digits, '-' and '_', e.g. 'insurance-medicine'. */
export const configKeySchema = z
  .string()
  .max(64)
  .refine((s) => /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(s), { params: { key: 'deviation_config.key_format' } });

/** A name in every language Loopen speaks: all three are required. */
export const localizedNameInput = z
  .object({ sv: requiredText(200), nb: requiredText(200), en: requiredText(200) })
  .strict();

/** Help text in the three languages; all three empty (or null) means no help. */
export const localizedHelpInput = z
  .object({ sv: text(2000), nb: text(2000), en: text(2000) })
  .strict()
  .nullable();

const sortOrder = z.number().int().min(0).max(100000);
/** Days: at least one, at most a year. */
const days = z.number().int().min(1).max(365);

export const createConfigEntryBody = z
  .object({
    key: configKeySchema,
    name: localizedNameInput,
    help: localizedHelpInput.optional(),
    sortOrder: sortOrder.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type CreateConfigEntryBody = z.infer<typeof createConfigEntryBody>;
export const updateConfigEntryBody = createConfigEntryBody.partial().strict();
export type UpdateConfigEntryBody = z.infer<typeof updateConfigEntryBody>;

const categoryFields = {
  /** null: a top-level area of the entry; else a node of the same entry */
  parentId: z.uuid().nullable(),
  key: configKeySchema,
  name: localizedNameInput,
  help: localizedHelpInput,
  sortOrder,
  active: z.boolean(),
  patientRelated: z.boolean(),
  handlingDays: days,
  triageDays: days,
  escalateReminderDays: days,
  /** another entry of the same organisation, offered as a companion report when a patient was harmed */
  companionEntryId: z.uuid().nullable(),
};

export const createConfigCategoryBody = z
  .object({ entryId: z.uuid(), ...categoryFields })
  .partial({
    help: true,
    sortOrder: true,
    active: true,
    patientRelated: true,
    handlingDays: true,
    triageDays: true,
    escalateReminderDays: true,
    companionEntryId: true,
  })
  .strict();
export type CreateConfigCategoryBody = z.infer<typeof createConfigCategoryBody>;
/** Any field may change; a node stays in its entry, and moves only within it (parentId). */
export const updateConfigCategoryBody = z.object(categoryFields).partial().strict();
export type UpdateConfigCategoryBody = z.infer<typeof updateConfigCategoryBody>;

/** PUT .../ladder: the bodies in order, the first one receives the first escalation. Empty: no ladder. */
export const replaceLadderBody = z.object({ bodyIds: z.array(z.uuid()).max(20) }).strict();
export type ReplaceLadderBody = z.infer<typeof replaceLadderBody>;

export const adminConfigEntrySchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: localizedTextSchema,
  help: localizedTextSchema.nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type AdminConfigEntry = z.infer<typeof adminConfigEntrySchema>;

export const adminLadderStepSchema = z.object({
  position: z.number().int(),
  bodyId: z.uuid(),
  bodyName: z.string(),
  bodyActive: z.boolean(),
});

export const adminConfigCategorySchema = z.object({
  id: z.uuid(),
  entryId: z.uuid(),
  parentId: z.uuid().nullable(),
  key: z.string(),
  name: localizedTextSchema,
  help: localizedTextSchema.nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  patientRelated: z.boolean(),
  handlingDays: z.number().int(),
  triageDays: z.number().int(),
  escalateReminderDays: z.number().int(),
  companionEntryId: z.uuid().nullable(),
  ladder: z.array(adminLadderStepSchema),
});
export type AdminConfigCategory = z.infer<typeof adminConfigCategorySchema>;

/** A body a ladder may name: every committee, forum and group, inactive ones marked. */
export const ladderBodyOptionSchema = z.object({ id: z.uuid(), name: z.string(), active: z.boolean() });
export type LadderBodyOption = z.infer<typeof ladderBodyOptionSchema>;

/** GET /api/deviation-config/admin: everything, inactive included, in display order. */
export const adminConfigResponse = z.object({
  entries: z.array(adminConfigEntrySchema),
  categories: z.array(adminConfigCategorySchema),
  bodies: z.array(ladderBodyOptionSchema),
});
export type AdminConfig = z.infer<typeof adminConfigResponse>;
