import type { DeviationConfig } from '../../../../contracts/deviations.ts';

export type Category = DeviationConfig['categories'][number];

/** The children of a node of one entry's tree (parentId null: the entry's top level), in order. */
export function childrenOf(categories: Category[], entryId: string, parentId: string | null): Category[] {
  return categories.filter((c) => c.entryId === entryId && c.parentId === parentId);
}

/** The nodes from the top of the tree down to this one, inclusive; empty when it is unknown. */
export function pathTo(categories: Category[], id: string): Category[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const path: Category[] = [];
  let node = byId.get(id);
  // A cycle in the data must not hang the page.
  while (node && path.length <= categories.length) {
    path.unshift(node);
    node = node.parentId ? byId.get(node.parentId) : undefined;
  }
  return path;
}

/** Lower case without accents, so "forsakring" finds "Försäkringsmedicin". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface SearchHit {
  category: Category;
  path: Category[];
}

/**
 * Every selectable type of the entry whose name, or the name of a node above it, holds the query,
 * with its path. Names are compared in the language given by `name`.
 */
export function searchTypes(
  categories: Category[],
  entryId: string,
  query: string,
  name: (category: Category) => string,
): SearchHit[] {
  const needle = fold(query.trim());
  if (needle.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const category of categories) {
    if (category.entryId !== entryId || !category.selectable) continue;
    const path = pathTo(categories, category.id);
    if (path.some((node) => fold(name(node)).includes(needle))) hits.push({ category, path });
  }
  // Own-name matches first: they are what the reporter most likely means.
  return hits.sort(
    (a, b) =>
      Number(!fold(name(a.category)).includes(needle)) - Number(!fold(name(b.category)).includes(needle)),
  );
}

/** The chosen path as ids, kept only while every step still is a child of the one before. */
export function validPath(categories: Category[], entryId: string, ids: string[]): string[] {
  const kept: string[] = [];
  let parentId: string | null = null;
  for (const id of ids) {
    const node = categories.find((c) => c.id === id);
    if (!node || node.entryId !== entryId || node.parentId !== parentId) break;
    kept.push(id);
    parentId = id;
  }
  return kept;
}
