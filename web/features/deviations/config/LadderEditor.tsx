import { Button, Heading, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { type CSSProperties, type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminConfig, AdminConfigCategory } from '../../../../contracts/deviation-config-admin.ts';
import { FormShell, fieldId, SelectInput, useForm } from '../../../components/form.tsx';
import { configApi, refreshConfig } from './api.ts';

// Layout only; the shared stylesheet has no ordered-list-with-actions pattern yet.
const listStyle: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };
const itemStyle: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: '0.5rem',
  padding: '0.5rem 0',
  borderBottom: '1px solid var(--ds-color-neutral-border-subtle)',
};
const addStyle: CSSProperties = { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: '0.75rem' };

interface LadderEditorProps {
  config: AdminConfig;
  category: AdminConfigCategory;
}

/**
 * The escalation ladder as an ordered list: add a body at the end, move one up or down, remove one,
 * then save the whole order in one call. A change is announced, since the moved row keeps the focus.
 */
export function LadderEditor({ config, category }: LadderEditorProps): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = 'ladder';
  const [bodyIds, setBodyIds] = useState<string[]>(() => category.ladder.map((s) => s.bodyId));
  const [announcement, setAnnouncement] = useState('');
  const [saved, setSaved] = useState(false);
  const form = useForm({ add: '' });
  const nameOf = (id: string): string =>
    config.bodies.find((b) => b.id === id)?.name ??
    category.ladder.find((s) => s.bodyId === id)?.bodyName ??
    id;
  const labels = Object.fromEntries(
    bodyIds.map((id, i) => [
      `bodyIds.${i}`,
      t('deviationConfig.ladderStep', { position: i + 1, name: nameOf(id) }),
    ]),
  );

  function change(next: string[], message: string): void {
    setBodyIds(next);
    setAnnouncement(message);
    setSaved(false);
  }

  function move(index: number, by: -1 | 1): void {
    const next = [...bodyIds];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(index + by, 0, moved);
    change(next, t('deviationConfig.ladderMoved', { name: nameOf(moved), position: index + by + 1 }));
  }

  function add(): void {
    const id = form.values.add;
    if (!id) return;
    change(
      [...bodyIds, id],
      t('deviationConfig.ladderAdded', { name: nameOf(id), position: bodyIds.length + 1 }),
    );
    form.set('add', '');
  }

  const onSubmit = form.submit(async () => {
    await configApi.replaceLadder(category.id, bodyIds);
    await refreshConfig(queryClient);
    setSaved(true);
    setAnnouncement(t('deviationConfig.ladderSaved'));
  });
  const addOptions = config.bodies
    .filter((b) => b.active && !bodyIds.includes(b.id))
    .map((b) => ({ value: b.id, label: b.name }));

  return (
    <section className="stack" aria-labelledby="ladder-heading">
      <Heading level={3} data-size="xs" id="ladder-heading">
        {t('deviationConfig.ladder')}
      </Heading>
      <Paragraph data-size="sm" className="muted">
        {t('deviationConfig.ladderHelp')}
      </Paragraph>
      <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
        {bodyIds.length === 0 ? (
          <Paragraph className="muted">{t('deviationConfig.ladderEmpty')}</Paragraph>
        ) : (
          <ol aria-label={t('deviationConfig.ladder')} style={listStyle}>
            {bodyIds.map((id, i) => {
              const name = nameOf(id);
              const error = form.errors[`bodyIds.${i}`];
              return (
                <li key={id} id={fieldId(formId, `bodyIds.${i}`)} tabIndex={-1} style={itemStyle}>
                  <span style={{ flex: '1 1 12rem' }}>
                    {i + 1}. {name}
                  </span>
                  <span className="button-row">
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      disabled={i === 0}
                      aria-label={t('deviationConfig.moveUp', { name })}
                      onClick={() => move(i, -1)}
                    >
                      {t('deviationConfig.up')}
                    </Button>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      disabled={i === bodyIds.length - 1}
                      aria-label={t('deviationConfig.moveDown', { name })}
                      onClick={() => move(i, 1)}
                    >
                      {t('deviationConfig.down')}
                    </Button>
                    <Button
                      variant="tertiary"
                      data-size="sm"
                      aria-label={t('common.removeNamed', { name })}
                      onClick={() =>
                        change(
                          bodyIds.filter((b) => b !== id),
                          t('deviationConfig.ladderRemoved', { name }),
                        )
                      }
                    >
                      {t('common.remove')}
                    </Button>
                  </span>
                  {error ? <ValidationMessage>{error}</ValidationMessage> : null}
                </li>
              );
            })}
          </ol>
        )}
        <div style={addStyle}>
          <SelectInput
            formId={formId}
            {...form.field('add')}
            label={t('deviationConfig.addBody')}
            placeholder={t('form.choose')}
            options={addOptions}
          />
          <Button variant="secondary" data-size="sm" onClick={add} disabled={!form.values.add}>
            {t('deviationConfig.addToLadder')}
          </Button>
        </div>
        <div className="button-row">
          <Button type="submit" loading={form.submitting}>
            {t('deviationConfig.saveLadder')}
          </Button>
          {saved ? <span className="muted">{t('deviationConfig.ladderSaved')}</span> : null}
        </div>
        <div className="ds-sr-only" aria-live="polite">
          {announcement}
        </div>
      </FormShell>
    </section>
  );
}
