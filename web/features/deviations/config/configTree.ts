import type {
  AdminConfig,
  AdminConfigCategory,
  AdminConfigEntry,
} from '../../../../contracts/deviation-config-admin.ts';
import type { LocalizedText } from '../../../../contracts/deviations.ts';

/** One line of the outline: an entry at the top, its areas and types below. */
export type ConfigNode = {
  id: string;
  name: LocalizedText;
  active: boolean;
  level: number;
  /** the node above in the outline: the entry for a top-level area */
  parentId: string | null;
  children: ConfigNode[];
} & ({ kind: 'entry'; entry: AdminConfigEntry } | { kind: 'category'; category: AdminConfigCategory });

/** Builds the outline in the server's order (sort order, then key); a node with a missing parent goes under its entry. */
export function buildConfigTree(config: AdminConfig): ConfigNode[] {
  const nodes = new Map<string, ConfigNode>();
  const roots: ConfigNode[] = config.entries.map((entry) => ({
    kind: 'entry',
    entry,
    id: entry.id,
    name: entry.name,
    active: entry.active,
    level: 1,
    parentId: null,
    children: [],
  }));
  for (const root of roots) nodes.set(root.id, root);
  for (const category of config.categories) {
    nodes.set(category.id, {
      kind: 'category',
      category,
      id: category.id,
      name: category.name,
      active: category.active,
      level: 2,
      parentId: category.parentId ?? category.entryId,
      children: [],
    });
  }
  for (const category of config.categories) {
    const node = nodes.get(category.id);
    const parent = nodes.get(category.parentId ?? category.entryId) ?? nodes.get(category.entryId);
    if (node && parent) parent.children.push(node);
  }
  const setLevels = (list: ConfigNode[], level: number): void => {
    for (const node of list) {
      node.level = level;
      setLevels(node.children, level + 1);
    }
  };
  setLevels(roots, 1);
  return roots;
}

/** The ids of a category and everything under it: where it may not be moved. */
export function subtreeIds(categories: readonly AdminConfigCategory[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of categories) {
      if (c.parentId && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
    }
  }
  return ids;
}

/** Ancestors of a node in the outline, nearest first (categories, then the entry). */
export function ancestorIds(config: AdminConfig, id: string): string[] {
  const byId = new Map(config.categories.map((c) => [c.id, c]));
  const out: string[] = [];
  let current = byId.get(id);
  for (let depth = 0; current && depth <= config.categories.length; depth++) {
    const parentId: string | null = current.parentId;
    if (parentId) out.push(parentId);
    else out.push(current.entryId);
    current = parentId ? byId.get(parentId) : undefined;
  }
  return out;
}
