import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/organisation.ts';
import { TreeView, type TreeViewNode } from '../../../components/TreeView.tsx';
import { buildTree, type TreeNode } from './unitTree.ts';

interface UnitTreeProps {
  units: readonly Unit[];
  selectedId: string | undefined;
  onSelect: (unitId: string) => void;
  labelledBy: string;
}

/** The organisation's units as a keyboard tree (TreeView); a unit whose parent is not listed is a root. */
export function UnitTree({ units, selectedId, onSelect, labelledBy }: UnitTreeProps): ReactElement {
  const { t } = useTranslation();
  const roots = useMemo((): TreeViewNode[] => {
    const toView = (node: TreeNode): TreeViewNode => ({
      id: node.unit.id,
      label: node.unit.name,
      active: node.unit.active,
      children: node.children.map(toView),
    });
    return buildTree(units).map(toView);
  }, [units]);
  const selectedAncestors = useMemo((): string[] => {
    const selected = units.find((u) => u.id === selectedId);
    return selected ? selected.ancestorIds.filter((id) => id !== selected.id) : [];
  }, [selectedId, units]);
  return (
    <TreeView
      roots={roots}
      selectedId={selectedId}
      onSelect={onSelect}
      selectedAncestors={selectedAncestors}
      labelledBy={labelledBy}
      idPrefix="unit-tree"
      inactiveText={t('unit.inactive')}
    />
  );
}
