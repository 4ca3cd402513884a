import type { DocumentTemplate, DocumentType } from '../../../contracts/documents.ts';
import type { Lang } from '../../platform/i18n.ts';
import { configActions } from './policy.ts';
import type { documentTemplates, documentTypes, LocalizedText } from './tables.ts';

type TypeRow = typeof documentTypes.$inferSelect;
type TemplateRow = typeof documentTemplates.$inferSelect;

/** The text in the reader's language; Swedish when that language was left empty (guidance may be). */
export function inLanguage(value: LocalizedText, lang: Lang): string {
  return value[lang] || value.sv;
}

export function presentType(row: TypeRow, lang: Lang, mayKeep: boolean): DocumentType {
  return {
    id: row.id,
    name: row.name,
    label: inLanguage(row.name, lang),
    isKnowledgeSupport: row.isKnowledgeSupport,
    active: row.active,
    allowedActions: configActions(mayKeep),
  };
}

export function presentTemplate(
  row: TemplateRow,
  type: TypeRow,
  lang: Lang,
  mayKeep: boolean,
): DocumentTemplate {
  return {
    id: row.id,
    name: row.name,
    label: inLanguage(row.name, lang),
    type: {
      id: type.id,
      label: inLanguage(type.name, lang),
      isKnowledgeSupport: type.isKnowledgeSupport,
      active: type.active,
    },
    sections: row.sections.map((section) => ({
      id: section.id,
      title: section.title,
      guidance: section.guidance,
      label: inLanguage(section.title, lang),
      guidanceText: inLanguage(section.guidance, lang),
    })),
    active: row.active,
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: configActions(mayKeep),
  };
}
