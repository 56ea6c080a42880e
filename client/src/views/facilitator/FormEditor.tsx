import { createMemo, For, Match, Show, Switch, untrack, type JSX } from 'solid-js';
import { ANSWER_KINDS, MAX_LABEL, formOf, type AnswerKind, type PhaseKind, type Prompt, type PromptRole } from '@wcb/shared';
import { t } from '../../i18n';
import type { Facilitation } from '../../sync/facilitation';
import type { Session } from '../../sync/session';
import { commitOnEnter, focusSoon, inputValue } from './fields';

type Props = { session: Session; facilitation: Facilitation; phaseId: string; kind: PhaseKind };
type Ctx = { f: () => Facilitation; phaseId: string };

const labelField = (id: string) => `[data-testid="form-editor.label"][data-prompt-id="${CSS.escape(id)}"]`;

/**
 * The form of a matrix, checklist or survey phase: rows and columns, or sections with their items
 * or questions. Every field commits on change, one prompt mutation at a time, so two facilitators
 * editing different prompts never overwrite each other.
 */
export function FormEditor(props: Props) {
  const form = createMemo(() => formOf(props.session.session.prompts, props.phaseId));
  const count = () => props.session.session.prompts.filter((p) => p.phaseId === props.phaseId).length;
  // A form with nothing in it yet (a phase just turned into a matrix) opens ready to fill.
  const startOpen = untrack(count) === 0;
  // eslint-disable-next-line solid/reactivity -- the phase id of a row never changes.
  const ctx: Ctx = { f: () => props.facilitation, phaseId: props.phaseId };
  const childRole = (): PromptRole => (props.kind === 'checklist' ? 'item' : 'question');
  return (
    <details class="form-editor" data-testid="form-editor.root" data-phase-id={props.phaseId} data-kind={props.kind} open={startOpen}>
      <summary>{t('setup.form.edit', { n: count() })}</summary>
      <Switch>
        <Match when={props.kind === 'matrix'}>
          <CornerField session={props.session} facilitation={props.facilitation} phaseId={props.phaseId} />
          <PromptList ctx={ctx} role="row" parent="" heading={t('setup.form.rows')} prompts={form().rows} />
          <PromptList ctx={ctx} role="column" parent="" heading={t('setup.form.columns')} prompts={form().columns} />
        </Match>
        <Match when={props.kind === 'checklist' || props.kind === 'survey'}>
          <h5 class="form-editor-heading">{t('setup.form.sections')}</h5>
          <For each={form().sections.filter((s) => s.section === null)}>
            {(loose) => (
              <div class="form-editor-group">
                <h6 class="form-editor-heading">{t('setup.form.noSection')}</h6>
                <PromptItems ctx={ctx} prompts={loose.children} />
              </div>
            )}
          </For>
          <PromptList
            ctx={ctx}
            role="section"
            parent=""
            prompts={form().sections.flatMap((s) => (s.section ? [s.section] : []))}
            nested={(section) => (
              <PromptList
                ctx={ctx}
                role={childRole()}
                parent={section.id}
                prompts={form().sections.find((s) => s.section?.id === section.id)?.children ?? []}
              />
            )}
          />
        </Match>
      </Switch>
    </details>
  );
}

/** The matrix's label above its row labels, as the board and the results document head it. */
function CornerField(props: { session: Session; facilitation: Facilitation; phaseId: string }) {
  const corner = () => props.session.session.phases.find((p) => p.id === props.phaseId)?.corner ?? '';
  return (
    <label class="form-editor-corner">
      <span>{t('setup.form.corner')}</span>
      <input
        data-testid="form-editor.corner"
        data-phase-id={props.phaseId}
        value={corner()}
        placeholder={t('matrix.corner')}
        maxLength={MAX_LABEL}
        onChange={(e) => props.facilitation.updatePhase(props.phaseId, { corner: inputValue(e) })}
        onKeyDown={commitOnEnter}
      />
    </label>
  );
}

type ListProps = {
  ctx: Ctx;
  role: PromptRole;
  parent: string;
  heading?: string;
  prompts: Prompt[];
  /** What goes under each prompt (a section's items or questions). */
  nested?: (prompt: Prompt) => JSX.Element;
};

/** Siblings of one role under one parent, and the button that adds one more. */
function PromptList(props: ListProps) {
  const add = () => {
    const id = props.ctx.f().addPrompt(props.ctx.phaseId, { role: props.role, parent: props.parent, label: t(`setup.form.new.${props.role}`) });
    if (id) focusSoon(labelField(id));
  };
  return (
    <div class="form-editor-group">
      <Show when={props.heading}>{(heading) => <h5 class="form-editor-heading">{heading()}</h5>}</Show>
      <Show when={props.prompts.length > 0} fallback={<p class="form-editor-empty">{t('setup.form.empty')}</p>}>
        <PromptItems ctx={props.ctx} prompts={props.prompts} nested={props.nested} />
      </Show>
      <button class="btn form-editor-add" data-testid="form-editor.add" data-role={props.role} data-parent={props.parent} onClick={add}>
        {t(`setup.form.add.${props.role}`)}
      </button>
    </div>
  );
}

