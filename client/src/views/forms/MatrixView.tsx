import { createMemo, For, Show } from 'solid-js';
import { cellKey, summariseMatrix, type Cell, type Prompt } from '@wcb/shared';
import { t } from '../../i18n';
import { loadPrefs } from '../../lib/prefs';
import { authorFor } from '../../lib/seat';
import { browserStore } from '../../lib/storage';
import type { FormViewProps } from './FormPhase';
import { MatrixCellText } from './matrix-cell-text';
import './matrix.css';

const EMPTY_CELL: Cell = { ticked: false, by: '', text: '' };

/**
 * A matrix phase ("Benefits of partnership"): benefits down the side, partners across the top.
 * Each cell is ticked and/or given a short note by whoever sits at the table; the totals show at
 * a glance which benefits and which partners matter most.
 */
export function MatrixView(props: FormViewProps) {
  // Read once: the name a tick carries is this device's person when the view opened.
  const me = loadPrefs(browserStore());
  const by = () => authorFor(me.name, props.session.seat().anonymous);
  const readOnly = () => props.session.readOnly();
  const rows = () => props.form().rows;
  const columns = () => props.form().columns;
  // The facilitator's label for the row side (a template's 'Benefits'), else the default wording.
  const corner = () => props.session.session.phases.find((p) => p.id === props.phase.phaseId)?.corner || t('matrix.corner');
  const cell = (row: Prompt, column: Prompt): Cell => props.phase.answers.cells[cellKey(row.id, column.id)] ?? EMPTY_CELL;
  const totals = createMemo(() => {
    const summary = summariseMatrix(rows(), columns(), props.phase.answers.cells);
    return {
      rows: new Map(summary.rows.map((r) => [r.rowId, r.ticks])),
      columns: new Map(summary.columns.map((c) => [c.columnId, c.ticks])),
      all: summary.rows.reduce((n, r) => n + r.ticks, 0),
    };
  });

  return (
    <section class="matrix" data-testid="matrix.root" data-readonly={readOnly()}>
      <Show
        when={rows().length > 0 && columns().length > 0}
        fallback={
          <p class="matrix-empty" data-testid="matrix.empty">
            {t(props.session.canControl() ? 'matrix.emptyFacilitator' : 'matrix.empty')}
          </p>
        }
      >
        <div class="matrix-scroll">
          <table class="matrix-table">
            <caption class="matrix-caption">{t('matrix.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" class="matrix-corner" data-testid="matrix.corner">
                  {corner()}
                </th>
                <For each={columns()}>
                  {(column) => (
                    <th scope="col" class="matrix-column" data-testid="matrix.column-header" data-column-id={column.id}>
                      {column.label}
                    </th>
                  )}
                </For>
                <th scope="col" class="matrix-total-head">
                  {t('matrix.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr data-testid="matrix.row" data-row-id={row.id}>
                    <th scope="row" class="matrix-row-head">
                      {row.label}
                    </th>
                    <For each={columns()}>
                      {(column) => (
                        <MatrixCell
                          row={row}
                          column={column}
                          cell={cell(row, column)}
                          disabled={readOnly()}
                          onTick={(ticked) => props.phase.formActions.tick(row.id, column.id, ticked, by())}
                          onText={(text) => props.phase.formActions.setCellText(row.id, column.id, text)}
                        />
                      )}
                    </For>
                    <td
                      class="matrix-total"
                      data-testid="matrix.row-total"
                      data-row-id={row.id}
                      data-label={t('matrix.total')}
                      aria-label={t('matrix.rowTotal', { count: totals().rows.get(row.id) ?? 0, row: row.label })}
                    >
                      {totals().rows.get(row.id) ?? 0}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" class="matrix-row-head">
                  {t('matrix.total')}
                </th>
                <For each={columns()}>
                  {(column) => (
                    <td
                      class="matrix-total"
                      data-testid="matrix.column-total"
                      data-column-id={column.id}
                      data-label={column.label}
                      aria-label={t('matrix.columnTotal', { count: totals().columns.get(column.id) ?? 0, column: column.label })}
                    >
                      {totals().columns.get(column.id) ?? 0}
                    </td>
                  )}
                </For>
                <td class="matrix-total matrix-grand-total" data-testid="matrix.total" data-label={t('matrix.total')}>
                  {totals().all}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </Show>
    </section>
  );
}

function MatrixCell(props: {
  row: Prompt;
  column: Prompt;
  cell: Cell;
  disabled: boolean;
  onTick: (ticked: boolean) => void;
  onText: (text: string) => void;
}) {
  const names = () => ({ row: props.row.label, column: props.column.label });
  const tooltip = () => {
    if (!props.cell.ticked) return undefined;
    return props.cell.by ? t('matrix.tickedBy', { name: props.cell.by }) : t('matrix.ticked');
  };
  return (
    <td
      class="matrix-cell"
      classList={{ 'matrix-cell-ticked': props.cell.ticked }}
      data-testid="matrix.cell"
      data-row-id={props.row.id}
      data-column-id={props.column.id}
      // A phone lays the matrix out row by row and names each cell's partner from this (phone.css).
      data-label={props.column.label}
      data-ticked={props.cell.ticked}
      title={tooltip()}
    >
      <input
        type="checkbox"
        class="matrix-tick"
        data-testid="matrix.tick"
        aria-label={t('matrix.tick', names())}
        checked={props.cell.ticked}
        disabled={props.disabled}
        onChange={(e) => {
          const wanted = e.currentTarget.checked;
          // The box shows the stored value: a write that does not happen must not leave it ticked.
          e.currentTarget.checked = props.cell.ticked;
          props.onTick(wanted);
        }}
      />
      <MatrixCellText text={props.cell.text} label={t('matrix.text', names())} disabled={props.disabled} onInput={(text) => props.onText(text)} />
    </td>
  );
}
