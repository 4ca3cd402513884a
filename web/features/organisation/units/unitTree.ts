import type { Unit } from '../../../../contracts/organisation.ts';

export interface TreeNode {
  unit: Unit;
  level: number;
  children: TreeNode[];
}

const byName = (a: TreeNode, b: TreeNode): number => a.unit.name.localeCompare(b.unit.name);

/** Builds the tree from the flat list; a unit whose parent is not in the list becomes a root. */
export function buildTree(units: readonly Unit[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const unit of units) nodes.set(unit.id, { unit, level: 1, children: [] });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setLevels = (list: TreeNode[], level: number): void => {
    list.sort(byName);
    for (const node of list) {
      node.level = level;
      setLevels(node.children, level + 1);
    }
  };
  setLevels(roots, 1);
  return roots;
}

/** The nodes a person can see, in reading order, given which are expanded. */
export function visibleNodes(roots: readonly TreeNode[], expanded: ReadonlySet<string>): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (list: readonly TreeNode[]): void => {
    for (const node of list) {
      out.push(node);
      if (node.children.length > 0 && expanded.has(node.unit.id)) walk(node.children);
    }
  };
  walk(roots);
  return out;
}

/** "Region › Hospital › Ward": a unit's full path, for choosing a unit in a list. */
export function unitPathLabels(units: readonly Unit[]): Map<string, string> {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const labels = new Map<string, string>();
  for (const unit of units) {
    const path = unit.ancestorIds.map((id) => names.get(id)).filter((n): n is string => Boolean(n));
    labels.set(unit.id, path.length > 0 ? path.join(' › ') : unit.name);
  }
  return labels;
}

/** Units sorted by their path, as options for a select. */
export function unitOptions(
  units: readonly Unit[],
  filter: (unit: Unit) => boolean = () => true,
): Array<{ value: string; label: string }> {
  const labels = unitPathLabels(units);
  return units
    .filter(filter)
    .map((u) => ({ value: u.id, label: labels.get(u.id) ?? u.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
