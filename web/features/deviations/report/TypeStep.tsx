import {
  Button,
  Fieldset,
  Paragraph,
  Radio,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type ReactElement, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../localized.ts';
import { type Category, childrenOf, searchTypes } from './tree.ts';

interface TypeStepProps {
  categories: Category[];
  entryId: string;
  entryName: string;
  /** the chosen nodes, top down */
  path: string[];
  error: string | null;
  onPath: (path: string[]) => void;
  onNext: () => void;
  onBack: () => void;
}

interface Level {
  parent: Category | null;
  options: Category[];
}

/**
 * Step 2: area → type → … down a tree of any depth, one group of radio buttons per level, or one
 * search over every type of the entry that shows each type's path.
 */
export function TypeStep(props: TypeStepProps): ReactElement {
  const { categories, entryId, entryName, path, error, onPath, onNext, onBack } = props;
  const { t } = useTranslation();
  const name = useLocalized();
  const [query, setQuery] = useState('');
  const nextButton = useRef<HTMLButtonElement>(null);
  const label = (category: Category): string => name(category.name);

  const byId = new Map(categories.map((c) => [c.id, c]));
  const levels: Level[] = [{ parent: null, options: childrenOf(categories, entryId, null) }];
  for (const id of path) {
    const node = byId.get(id);
    if (!node || node.selectable) break;
    levels.push({ parent: node, options: childrenOf(categories, entryId, id) });
  }
  const last = byId.get(path.at(-1) ?? '');
  const chosen = last?.selectable ? last : null;
  const hits = query.trim().length >= 2 ? searchTypes(categories, entryId, query, label) : [];

  function pick(hitPath: Category[]): void {
    onPath(hitPath.map((c) => c.id));
    setQuery('');
    // The choice is made: the next thing to do is to go on.
    requestAnimationFrame(() => nextButton.current?.focus());
  }

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onNext();
      }}
    >
      <Paragraph>
        {t('report.type.entryLabel')}: <strong>{entryName}</strong>
      </Paragraph>
      <div className="report-search">
        <Textfield
          id="report-type-search"
          type="search"
          label={t('report.type.searchLabel')}
          description={t('report.type.searchHelp')}
          value={query}
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            // Enter in the search picks the one match there is; it never leaves the step unasked.
            if (event.key !== 'Enter') return;
            event.preventDefault();
            if (hits.length === 1 && hits[0]) pick(hits[0].path);
          }}
        />
        {query.trim().length >= 2 ? (
          <>
            <Paragraph data-size="sm" role="status">
              {hits.length === 0
                ? t('report.type.noHits', { query: query.trim() })
                : t('report.type.hits', { count: hits.length })}
            </Paragraph>
            {hits.length > 0 ? (
              <ul className="report-hits" aria-label={t('report.type.hitsLabel')}>
                {hits.map((hit) => (
                  <li key={hit.category.id}>
                    <Button
                      type="button"
                      variant="secondary"
                      className="report-hit"
                      onClick={() => pick(hit.path)}
                    >
                      <span className="report-hit__name">{label(hit.category)}</span>
                      <span className="report-hit__path">{hit.path.map(label).join(' › ')}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>

      {levels.map((level, index) => {
        const selected = path[index] ?? '';
        const isLast = index === levels.length - 1;
        return (
          <Fieldset
            key={level.parent?.id ?? 'root'}
            className="report-choices"
            aria-invalid={error && isLast && !chosen ? true : undefined}
          >
            <Fieldset.Legend>
              {level.parent ? t('report.type.within', { name: label(level.parent) }) : t('report.type.area')}
            </Fieldset.Legend>
            {level.options.map((option) => (
              <div className="report-choice" key={option.id}>
                <Radio
                  id={`report-type-${option.id}`}
                  name={`type-level-${index}`}
                  value={option.id}
                  checked={selected === option.id}
                  onChange={() => onPath([...path.slice(0, index), option.id])}
                  label={label(option)}
                  description={option.help ? name(option.help) : undefined}
                />
              </div>
            ))}
            {error && isLast && !chosen ? <ValidationMessage>{error}</ValidationMessage> : null}
          </Fieldset>
        );
      })}

      {chosen ? (
        <Paragraph className="report-chosen" data-testid="chosen-type">
          {t('report.type.chosen')}:{' '}
          <strong>
            {path
              .map((id) => byId.get(id))
              .filter((c): c is Category => c !== undefined)
              .map(label)
              .join(' › ')}
          </strong>
        </Paragraph>
      ) : null}

      <div className="button-row">
        <Button type="button" variant="secondary" onClick={onBack}>
          {t('report.back')}
        </Button>
        <Button type="submit" ref={nextButton}>
          {t('report.next')}
        </Button>
      </div>
    </form>
  );
}
