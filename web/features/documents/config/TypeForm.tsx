import { Button, Fieldset, Switch } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createDocumentTypeBody,
  type DocumentType,
  updateDocumentTypeBody,
} from '../../../../contracts/documents.ts';
import { FormShell, TextInput, useForm, validate } from '../../../components/form.tsx';
import { documentConfigApi, refreshDocumentConfig } from './api.ts';
import { languages } from './templateDraft.ts';

interface TypeFormProps {
  /** the type to change; absent to add one */
  type?: DocumentType;
  onDone: (type: DocumentType) => void;
  onCancel: () => void;
}

/**
 * A document type's names in every language, whether its documents are knowledge supports, and
 * whether authors may choose it. The values are named by the API's paths ('name.sv'), so the server's
 * per-field errors (a name already taken) land on the right input.
 */
export function TypeForm({ type, onDone, onCancel }: TypeFormProps): ReactElement {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formId = type ? 'edit-document-type' : 'create-document-type';
  const form = useForm({
    'name.sv': type?.name.sv ?? '',
    'name.nb': type?.name.nb ?? '',
    'name.en': type?.name.en ?? '',
    isKnowledgeSupport: type?.isKnowledgeSupport ?? false,
    active: type?.active ?? true,
  });
  const v = form.values;
  const labels = {
    'name.sv': t('documentConfig.nameIn', { language: t('documentConfig.language.sv') }),
    'name.nb': t('documentConfig.nameIn', { language: t('documentConfig.language.nb') }),
    'name.en': t('documentConfig.nameIn', { language: t('documentConfig.language.en') }),
    isKnowledgeSupport: t('documentConfig.isKnowledgeSupport'),
    active: t('documentConfig.activeType'),
  };
  const body = {
    name: { sv: v['name.sv'], nb: v['name.nb'], en: v['name.en'] },
    isKnowledgeSupport: v.isKnowledgeSupport,
    active: v.active,
  };
  const checked = validate(type ? updateDocumentTypeBody : createDocumentTypeBody, body, t);
  const onSubmit = form.submit(
    async () => {
      const saved = type
        ? await documentConfigApi.updateType(type.id, body)
        : await documentConfigApi.createType(body);
      await refreshDocumentConfig(queryClient);
      onDone(saved);
    },
    checked.ok ? undefined : checked.errors,
  );

  return (
    <FormShell formId={formId} form={form} labels={labels} onSubmit={onSubmit}>
      <Fieldset>
        <Fieldset.Legend>{t('documentConfig.names')}</Fieldset.Legend>
        {languages.map((language) => (
          <TextInput
            key={language}
            formId={formId}
            {...form.field(`name.${language}`)}
            label={labels[`name.${language}`]}
            required
          />
        ))}
      </Fieldset>
      <Switch
        id={`${formId}-isKnowledgeSupport`}
        label={labels.isKnowledgeSupport}
        description={t('documentConfig.isKnowledgeSupportHelp')}
        checked={v.isKnowledgeSupport}
        onChange={(event) => form.set('isKnowledgeSupport', event.target.checked)}
      />
      <Switch
        id={`${formId}-active`}
        label={labels.active}
        description={t('documentConfig.activeTypeHelp')}
        checked={v.active}
        onChange={(event) => form.set('active', event.target.checked)}
      />
      <div className="button-row">
        <Button type="submit" loading={form.submitting}>
          {type ? t('common.save') : t('documentConfig.createType')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </FormShell>
  );
}
