import { Button, Checkbox, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviationListItem } from '../../../../contracts/deviations.ts';
import { type FieldErrors, FormErrors, TextInput, useForm } from '../../../components/form.tsx';
import { Page } from '../../../components/Page.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useFormatters } from '../../../format.ts';
import { handlingApi, refreshDeviations, useDeviationList } from '../api.ts';
import { CaseTable } from '../inbox/CaseTable.tsx';

function today(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function byUnit(
  items: DeviationListItem[],
): Array<{ unitId: string; unitName: string; items: DeviationListItem[] }> {
  const groups = new Map<string, { unitId: string; unitName: string; items: DeviationListItem[] }>();
  for (const item of items) {
    const group = groups.get(item.unit.id) ?? { unitId: item.unit.id, unitName: item.unit.name, items: [] };
    group.items.push(item);
    groups.set(item.unit.id, group);
  }
  return [...groups.values()].sort((a, b) => a.unitName.localeCompare(b.unitName));
}

/** The cases each unit should raise at its next meeting; afterwards, recorded as raised on a date. */
export function UnitMeetingPage(): ReactElement {
  const { t } = useTranslation();
  const f = useFormatters();
  const queryClient = useQueryClient();
  // A unit meeting rarely has more than a page of cases; the server caps a list at 200.
  const list = useDeviationList({ view: 'meeting', sort: 'reportedAt', order: 'asc', pageSize: 200 });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [recorded, setRecorded] = useState<{ count: number; date: string } | null>(null);
  const formId = 'unit-meeting';
  const form = useForm({ raisedOn: today() });

  function toggle(id: string, on: boolean): void {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const clientErrors: FieldErrors = {};
  if (selected.size === 0) clientErrors.deviationIds = t('cases.unitMeeting.chooseSome');
  if (!form.values.raisedOn) clientErrors.raisedOn = t('validation.required');
  const onSubmit = form.submit(async () => {
    const result = await handlingApi.markRaised([...selected], form.values.raisedOn);
    setRecorded({ count: result.updated, date: form.values.raisedOn });
    setSelected(new Set());
    await refreshDeviations(queryClient);
  }, clientErrors);

  return (
    <Page title={t('cases.unitMeeting.title')} lead={<Paragraph>{t('cases.unitMeeting.lead')}</Paragraph>}>
      {recorded ? (
        <Paragraph role="status" className="success-note">
          {t('cases.unitMeeting.recorded', { count: recorded.count, date: f.date(recorded.date) })}
        </Paragraph>
      ) : null}
      <QueryState
        query={list}
        isEmpty={(data) => data.items.length === 0}
        empty={t('cases.unitMeeting.empty')}
      >
        {(data) => (
          <form id={formId} onSubmit={(event) => void onSubmit(event)} noValidate>
            <FormErrors
              formId={formId}
              errors={form.errors}
              general={form.general}
              attempt={form.attempt}
              labels={{ deviationIds: t('cases.unitMeeting.cases'), raisedOn: t('cases.unitMeeting.date') }}
            />
            {byUnit(data.items).map((group, index) => (
              <section
                key={group.unitId}
                className="meeting-unit"
                aria-labelledby={`meeting-${group.unitId}`}
              >
                <Heading level={2} data-size="sm" id={`meeting-${group.unitId}`}>
                  {group.unitName}
                </Heading>
                <CaseTable
                  caption={t('cases.unitMeeting.caption', { unit: group.unitName })}
                  items={group.items}
                  busy={list.isFetching}
                  lead={{
                    header: <span className="ds-sr-only">{t('cases.unitMeeting.select')}</span>,
                    cell: (item) => (
                      <Checkbox
                        id={index === 0 && item === group.items[0] ? `${formId}-deviationIds` : undefined}
                        aria-label={t('cases.unitMeeting.selectNamed', { number: item.number })}
                        checked={selected.has(item.id)}
                        onChange={(event) => toggle(item.id, event.target.checked)}
                      />
                    ),
                  }}
                />
              </section>
            ))}
            <div className="inline-form mt-4">
              <TextInput
                formId={formId}
                {...form.field('raisedOn')}
                type="date"
                label={t('cases.unitMeeting.date')}
                required
              />
              <Button type="submit" loading={form.submitting}>
                {t('cases.unitMeeting.submit', { count: selected.size })}
              </Button>
            </div>
          </form>
        )}
      </QueryState>
    </Page>
  );
}
