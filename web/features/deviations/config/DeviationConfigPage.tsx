import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminConfig } from '../../../../contracts/deviation-config-admin.ts';
import { FormDialog } from '../../../components/dialogs.tsx';
import { Page } from '../../../components/Page.tsx';
import { EmptyState, QueryState } from '../../../components/QueryState.tsx';
import { useLocalized } from '../localized.ts';
import { adminConfigQuery } from './api.ts';
import { CategoryForm, pathLabel } from './CategoryForm.tsx';
import { ConfigTree } from './ConfigTree.tsx';
import { EntryForm } from './EntryForm.tsx';
import { LadderEditor } from './LadderEditor.tsx';

/** The administrator's page: the entries with their classification trees, and the selected node's settings. */
export function DeviationConfigPage(): ReactElement {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: '/admin/deviation-config' });
  const { node: selectedId } = useSearch({ from: '/app/admin/deviation-config' });
  const config = useQuery(adminConfigQuery);
  const [creatingEntry, setCreatingEntry] = useState(false);
  const select = (id: string): void => {
    void navigate({ search: { node: id } });
  };

  return (
    <Page
      title={t('deviationConfig.title')}
      lead={<Paragraph>{t('deviationConfig.lead')}</Paragraph>}
      actions={
        <Button variant="secondary" data-size="sm" onClick={() => setCreatingEntry(true)}>
          {t('deviationConfig.createEntry')}
        </Button>
      }
    >
      <QueryState
        query={config}
        isEmpty={(data) => data.entries.length === 0}
        empty={t('deviationConfig.empty')}
      >
        {(data) => (
          <div className="split">
            <Card className="split__aside">
              <Card.Block>
                <Heading level={2} data-size="xs" id="config-tree-heading">
                  {t('deviationConfig.tree')}
                </Heading>
                <Paragraph data-size="sm" className="muted mt-1">
                  {t('deviationConfig.treeHelp')}
                </Paragraph>
                <div className="mt-2">
                  <ConfigTree
                    config={data}
                    selectedId={selectedId}
                    onSelect={select}
                    labelledBy="config-tree-heading"
                  />
                </div>
              </Card.Block>
            </Card>
            <div className="split__main">
              <NodePanel key={selectedId} config={data} selectedId={selectedId} onSelect={select} />
            </div>
          </div>
        )}
      </QueryState>
      <FormDialog
        open={creatingEntry}
        onClose={() => setCreatingEntry(false)}
        title={t('deviationConfig.createEntry')}
      >
        <EntryForm
          onDone={(entry) => {
            setCreatingEntry(false);
            select(entry.id);
          }}
          onCancel={() => setCreatingEntry(false)}
        />
      </FormDialog>
    </Page>
  );
}

interface NodePanelProps {
  config: AdminConfig;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/** The selected entry or node: its form, its ladder, and "add under this". */
function NodePanel({ config, selectedId, onSelect }: NodePanelProps): ReactElement {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  const entry = config.entries.find((e) => e.id === selectedId);
  const category = config.categories.find((c) => c.id === selectedId);
  if (!entry && !category) return <EmptyState>{t('deviationConfig.choose')}</EmptyState>;

  const name = entry ? localized(entry.name) : category ? pathLabel(config, category.id, localized) : '';
  const active = entry?.active ?? category?.active ?? true;
  const entryId = entry?.id ?? category?.entryId ?? '';
  return (
    <article className="stack" aria-labelledby="config-node-heading">
      <div className="section__header">
        <Heading level={2} data-size="md" id="config-node-heading">
          {name}
        </Heading>
        {active ? null : <Tag data-color="warning">{t('deviationConfig.inactive')}</Tag>}
      </div>
      <Paragraph data-size="sm" className="muted">
        {entry ? t('deviationConfig.entryKind') : t('deviationConfig.categoryKind')}
      </Paragraph>
      <div className="button-row">
        <Button data-size="sm" onClick={() => setAdding(true)}>
          {entry ? t('deviationConfig.addArea') : t('deviationConfig.addUnder')}
        </Button>
      </div>
      <div role="status">
        {saved ? <Paragraph data-size="sm">{t('deviationConfig.saved')}</Paragraph> : null}
      </div>
      {entry ? (
        <EntryForm entry={entry} onDone={() => setSaved(true)} />
      ) : category ? (
        <>
          <CategoryForm config={config} target={{ category }} onDone={() => setSaved(true)} />
          <LadderEditor config={config} category={category} />
        </>
      ) : null}
      <FormDialog
        open={adding}
        onClose={() => setAdding(false)}
        title={t('deviationConfig.addUnderTitle', { name })}
      >
        <CategoryForm
          config={config}
          target={{ entryId, parentId: category?.id ?? null }}
          onDone={(created) => {
            setAdding(false);
            onSelect(created.id);
          }}
          onCancel={() => setAdding(false)}
        />
      </FormDialog>
    </article>
  );
}
