import { createMemo, For, Show } from 'solid-js';
import { checklistProgress, type Check, type FormSection, type Prompt } from '@wcb/shared';
import { t } from '../../i18n';
import { loadPrefs } from '../../lib/prefs';
import { authorFor } from '../../lib/seat';
import { browserStore } from '../../lib/storage';
import type { FormViewProps } from './FormPhase';
import './checklist.css';

/**
 * A checklist phase ("Partnership cycle"): numbered stages, each with the checks a partnership
 * goes through. Anyone at the table ticks an item; everyone sees the progress move.
 */
export function ChecklistView(props: FormViewProps) {
  const me = loadPrefs(browserStore());
  const by = () => authorFor(me.name, props.session.seat().anonymous);
  const readOnly = () => props.session.readOnly();
  const sections = () => props.form().sections;
  const progress = createMemo(() => {
    const p = checklistProgress(sections(), props.phase.answers.checks);
    return { ...p, bySection: new Map(p.sections.map((s) => [s.sectionId, s])) };
  });
  // Loose items (outside any stage) come first and are not a stage: they get no number.
  const numberOf = (section: FormSection) => {
    if (!section.section) return null;
    return sections().filter((s) => s.section).indexOf(section) + 1;
  };
  const percent = () => (progress().total ? Math.round((progress().done / progress().total) * 100) : 0);

  return (
    <section class="checklist" data-testid="checklist.root" data-readonly={readOnly()}>
      <Show
        when={sections().length > 0}
        fallback={
          <p class="checklist-empty" data-testid="checklist.empty">
            {t(props.session.canControl() ? 'checklist.emptyFacilitator' : 'checklist.empty')}
          </p>
        }
      >
        <div class="checklist-overall" data-testid="checklist.progress" data-done={progress().done} data-total={progress().total}>
          <div
            class="checklist-bar"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={progress().total}
            aria-valuenow={progress().done}
            aria-label={t('checklist.progressLabel', { done: progress().done, total: progress().total })}
          >
            <div class="checklist-bar-fill" style={{ width: `${percent()}%` }} />
          </div>
          <span class="checklist-count">{t('checklist.progress', { done: progress().done, total: progress().total })}</span>
        </div>
        <ol class="checklist-sections">
          <For each={sections()}>
            {(section) => {
              const id = () => section.section?.id ?? '';
              const title = () => section.section?.label ?? t('checklist.other');
              const mine = () => progress().bySection.get(id()) ?? { done: 0, total: section.children.length };
              return (
                <li
                  class="checklist-section"
                  classList={{ 'checklist-section-done': mine().total > 0 && mine().done === mine().total }}
                  data-testid="checklist.section"
                  data-section-id={id()}
                >
                  <div class="checklist-section-head">
                    <h3 class="checklist-section-title" data-testid="checklist.section-title">
                      <Show when={numberOf(section)}>{(n) => <span class="checklist-number">{n()}.</span>}</Show> {title()}
                    </h3>
                    <span
                      class="checklist-section-progress"
                      data-testid="checklist.section-progress"
                      data-done={mine().done}
                      data-total={mine().total}
                      aria-label={t('checklist.sectionProgress', { done: mine().done, total: mine().total, section: title() })}
                    >
                      {t('checklist.progress', { done: mine().done, total: mine().total })}
                    </span>
                  </div>
                  <Show when={section.children.length > 0} fallback={<p class="checklist-none">{t('checklist.emptySection')}</p>}>
                    <ul class="checklist-items">
                      <For each={section.children}>
                        {(item) => (
                          <ChecklistItem
                            item={item}
                            check={props.phase.answers.checks[item.id]}
                            disabled={readOnly()}
                            onCheck={(done) => props.phase.formActions.check(item.id, done, by())}
                          />
                        )}
                      </For>
                    </ul>
                  </Show>
                </li>
              );
            }}
          </For>
        </ol>
      </Show>
    </section>
  );
}

function ChecklistItem(props: { item: Prompt; check: Check | undefined; disabled: boolean; onCheck: (done: boolean) => void }) {
  const done = () => props.check?.done === true;
  return (
    <li class="checklist-item" classList={{ 'checklist-item-done': done() }} data-testid="checklist.item" data-item-id={props.item.id} data-done={done()}>
      <label class="checklist-label">
        <input
          type="checkbox"
          class="checklist-check"
          data-testid="checklist.check"
          checked={done()}
          disabled={props.disabled}
          onChange={(e) => {
            const wanted = e.currentTarget.checked;
            // The box shows the stored value: a write that does not happen must not leave it ticked.
            e.currentTarget.checked = done();
            props.onCheck(wanted);
          }}
        />
        <span class="checklist-text">{props.item.label}</span>
      </label>
      <Show when={done() && props.check?.by}>
        {(name) => (
          <span class="checklist-by" data-testid="checklist.by">
            {t('checklist.doneBy', { name: name() })}
          </span>
        )}
      </Show>
    </li>
  );
}
