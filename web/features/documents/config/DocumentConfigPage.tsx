import { Alert, Button, Link as DsLink, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentTemplate, DocumentType } from '../../../../contracts/documents.ts';
import { FormDialog } from '../../../components/dialogs.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { Page } from '../../../components/Page.tsx';
import { EmptyState, errorMessage, QueryState } from '../../../components/QueryState.tsx';
import { useDocumentTemplates, useDocumentTypes } from '../api.ts';
import { documentConfigApi, refreshDocumentConfig } from './api.ts';
import { TypeForm } from './TypeForm.tsx';

/** The administrator's page: the organisation's document types, and the templates of each. */
export function DocumentConfigPage(): ReactElement {
  const { t } = useTranslation();
  const types = useDocumentTypes();
  const [editing, setEditing] = useState<DocumentType | 'new' | null>(null);
  const [message, setMessage] = useState('');

  return (
    <Page
      title={t('documentConfig.title')}
      lead={<Paragraph>{t('documentConfig.lead')}</Paragraph>}
      actions={
        <Button variant="secondary" data-size="sm" onClick={() => setEditing('new')}>
          {t('documentConfig.createType')}
        </Button>
      }
    >
      <div role="status" className="ds-sr-only">
        {message}
      </div>
      <QueryState
        query={types}
        isEmpty={(data) => data.items.length === 0}
        empty={t('documentConfig.noTypes')}
      >
        {(data) => (
          <>
            <TypesTable types={data.items} onEdit={setEditing} onSaved={setMessage} />
            <TemplatesByType types={data.items} />
          </>
        )}
      </QueryState>
      <FormDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing === 'new' || editing === null
            ? t('documentConfig.createType')
            : t('documentConfig.editType', { name: editing.label })
        }
      >
        <TypeForm
          type={editing === 'new' || editing === null ? undefined : editing}
          onDone={(saved) => {
            setEditing(null);
            setMessage(t('documentConfig.typeSaved', { name: saved.label }));
          }}
          onCancel={() => setEditing(null)}
        />
      </FormDialog>
    </Page>
  );
}

function TypesTable({
  types,
  onEdit,
  onSaved,
}: {
  types: DocumentType[];
  onEdit: (type: DocumentType) => void;
  onSaved: (message: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function toggle(type: DocumentType): Promise<void> {
    setBusy(type.id);
    setFailure(null);
    try {
      const saved = await documentConfigApi.updateType(type.id, { active: !type.active });
      await refreshDocumentConfig(queryClient);
      onSaved(
        saved.active
          ? t('documentConfig.typeReactivated', { name: saved.label })
          : t('documentConfig.typeDeactivated', { name: saved.label }),
      );
    } catch (error) {
      setFailure(errorMessage(error, t('common.errorUnknown')));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="stack" aria-labelledby="document-types-heading">
      <Heading level={2} data-size="sm" id="document-types-heading">
        {t('documentConfig.types')}
      </Heading>
      {failure ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      ) : null}
      <ListTable
        caption={t('documentConfig.types')}
        columns={[
          t('documentConfig.nameIn', { language: t('documentConfig.language.sv') }),
          t('documentConfig.nameIn', { language: t('documentConfig.language.nb') }),
          t('documentConfig.nameIn', { language: t('documentConfig.language.en') }),
          t('documentConfig.knowledgeSupport'),
          t('documentConfig.status'),
          t('common.actions'),
        ]}
      >
        {types.map((type) => (
          <Table.Row key={type.id}>
            <Table.Cell>{type.name.sv}</Table.Cell>
            <Table.Cell>{type.name.nb}</Table.Cell>
            <Table.Cell>{type.name.en}</Table.Cell>
            <Table.Cell>
              {type.isKnowledgeSupport ? t('documentConfig.yes') : t('documentConfig.no')}
            </Table.Cell>
            <Table.Cell>
              <ActiveTag active={type.active} />
            </Table.Cell>
            <Table.Cell>
              <div className="button-row">
                <Button
                  variant="tertiary"
                  data-size="sm"
                  onClick={() => onEdit(type)}
                  aria-label={t('common.editNamed', { name: type.label })}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  variant="tertiary"
                  data-size="sm"
                  loading={busy === type.id}
                  onClick={() => void toggle(type)}
                  aria-label={
                    type.active
                      ? t('documentConfig.deactivateNamed', { name: type.label })
                      : t('documentConfig.reactivateNamed', { name: type.label })
                  }
                >
                  {type.active ? t('documentConfig.deactivate') : t('documentConfig.reactivate')}
                </Button>
              </div>
            </Table.Cell>
          </Table.Row>
        ))}
      </ListTable>
    </section>
  );
}

function ActiveTag({ active }: { active: boolean }): ReactElement {
  const { t } = useTranslation();
  return active ? (
    <Tag data-color="success">{t('documentConfig.active')}</Tag>
  ) : (
    <Tag data-color="warning">{t('documentConfig.inactive')}</Tag>
  );
}

/** Each type with its templates, and a way to add one (to an active type: the server takes no other). */
function TemplatesByType({ types }: { types: DocumentType[] }): ReactElement {
  const { t } = useTranslation();
  const templates = useDocumentTemplates();
  return (
    <section className="section stack" aria-labelledby="document-templates-heading">
      <Heading level={2} data-size="sm" id="document-templates-heading">
        {t('documentConfig.templates')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('documentConfig.templatesLead')}
      </Paragraph>
      <QueryState query={templates}>
        {(data) => (
          <div className="stack-lg">
            {types.map((type) => (
              <TypeTemplates
                key={type.id}
                type={type}
                templates={data.items.filter((tpl) => tpl.type.id === type.id)}
              />
            ))}
          </div>
        )}
      </QueryState>
    </section>
  );
}

function TypeTemplates({
  type,
  templates,
}: {
  type: DocumentType;
  templates: DocumentTemplate[];
}): ReactElement {
  const { t } = useTranslation();
  const headingId = `templates-of-${type.id}`;
  return (
    <section className="stack" aria-labelledby={headingId}>
      <div className="section__header">
        <Heading level={3} data-size="xs" id={headingId}>
          {type.label}
        </Heading>
        {type.active ? (
          <DsLink asChild>
            <Link
              to="/admin/document-config/templates/new"
              search={{ type: type.id }}
              aria-label={t('documentConfig.createTemplateFor', { name: type.label })}
            >
              {t('documentConfig.createTemplate')}
            </Link>
          </DsLink>
        ) : (
          <Tag data-color="warning">{t('documentConfig.inactiveType')}</Tag>
        )}
      </div>
      {templates.length === 0 ? (
        <EmptyState>{t('documentConfig.noTemplates')}</EmptyState>
      ) : (
        <ListTable
          caption={t('documentConfig.templatesOf', { name: type.label })}
          columns={[
            t('documentConfig.templateName'),
            t('documentConfig.sectionCount'),
            t('documentConfig.status'),
          ]}
        >
          {templates.map((tpl) => (
            <Table.Row key={tpl.id}>
              <Table.Cell>
                <DsLink asChild>
                  <Link to="/admin/document-config/templates/$id" params={{ id: tpl.id }}>
                    {tpl.label}
                  </Link>
                </DsLink>
              </Table.Cell>
              <Table.Cell>{tpl.sections.length}</Table.Cell>
              <Table.Cell>
                <ActiveTag active={tpl.active} />
              </Table.Cell>
            </Table.Row>
          ))}
        </ListTable>
      )}
    </section>
  );
}
