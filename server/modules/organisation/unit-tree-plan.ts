import { idsOnPath } from './records.ts';

/**
 * The unit tree after an import, worked out in memory before anything is written: the final
 * materialised path of every unit the file touches, and which of them would sit under themselves.
 *
 * `planned` are the file's units (new or existing) with the parent the file gives them. Units the
 * file does not name keep their parent, which their current path tells (`currentPaths`).
 */
export function planUnitTree(
  planned: ReadonlyMap<string, { parentId: string | null }>,
  currentPaths: Iterable<string>,
): { finalPaths: Map<string, string>; onCycle: Set<string> } {
  // Every ancestor on a stored path is itself stored with the prefix as its path.
  const storedParent = new Map<string, string | null>();
  for (const path of currentPaths) {
    const ids = idsOnPath(path);
    ids.forEach((id, i) => {
      storedParent.set(id, i === 0 ? null : (ids[i - 1] ?? null));
    });
  }
  const parentOf = (id: string): string | null => {
    const inFile = planned.get(id);
    return inFile ? inFile.parentId : (storedParent.get(id) ?? null);
  };

  const resolved = new Map<string, string | null>();
  const onCycle = new Set<string>();
  // Walks up iteratively (a file may hold a very long chain) until a root or a unit already resolved.
  for (const start of planned.keys()) {
    const chain: string[] = [];
    const onChain = new Set<string>();
    let current: string | null = start;
    let prefix: string | null = '/';
    while (current !== null) {
      const known = resolved.get(current);
      if (known !== undefined) {
        prefix = known;
        break;
      }
      if (onChain.has(current)) {
        for (const id of chain.slice(chain.indexOf(current))) onCycle.add(id);
        prefix = null;
        break;
      }
      chain.push(current);
      onChain.add(current);
      current = parentOf(current);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const id = chain[i];
      if (id === undefined) continue;
      prefix = prefix === null ? null : `${prefix}${id}/`;
      resolved.set(id, prefix);
    }
  }
  const finalPaths = new Map<string, string>();
  for (const [id, path] of resolved) if (path !== null) finalPaths.set(id, path);
  return { finalPaths, onCycle };
}