function PromptItems(props: { ctx: Ctx; prompts: Prompt[]; nested?: (prompt: Prompt) => JSX.Element }) {
  const ids = () => props.prompts.map((p) => p.id);
  return (
    <ol class="form-editor-list">
      <For each={props.prompts}>
        {(prompt, i) => (
          <PromptRow ctx={props.ctx} prompt={prompt} index={i()} ids={ids()}>
            {props.nested?.(prompt)}
          </PromptRow>
        )}
      </For>
    </ol>
  );
}

function PromptRow(props: { ctx: Ctx; prompt: Prompt; index: number; ids: string[]; children?: JSX.Element }) {
  const f = () => props.ctx.f();
  const p = () => props.prompt;
  const name = () => p().label || t(`setup.form.label.${p().role}`, { n: props.index + 1 });
  return (
    <li class="form-editor-prompt" data-testid="form-editor.prompt" data-prompt-id={p().id} data-role={p().role}>
      <div class="form-editor-line">
        <input
          data-testid="form-editor.label"
          data-prompt-id={p().id}
          aria-label={t(`setup.form.label.${p().role}`, { n: props.index + 1 })}
          value={p().label}
          onChange={(e) => f().updatePrompt(p().id, { label: inputValue(e) })}
          onKeyDown={commitOnEnter}
        />
        <button
          class="btn btn-icon"
          data-testid="form-editor.up"
          data-prompt-id={p().id}
          aria-label={t('setup.form.up', { label: name() })}
          title={t('setup.form.up', { label: name() })}
          disabled={props.index === 0}
          onClick={() => f().movePrompt(props.ids, p().id, -1)}
        >
          ↑
        </button>
        <button
          class="btn btn-icon"
          data-testid="form-editor.down"
          data-prompt-id={p().id}
          aria-label={t('setup.form.down', { label: name() })}
          title={t('setup.form.down', { label: name() })}
          disabled={props.index === props.ids.length - 1}
          onClick={() => f().movePrompt(props.ids, p().id, 1)}
        >
          ↓
        </button>
        <button
          class="btn btn-icon fac-remove"
          data-testid="form-editor.remove"
          data-prompt-id={p().id}
          aria-label={t('setup.form.remove', { label: name() })}
          title={t('setup.form.remove', { label: name() })}
          onClick={() => f().removePrompt(p().id)}
        >
          ✕
        </button>
      </div>
      <Show when={p().role === 'question'}>
        <QuestionFields ctx={props.ctx} prompt={p()} />
      </Show>
      {props.children}
    </li>
  );
}

/** A survey question's answer kind, and what that kind needs: options, or a follow-up label. */
function QuestionFields(props: { ctx: Ctx; prompt: Prompt }) {
  const f = () => props.ctx.f();
  const p = () => props.prompt;
  return (
    <div class="form-editor-question">
      <label class="fac-field">
        {t('setup.form.answer')}
        <select
          data-testid="form-editor.answer"
          data-prompt-id={p().id}
          value={p().answer}
          onChange={(e) => f().updatePrompt(p().id, { answer: e.currentTarget.value as AnswerKind })}
        >
          <For each={ANSWER_KINDS}>
            {(kind) => (
              <option value={kind} selected={kind === p().answer}>
                {t(`setup.form.answer.${kind}`)}
              </option>
            )}
          </For>
        </select>
      </label>
      <Show when={p().answer === 'choice'}>
        <label class="fac-field">
          {t('setup.form.options')}
          <textarea
            data-testid="form-editor.options"
            data-prompt-id={p().id}
            rows={Math.max(2, p().options.length + 1)}
            value={p().options.join('\n')}
            onChange={(e) =>
              f().updatePrompt(p().id, {
                options: e.currentTarget.value
                  .split('\n')
                  .map((o) => o.trim())
                  .filter(Boolean),
              })
            }
          />
        </label>
      </Show>
      <Show when={p().answer === 'yesno'}>
        <label class="fac-field">
          {t('setup.form.followUp')}
          <input
            data-testid="form-editor.follow-up"
            data-prompt-id={p().id}
            value={p().followUp}
            onChange={(e) => f().updatePrompt(p().id, { followUp: inputValue(e) })}
            onKeyDown={commitOnEnter}
          />
        </label>
      </Show>
    </div>
  );
}
