import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminConfig } from '../../../../contracts/deviation-config-admin.ts';
import { TreeView, type TreeViewNode } from '../../../components/TreeView.tsx';
import { useLocalized } from '../localized.ts';
import { ancestorIds, buildConfigTree, type ConfigNode } from './configTree.ts';

interface ConfigTreeProps {
  config: AdminConfig;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  labelledBy: string;
}

/** The entries and their classification trees as one keyboard tree (TreeView), names in the UI language. */
export function ConfigTree({ config, selectedId, onSelect, labelledBy }: ConfigTreeProps): ReactElement {
  const { t } = useTranslation();
  const localized = useLocalized();
  const roots = useMemo((): TreeViewNode[] => {
    const toView = (node: ConfigNode): TreeViewNode => ({
      id: node.id,
      label: localized(node.name),
      active: node.active,
      children: node.children.map(toView),
    });
    return buildConfigTree(config).map(toView);
  }, [config, localized]);
  const selectedAncestors = useMemo(
    () => (selectedId ? ancestorIds(config, selectedId) : []),
    [selectedId, config],
  );
  return (
    <TreeView
      roots={roots}
      selectedId={selectedId}
      onSelect={onSelect}
      selectedAncestors={selectedAncestors}
      labelledBy={labelledBy}
      idPrefix="config-tree"
      inactiveText={t('deviationConfig.inactive')}
    />
  );
}
