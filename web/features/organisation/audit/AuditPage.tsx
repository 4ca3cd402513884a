import { Button, Details, Paragraph, Table } from '@digdir/designsystemet-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactElement, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../contracts/organisation.ts';
import { TextInput, useForm } from '../../../components/form.tsx';
import { Page } from '../../../components/Page.tsx';
import { Paging } from '../../../components/Paging.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useFormatters } from '../../../format.ts';
import type { AuditSearch } from '../../../routes/index.tsx';
import { useAudit } from '../api.ts';

const pageSize = 50;
const isDate = (value: string | undefined): value is string =>
  Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value));

/** A calendar day in the person's time zone, as the instant the API filters on. */
function dayStart(value: string): string {
  return new Date(`${value}T00:00:00`).toISOString();
}
function dayEnd(value: string): string {
  return new Date(`${value}T23:59:59.999`).toISOString();
}

function Summary({ entry }: { entry: AuditEntry }): ReactElement {
  const { t } = useTranslation();
  const keys = Object.keys(entry.summary);
  if (keys.length === 0) return <span className="muted">–</span>;
  return (
    <Details data-size="sm">
      <Details.Summary>{t('audit.showDetails', { count: keys.length })}</Details.Summary>
      <Details.Content>
        <pre className="code-block">{JSON.stringify(entry.summary, null, 2)}</pre>
      </Details.Content>
    </Details>
  );
}

export function AuditPage(): ReactElement {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const navigate = useNavigate({ from: '/admin/audit' });
  const search = useSearch({ from: '/app/admin/audit' });
  const page = search.page ?? 1;
  const form = useForm({
    action: search.action ?? '',
    entityType: search.entityType ?? '',
    entityId: search.entityId ?? '',
    from: search.from ?? '',
    to: search.to ?? '',
  });
  const { reset } = form;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows the URL (back/forward)
  useEffect(() => {
    reset({
      action: search.action ?? '',
      entityType: search.entityType ?? '',
      entityId: search.entityId ?? '',
      from: search.from ?? '',
      to: search.to ?? '',
    });
  }, [search.action, search.entityType, search.entityId, search.from, search.to]);

  const audit = useAudit({
    action: search.action,
    entityType: search.entityType,
    entityId: search.entityId,
    from: isDate(search.from) ? dayStart(search.from) : undefined,
    to: isDate(search.to) ? dayEnd(search.to) : undefined,
    page,
    pageSize,
  });
  const filtered = Boolean(search.action || search.entityType || search.entityId || search.from || search.to);

  const apply = (): void => {
    const next: AuditSearch = {};
    for (const key of ['action', 'entityType', 'entityId', 'from', 'to'] as const) {
      const value = form.values[key].trim();
      if (value) next[key] = value;
    }
    void navigate({ search: next });
  };

  return (
    <Page title={t('audit.title')} lead={<Paragraph>{t('audit.lead')}</Paragraph>}>
      <form
        className="filters"
        aria-label={t('audit.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <TextInput
          formId="audit"
          hideOptional
          name="action"
          label={t('audit.action')}
          description={t('audit.actionHelp')}
          value={form.values.action}
          onChange={form.bind('action')}
        />
        <TextInput
          formId="audit"
          hideOptional
          name="entityType"
          label={t('audit.entityType')}
          description={t('audit.entityTypeHelp')}
          value={form.values.entityType}
          onChange={form.bind('entityType')}
        />
        <TextInput
          formId="audit"
          hideOptional
          name="entityId"
          label={t('audit.entityId')}
          value={form.values.entityId}
          onChange={form.bind('entityId')}
        />
        <TextInput
          formId="audit"
          hideOptional
          name="from"
          type="date"
          label={t('audit.from')}
          value={form.values.from}
          onChange={form.bind('from')}
        />
        <TextInput
          formId="audit"
          hideOptional
          name="to"
          type="date"
          label={t('audit.to')}
          value={form.values.to}
          onChange={form.bind('to')}
        />
        <div className="filters__buttons">
          <Button type="submit">{t('audit.filter')}</Button>
          {filtered ? (
            <Button variant="tertiary" onClick={() => void navigate({ search: {} })}>
              {t('audit.clearFilters')}
            </Button>
          ) : null}
        </div>
      </form>

      <QueryState
        query={audit}
        isEmpty={(data) => data.items.length === 0}
        empty={filtered ? t('audit.noMatch') : t('audit.empty')}
      >
        {(data) => (
          <>
            <div className="table-scroll">
              <Table zebra data-size="sm" className="mt-4" aria-busy={audit.isFetching}>
                <caption className="ds-sr-only">{t('audit.title')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('audit.at')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.actor')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('audit.action')}</Table.HeaderCell>
                    <Table.HeaderCell className="hide-narrow">{t('audit.entity')}</Table.HeaderCell>
                    <Table.HeaderCell className="hide-narrow">{t('audit.details')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {data.items.map((entry) => (
                    <Table.Row key={entry.id}>
                      <Table.Cell className="nowrap-wide">{dateTime(entry.at)}</Table.Cell>
                      <Table.Cell>
                        {entry.actorName ?? <span className="muted">{t('audit.system')}</span>}
                      </Table.Cell>
                      <Table.Cell>
                        <code className="code">{entry.action}</code>
                      </Table.Cell>
                      <Table.Cell className="hide-narrow">
                        {entry.entityType}
                        {entry.entityId ? <div className="muted small break">{entry.entityId}</div> : null}
                      </Table.Cell>
                      <Table.Cell className="hide-narrow">
                        <Summary entry={entry} />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
            <Paging
              paged={data}
              onPage={(next) => void navigate({ search: (prev) => ({ ...prev, page: next }) })}
            />
          </>
        )}
      </QueryState>
    </Page>
  );
}
