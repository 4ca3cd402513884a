import {
  Alert,
  Button,
  Link as DsLink,
  Fieldset,
  Heading,
  Paragraph,
  Switch,
  Tag,
} from '@digdir/designsystemet-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type ReactElement, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createDocumentTemplateBody,
  type DocumentTemplate,
  type DocumentType,
  MAX_TEMPLATE_SECTIONS,
  updateDocumentTemplateBody,
} from '../../../../contracts/documents.ts';
import { api } from '../../../api.ts';
import { FormShell, fieldId, TextArea, TextInput, useForm, validate } from '../../../components/form.tsx';
import { Page } from '../../../components/Page.tsx';
import { EmptyState, QueryState } from '../../../components/QueryState.tsx';
import { documentKeys, useDocumentTypes } from '../api.ts';
import { documentConfigApi, refreshDocumentConfig } from './api.ts';
import './config.css';
import {
  createBody,
  draftOf,
  emptyDraft,
  emptySection,
  type Lang,
  languages,
  moveSection,
  removeSection,
  type SectionDraft,
  type TemplateDraft,
  updateBody,
} from './templateDraft.ts';

const FORM_ID = 'document-template';

function templateQuery(id: string) {
  return {
    queryKey: [...documentKeys.templates, 'one', id] as const,
    queryFn: ({ signal }: { signal: AbortSignal }) =>
      api.get<DocumentTemplate>(`/api/document-templates/${encodeURIComponent(id)}`, undefined, signal),
  };
}

function BackLink(): ReactElement {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <DsLink asChild>
        <Link to="/admin/document-config">{t('documentConfig.back')}</Link>
      </DsLink>
    </Paragraph>
  );
}

/** One template: its names, its sections in order, and whether authors may choose it. */
export function TemplateEditorPage(): ReactElement {
  const { t } = useTranslation();
  const { id } = useParams({ from: '/app/admin/document-config/templates/$id' });
  const template = useQuery(templateQuery(id));
  return (
    <Page
      title={
        template.data
          ? t('documentConfig.templateTitle', { name: template.data.label })
          : t('documentConfig.template')
      }
      lead={<BackLink />}
    >
      <QueryState query={template}>
        {(data) => <TemplateEditor key={data.id} template={data} typeLabel={data.type.label} />}
      </QueryState>
    </Page>
  );
}

/** A new template for one type (?type=…). */
export function NewTemplatePage(): ReactElement {
  const { t } = useTranslation();
  const { type: typeId } = useSearch({ from: '/app/admin/document-config/templates/new' });
  const types = useDocumentTypes();
  const type: DocumentType | undefined = types.data?.items.find((item) => item.id === typeId);
  return (
    <Page
      title={
        type ? t('documentConfig.newTemplateFor', { name: type.label }) : t('documentConfig.createTemplate')
      }
      lead={<BackLink />}
    >
      <QueryState query={types}>
        {() =>
          type?.active ? (
            <TemplateEditor typeId={type.id} typeLabel={type.label} />
          ) : (
            <EmptyState>{t('documentConfig.typeNotUsable')}</EmptyState>
          )
        }
      </QueryState>
    </Page>
  );
}

type EditorProps = { typeLabel: string } & ({ template: DocumentTemplate } | { typeId: string });

interface Focus {
  key: string;
  which: 'up' | 'down' | 'title';
}

