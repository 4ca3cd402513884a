import type {
  CreateDocumentTemplateBody,
  DocumentTemplate,
  UpdateDocumentTemplateBody,
} from '../../../../contracts/documents.ts';

// A template being edited: its names and its sections in order. Each section carries a key of its own
// for React (the server's id once it has one), so a moved section keeps its inputs and focus.

export const languages = ['sv', 'nb', 'en'] as const;
export type Lang = (typeof languages)[number];
export type Localized = Record<Lang, string>;

export interface SectionDraft {
  key: string;
  /** the server's id; absent for a section added here and not saved yet */
  id?: string;
  title: Localized;
  guidance: Localized;
}

export interface TemplateDraft {
  name: Localized;
  active: boolean;
  sections: SectionDraft[];
}

const blank = (): Localized => ({ sv: '', nb: '', en: '' });

let counter = 0;
/** A key for a section added in the browser. */
export function newSectionKey(): string {
  counter += 1;
  return `new-${counter}`;
}

export function emptySection(): SectionDraft {
  return { key: newSectionKey(), title: blank(), guidance: blank() };
}

/** A new template starts with one empty section: a template has at least one. */
export function emptyDraft(): TemplateDraft {
  return { name: blank(), active: true, sections: [emptySection()] };
}

export function draftOf(template: DocumentTemplate): TemplateDraft {
  return {
    name: { ...template.name },
    active: template.active,
    sections: template.sections.map((s) => ({
      key: s.id,
      id: s.id,
      title: { ...s.title },
      guidance: { ...s.guidance },
    })),
  };
}

/** The section at index moved one place up (-1) or down (+1); the list unchanged at either end. */
export function moveSection(sections: SectionDraft[], index: number, by: -1 | 1): SectionDraft[] {
  const target = index + by;
  if (index < 0 || index >= sections.length || target < 0 || target >= sections.length) return sections;
  const next = [...sections];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(target, 0, moved);
  return next;
}

/** Every section but the one at index; the last one stays, as a template has at least one. */
export function removeSection(sections: SectionDraft[], index: number): SectionDraft[] {
  if (sections.length <= 1) return sections;
  return sections.filter((_, i) => i !== index);
}

function sectionsBody(sections: SectionDraft[]): CreateDocumentTemplateBody['sections'] {
  return sections.map((s) => ({
    ...(s.id ? { id: s.id } : {}),
    title: { ...s.title },
    guidance: { ...s.guidance },
  }));
}

export function createBody(draft: TemplateDraft, typeId: string): CreateDocumentTemplateBody {
  return { name: { ...draft.name }, typeId, active: draft.active, sections: sectionsBody(draft.sections) };
}

export function updateBody(draft: TemplateDraft): UpdateDocumentTemplateBody {
  return { name: { ...draft.name }, active: draft.active, sections: sectionsBody(draft.sections) };
}
