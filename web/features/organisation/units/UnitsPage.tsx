import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../../components/dialogs.tsx';
import { Page } from '../../../components/Page.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { organisationsQuery, unitsQuery } from '../api.ts';
import { UnitDetailPanel } from './UnitDetailPanel.tsx';
import { CreateUnitForm } from './UnitForms.tsx';
import { UnitTree } from './UnitTree.tsx';

export function UnitsPage(): ReactElement {
  const { t } = useTranslation();
  const navigate = useNavigate({ from: '/admin/units' });
  const { unit: selectedId } = useSearch({ from: '/app/admin/units' });
  const units = useQuery(unitsQuery);
  const organisations = useQuery(organisationsQuery);
  const [creatingRoot, setCreatingRoot] = useState(false);

  const select = (unitId: string): void => {
    void navigate({ search: { unit: unitId } });
  };

  return (
    <Page
      title={t('units.title')}
      lead={<Paragraph>{t('units.lead')}</Paragraph>}
      actions={
        <Button variant="secondary" data-size="sm" onClick={() => setCreatingRoot(true)}>
          {t('units.createRoot')}
        </Button>
      }
    >
      <QueryState query={units} isEmpty={(data) => data.items.length === 0} empty={t('units.empty')}>
        {(data) => (
          <div className="split">
            <Card className="split__aside">
              <Card.Block>
                <Heading level={2} data-size="xs" id="unit-tree-heading">
                  {t('units.tree')}
                </Heading>
                <Paragraph data-size="sm" className="muted mt-1" id="unit-tree-help">
                  {t('units.treeHelp')}
                </Paragraph>
                <div className="mt-2">
                  <UnitTree
                    units={data.items}
                    selectedId={selectedId}
                    onSelect={select}
                    labelledBy="unit-tree-heading"
                  />
                </div>
              </Card.Block>
            </Card>
            <div className="split__main">
              {selectedId ? (
                <UnitDetailPanel unitId={selectedId} units={data.items} onSelect={select} />
              ) : (
                <div className="empty-state">
                  <Paragraph>{t('units.chooseUnit')}</Paragraph>
                </div>
              )}
            </div>
          </div>
        )}
      </QueryState>
      <FormDialog
        open={creatingRoot}
        onClose={() => setCreatingRoot(false)}
        title={t('units.createRootTitle')}
      >
        <CreateUnitForm
          parent={null}
          organisations={organisations.data?.items ?? []}
          onDone={(created) => {
            setCreatingRoot(false);
            select(created.id);
          }}
          onCancel={() => setCreatingRoot(false)}
        />
      </FormDialog>
    </Page>
  );
}
