import { createSignal, For, Show } from 'solid-js';
import { DEFAULT_TEMPLATE_ID, findTemplate, LANGUAGES, TEMPLATES, type Language } from '@wcb/shared';
import { locale, t } from '../../i18n';
import { openOwnSession } from './open-own-session';
import { createLocalSession } from '../../sync/create-session';
import { InsecureContextError } from '../../sync/own-session';

// Template names and descriptions follow the interface language; the session's own language (the
// select below) decides its topics, questions and exports.
function defaultLanguage(): Language {
  const preferred = (navigator.languages ?? [navigator.language]).map((l) => l.slice(0, 2).toLowerCase());
  return LANGUAGES.find((l) => preferred.includes(l)) ?? 'uk';
}

export function NewSessionForm(props: { beforeCreate: () => void }) {
  const [templateId, setTemplateId] = createSignal(DEFAULT_TEMPLATE_ID);
  const [language, setLanguage] = createSignal<Language>(defaultLanguage());
  const [title, setTitle] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [failed, setFailed] = createSignal<'storage' | 'insecure' | false>(false);
  const template = () => findTemplate(templateId());

  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    props.beforeCreate();
    setBusy(true);
    setFailed(false);
    try {
      const input = { templateId: templateId(), language: language(), title: title().trim() || undefined };
      const own = await createLocalSession(input);
      openOwnSession(own, { title: input.title ?? template()?.content[input.language].title ?? '', language: input.language, template: input.templateId });
    } catch (error) {
      setFailed(error instanceof InsecureContextError ? 'insecure' : 'storage');
      setBusy(false);
    }
  };

  return (
    <form class="home-card" aria-labelledby="home-new" onSubmit={create}>
      <h2 id="home-new">{t('home.new')}</h2>
      <label class="field">
        <span>{t('home.template')}</span>
        <select data-testid="home.template" value={templateId()} onChange={(e) => setTemplateId(e.currentTarget.value)}>
          <For each={TEMPLATES}>{(tpl) => <option value={tpl.id}>{tpl.name[locale()]}</option>}</For>
        </select>
        <small>{template()?.description[locale()]}</small>
      </label>
      <label class="field">
        <span>{t('home.language')}</span>
        <select data-testid="home.language" value={language()} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
          <For each={LANGUAGES}>{(lang) => <option value={lang}>{t(`lang.${lang}`)}</option>}</For>
        </select>
      </label>
      <label class="field">
        <span>{t('home.title')}</span>
        <input
          data-testid="home.title"
          type="text"
          maxLength={200}
          placeholder={template()?.content[language()].title ?? t('home.titlePlaceholder')}
          value={title()}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </label>
      <Show when={failed()}>
        <p class="home-error" role="alert">
          {failed() === 'insecure' ? t('home.insecureContext') : t('home.createFailed')}
        </p>
      </Show>
      <button data-testid="home.create" class="btn btn-primary home-create" type="submit" disabled={busy()}>
        {busy() ? t('home.creating') : t('home.create')}
      </button>
    </form>
  );
}
