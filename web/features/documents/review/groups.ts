import type { ReviewComment, ReviewRound } from '../../../../contracts/document-review.ts';

export interface CommentGroup {
  /** the section's id; OTHER_SECTIONS for the comments whose section has no title in the version */
  id: string;
  title: string;
  comments: ReviewComment[];
}

export const OTHER_SECTIONS = 'other';

/**
 * A round's comments grouped under the section titles of the version the round reviewed (never the
 * template's today), in that version's order; comments on a section the version has no title for
 * (removed from the template before the version was saved, or older than its titles) together last
 * under `other`, so none is lost. Sections without comments are left out.
 */
export function commentGroups(
  round: Pick<ReviewRound, 'sectionTitles' | 'comments'>,
  other: string,
): CommentGroup[] {
  const titled = new Set(round.sectionTitles.map((s) => s.id));
  const groups: CommentGroup[] = round.sectionTitles.map((s) => ({
    id: s.id,
    title: s.label,
    comments: round.comments.filter((c) => c.sectionId === s.id),
  }));
  groups.push({
    id: OTHER_SECTIONS,
    title: other,
    comments: round.comments.filter((c) => !titled.has(c.sectionId)),
  });
  return groups.filter((g) => g.comments.length > 0);
}
