import { For } from 'solid-js';
import { documentHeading, MAX_HEADING, PROVENANCE, type DocumentOptions, type Provenance } from '@wcb/shared/harvest';
import { t } from '../../i18n';
import type { Session } from '../../sync/session';
import './export-options.css';

/**
 * How the results documents (Word, PDF, web page, Markdown) come out: the heading, how much of
 * where each note came from, and the vote charts. CSV and JSON are data and always carry all of it.
 */
export function ExportOptions(props: { session: Session; options: DocumentOptions; onChange: (patch: Partial<DocumentOptions>) => void }) {
  const placeholder = () => documentHeading({ title: props.session.session.meta.title, language: props.session.session.meta.language }, { heading: '' });
  return (
    <fieldset class="fac-export-options" data-testid="export.options">
      <legend>{t('export.options')}</legend>
      <label class="fac-field">
        <span>{t('export.heading')}</span>
        <input
          type="text"
          data-testid="export.heading"
          maxLength={MAX_HEADING}
          value={props.options.heading}
          placeholder={placeholder()}
          onChange={(e) => props.onChange({ heading: e.currentTarget.value })}
        />
      </label>
      <div role="radiogroup" aria-label={t('export.provenance')} class="fac-export-provenance">
        <span>{t('export.provenance')}</span>
        <For each={PROVENANCE}>
          {(value: Provenance) => (
            <label>
              <input
                type="radio"
                name={`export-provenance-${props.session.id}`}
                data-testid="export.provenance"
                data-value={value}
                checked={props.options.provenance === value}
                onChange={() => props.onChange({ provenance: value })}
              />
              {t(`export.provenance.${value}`)}
            </label>
          )}
        </For>
      </div>
      <label>
        <input type="checkbox" data-testid="export.charts" checked={props.options.charts} onChange={(e) => props.onChange({ charts: e.currentTarget.checked })} />
        {t('export.charts')}
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="export.participation"
          checked={props.options.participation === true}
          onChange={(e) => props.onChange({ participation: e.currentTarget.checked })}
        />
        {t('participation.option')}
      </label>
      <p class="fac-hint">{t('export.optionsHint')}</p>
    </fieldset>
  );
}
