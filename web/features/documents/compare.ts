import type { DocumentVersion } from '../../../contracts/documents.ts';
import { toLines } from './content.ts';
import { compareLines, type SectionDiff } from './diff.ts';

/** 'renamed': only the section's title differs; a renamed section whose words changed is 'changed'. */
export type SectionChange = 'added' | 'removed' | 'changed' | 'renamed' | 'same';

export interface ComparedSection {
  sectionId: string;
  /** the later version's title (the earlier one's for a removed section) */
  title: string;
  /** the earlier version's title when the section is in both under different titles, else null */
  renamedFrom: string | null;
  change: SectionChange;
  diff: SectionDiff;
}

type Compared = Pick<DocumentVersion, 'sections' | 'sectionTitles'>;

/** A version's section ids in its order: the titled ones, then any content it has no title for. */
function idsOf(version: Compared): string[] {
  return [...version.sectionTitles.map((s) => s.id), ...version.sections.map((s) => s.sectionId)].filter(
    (id, i, all) => all.indexOf(id) === i,
  );
}

/** The later version's order, each section only the earlier one has placed after the one it followed there. */
function mergedOrder(from: string[], to: string[]): string[] {
  const order = [...to];
  let at = 0;
  for (const id of from) {
    const i = order.indexOf(id);
    if (i >= 0) {
      at = i + 1;
    } else {
      order.splice(at, 0, id);
      at += 1;
    }
  }
  return order;
}

/**
 * Both versions' sections compared, each under the titles the versions themselves carry (never the
 * template's today): a section whose title differs between them is renamed, which counts as a change.
 */
export function compareVersions(from: Compared, to: Compared, untitled: string): ComparedSection[] {
  const fromById = new Map(from.sections.map((s) => [s.sectionId, s.nodes]));
  const toById = new Map(to.sections.map((s) => [s.sectionId, s.nodes]));
  const fromTitles = new Map(from.sectionTitles.map((s) => [s.id, s.label]));
  const toTitles = new Map(to.sectionTitles.map((s) => [s.id, s.label]));
  return mergedOrder(idsOf(from), idsOf(to))
    .filter((id) => fromById.has(id) || toById.has(id))
    .map((sectionId) => {
      const before = fromById.get(sectionId);
      const after = toById.get(sectionId);
      const diff = compareLines(toLines(before ?? []), toLines(after ?? []));
      const oldTitle = fromTitles.get(sectionId);
      const newTitle = toTitles.get(sectionId);
      const renamedFrom =
        before && after && oldTitle !== undefined && newTitle !== undefined && oldTitle !== newTitle
          ? oldTitle
          : null;
      const change: SectionChange = !before
        ? 'added'
        : !after
          ? 'removed'
          : diff.changed
            ? 'changed'
            : renamedFrom !== null
              ? 'renamed'
              : 'same';
      return { sectionId, title: newTitle ?? oldTitle ?? untitled, renamedFrom, change, diff };
    });
}
