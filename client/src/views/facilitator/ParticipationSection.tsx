import type * as Y from 'yjs';
import { createEffect, createMemo, createSignal, onCleanup, Show } from 'solid-js';
import { participationOf, participationSvg } from '@wcb/shared/harvest';
import { locale, t } from '../../i18n';
import type { Session } from '../../sync/session';
import './criteria.css';

/** Bumps on every update of `doc` until the effect re-runs or its owner goes: the figure reads Yjs, not the store. */
function listen(doc: Y.Doc | undefined, bump: () => void): void {
  if (!doc) return;
  doc.on('update', bump);
  onCleanup(() => doc.off('update', bump));
}

// The drawer's inner width on a laptop: the figure is drawn at the size it is shown, its text stays 11 px.
const FIGURE_WIDTH = 320;

/**
 * Who took part, live, for the phase on screen (the rooms this device holds open): notes per table
 * × round, notes and dots per topic, the anonymous share. The same SVG as the harvest's figure,
 * from the same pure counting (participation.ts); no names beyond what the notes show.
 */
export function ParticipationSection(props: { session: Session }) {
  const [version, setVersion] = createSignal(0);
  const bump = () => setVersion((v) => v + 1);
  const phase = () => props.session.phase();
  const votes = () => props.session.votes();
  createEffect(() => listen(props.session.controlDoc, bump));
  createEffect(() => listen(phase()?.room.doc, bump));
  createEffect(() => listen(votes()?.room.doc, bump));
  const figure = createMemo(() => {
    version();
    const p = phase();
    if (!p) return null;
    const v = votes();
    const counts = participationOf({
      control: props.session.controlDoc,
      phaseDocs: new Map([[p.phaseId, p.room.doc]]),
      voteDocs: v && v.phaseId === p.phaseId ? new Map([[p.phaseId, v.room.doc]]) : new Map(),
    });
    return counts.total > 0 ? { counts, svg: participationSvg(counts, locale(), FIGURE_WIDTH) } : null;
  });
  return (
    <section class="fac-section fac-participation" data-testid="participation.section" aria-labelledby="fac-participation-title">
      <h3 id="fac-participation-title">{t('participation.title')}</h3>
      <p class="fac-hint">{t('participation.hint')}</p>
      <Show when={figure()} fallback={<p data-testid="participation.empty">{t('participation.empty')}</p>}>
        {(f) => (
          <div
            class="fac-participation-figure"
            data-testid="participation.figure"
            data-total={f().counts.total}
            data-anonymous={f().counts.anonymous}
            // The SVG string escapes every text it holds (participation-svg.ts).
            // eslint-disable-next-line solid/no-innerhtml
            innerHTML={f().svg}
          />
        )}
      </Show>
    </section>
  );
}