function TemplateEditor(props: EditorProps): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const existing = 'template' in props ? props.template : undefined;
  const form = useForm<TemplateDraft>(existing ? draftOf(existing) : emptyDraft());
  const [announcement, setAnnouncement] = useState('');
  const [saved, setSaved] = useState(false);
  const focus = useRef<Focus | null>(null);
  const draft = form.values;

  // After a move, the pressed button (or, at an end, its partner) keeps the focus; after an add, the new title.
  useEffect(() => {
    const wanted = focus.current;
    if (!wanted) return;
    focus.current = null;
    if (wanted.which === 'title') {
      const index = draft.sections.findIndex((s) => s.key === wanted.key);
      document.getElementById(fieldId(FORM_ID, `sections.${index}.title.sv`))?.focus();
      return;
    }
    const byId = (which: Focus['which']) =>
      document.getElementById(`${FORM_ID}-section-${wanted.key}-${which}`) as HTMLButtonElement | null;
    const first = byId(wanted.which);
    const other = byId(wanted.which === 'up' ? 'down' : 'up');
    if (first && !first.disabled) first.focus();
    else other?.focus();
  }, [draft.sections]);

  const sectionName = (section: SectionDraft, index: number): string =>
    section.title.sv.trim() || t('documentConfig.sectionNumber', { position: index + 1 });

  const labels: Record<string, string> = {};
  for (const lang of languages)
    labels[`name.${lang}`] = t('documentConfig.nameIn', { language: t(`documentConfig.language.${lang}`) });
  labels.sections = t('documentConfig.sections');
  draft.sections.forEach((_, i) => {
    const name = t('documentConfig.sectionNumber', { position: i + 1 });
    labels[`sections.${i}.id`] = name;
    for (const lang of languages) {
      const language = t(`documentConfig.language.${lang}`);
      labels[`sections.${i}.title.${lang}`] = `${name}: ${t('documentConfig.titleIn', { language })}`;
      labels[`sections.${i}.guidance.${lang}`] = `${name}: ${t('documentConfig.guidanceIn', { language })}`;
    }
  });
  labels.typeId = t('documentConfig.type');
  labels.active = t('documentConfig.activeTemplate');

  function changeSections(next: SectionDraft[], message: string, wanted?: Focus): void {
    focus.current = wanted ?? null;
    form.set('sections', next);
    setAnnouncement(message);
    setSaved(false);
  }

  function setName(lang: Lang, value: string): void {
    form.set('name', { ...draft.name, [lang]: value });
    setSaved(false);
  }

  function setSectionText(index: number, part: 'title' | 'guidance', lang: Lang, value: string): void {
    form.set(
      'sections',
      draft.sections.map((s, i) => (i === index ? { ...s, [part]: { ...s[part], [lang]: value } } : s)),
    );
    setSaved(false);
  }

  function move(index: number, by: -1 | 1): void {
    const section = draft.sections[index];
    if (!section) return;
    changeSections(
      moveSection(draft.sections, index, by),
      t('documentConfig.sectionMoved', { name: sectionName(section, index), position: index + by + 1 }),
      { key: section.key, which: by === -1 ? 'up' : 'down' },
    );
  }

  function add(): void {
    const section = emptySection();
    changeSections(
      [...draft.sections, section],
      t('documentConfig.sectionAdded', { position: draft.sections.length + 1 }),
      { key: section.key, which: 'title' },
    );
  }

  function remove(index: number): void {
    const section = draft.sections[index];
    if (!section) return;
    const neighbour = draft.sections[index + 1] ?? draft.sections[index - 1];
    changeSections(
      removeSection(draft.sections, index),
      t('documentConfig.sectionRemoved', { name: sectionName(section, index) }),
      neighbour ? { key: neighbour.key, which: 'title' } : undefined,
    );
  }

  const checked = existing
    ? validate(updateDocumentTemplateBody, updateBody(draft), t)
    : validate(createDocumentTemplateBody, createBody(draft, 'typeId' in props ? props.typeId : ''), t);
  const onSubmit = form.submit(
    async () => {
      if (existing) {
        const result = await documentConfigApi.updateTemplate(existing.id, updateBody(draft));
        await refreshDocumentConfig(queryClient);
        form.reset(draftOf(result));
        setSaved(true);
        setAnnouncement(t('documentConfig.templateSaved'));
      } else if ('typeId' in props) {
        const created = await documentConfigApi.createTemplate(createBody(draft, props.typeId));
        await refreshDocumentConfig(queryClient);
        await navigate({ to: '/admin/document-config/templates/$id', params: { id: created.id } });
      }
    },
    checked.ok ? undefined : checked.errors,
  );

  return (
    <FormShell formId={FORM_ID} form={form} labels={labels} onSubmit={onSubmit} className="stack-lg">
      <Paragraph>
        {t('documentConfig.type')}: <strong>{props.typeLabel}</strong>{' '}
        {existing && !existing.active ? <Tag data-color="warning">{t('documentConfig.inactive')}</Tag> : null}
      </Paragraph>
      <Fieldset>
        <Fieldset.Legend>{t('documentConfig.templateNames')}</Fieldset.Legend>
        {languages.map((lang) => (
          <TextInput
            key={lang}
            formId={FORM_ID}
            name={`name.${lang}`}
            label={labels[`name.${lang}`] ?? ''}
            value={draft.name[lang]}
            onChange={(event) => setName(lang, event.target.value)}
            error={form.errors[`name.${lang}`]}
            required
          />
        ))}
      </Fieldset>

      <section className="stack" aria-labelledby="template-sections-heading">
        <Heading level={2} data-size="sm" id="template-sections-heading">
          {t('documentConfig.sections')}
        </Heading>
        <Paragraph data-size="sm" className="muted">
          {t('documentConfig.sectionsHelp')}
        </Paragraph>
        {form.errors.sections ? <Alert data-color="danger">{form.errors.sections}</Alert> : null}
        <ol className="template-sections" aria-label={t('documentConfig.sections')}>
          {draft.sections.map((section, i) => {
            const name = sectionName(section, i);
            const idError = form.errors[`sections.${i}.id`];
            return (
              <li
                key={section.key}
                className="template-section"
                id={fieldId(FORM_ID, `sections.${i}.id`)}
                tabIndex={-1}
              >
                <Fieldset>
                  <Fieldset.Legend>
                    {t('documentConfig.sectionLegend', { position: i + 1, name })}
                  </Fieldset.Legend>
                  {idError ? <Alert data-color="danger">{idError}</Alert> : null}
                  <div className="template-section__fields">
                    {languages.map((lang) => (
                      <TextInput
                        key={lang}
                        formId={FORM_ID}
                        name={`sections.${i}.title.${lang}`}
                        label={t('documentConfig.titleIn', {
                          language: t(`documentConfig.language.${lang}`),
                        })}
                        value={section.title[lang]}
                        error={form.errors[`sections.${i}.title.${lang}`]}
                        onChange={(event) => setSectionText(i, 'title', lang, event.target.value)}
                        required
                      />
                    ))}
                  </div>
                  <div className="template-section__fields">
                    {languages.map((lang) => (
                      <TextArea
                        key={lang}
                        formId={FORM_ID}
                        name={`sections.${i}.guidance.${lang}`}
                        label={t('documentConfig.guidanceIn', {
                          language: t(`documentConfig.language.${lang}`),
                        })}
                        value={section.guidance[lang]}
                        error={form.errors[`sections.${i}.guidance.${lang}`]}
                        onChange={(event) => setSectionText(i, 'guidance', lang, event.target.value)}
                        rows={2}
                      />
                    ))}
                  </div>
                  <div className="button-row">
                    <Button
                      id={`${FORM_ID}-section-${section.key}-up`}
                      variant="tertiary"
                      data-size="sm"
                      disabled={i === 0}
                      aria-label={t('documentConfig.moveUp', { name })}
                      onClick={() => move(i, -1)}
                    >
                      {t('documentConfig.up')}
                    </Button>
                    <Button
                      id={`${FORM_ID}-section-${section.key}-down`}
                      variant="tertiary"
                      data-size="sm"
                      disabled={i === draft.sections.length - 1}
                      aria-label={t('documentConfig.moveDown', { name })}
                      onClick={() => move(i, 1)}
                    >
                      {t('documentConfig.down')}
                    </Button>
                    <Button
                      variant="tertiary"
                      data-color="danger"
                      data-size="sm"
                      disabled={draft.sections.length <= 1}
                      aria-label={t('common.removeNamed', { name })}
                      onClick={() => remove(i)}
                    >
                      {t('common.remove')}
                    </Button>
                  </div>
                </Fieldset>
              </li>
            );
          })}
        </ol>
        <div>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={add}
            disabled={draft.sections.length >= MAX_TEMPLATE_SECTIONS}
          >
            {t('documentConfig.addSection')}
          </Button>
        </div>
      </section>

      <Switch
        id={`${FORM_ID}-active`}
        label={labels.active}
        description={t('documentConfig.activeTemplateHelp')}
        checked={draft.active}
        onChange={(event) => {
          form.set('active', event.target.checked);
          setSaved(false);
        }}
      />
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {existing ? t('documentConfig.saveTemplate') : t('documentConfig.createTemplateSubmit')}
        </Button>
        {saved ? <span className="muted">{t('documentConfig.templateSaved')}</span> : null}
      </div>
      <div className="ds-sr-only" aria-live="polite">
        {announcement}
      </div>
    </FormShell>
  );
}
