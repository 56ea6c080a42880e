import { chartItems, phaseHasChart, phaseVoteScale } from './charts';
import { printedPhases } from './printed';
import { DOCUMENT_LABELS, type DocumentLabels } from './labels';
import { documentHeading, EVERYTHING, provenanceOf, type DocumentOptions } from './options';
import { surveyRows } from './survey-rows';
import { participationSvg } from './participation-svg';
import type { Harvest, HarvestItem, HarvestPhase, HarvestTopicSection } from './types';

/** Every text goes through this: no note can open a tag, an attribute or an entity. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const esc = (text: string) => escapeHtml(text).replace(/\r\n?|\n/g, '<br>');

const CHART_W = 260;
const BAR_H = 14;

/**
 * A small horizontal bar chart of a topic's most voted ideas (chartItems), as inline SVG (prints
 * everywhere): each bar its votes' share of the phase's `scale`, the count after it.
 */
export function voteChartSvg(top: readonly HarvestItem[], labels: DocumentLabels, scale: number): string {
  if (!top.length || scale <= 0) return '';
  const rowH = BAR_H * 2 + 6;
  const bars = top
    .map((item, i) => {
      const y = i * rowH;
      const w = Math.max(2, Math.round((item.votes / scale) * (CHART_W - 40)));
      const label = item.text.length > 48 ? `${item.text.slice(0, 47)}…` : item.text;
      return `<text x="0" y="${y + BAR_H - 3}" font-size="11">${escapeHtml(label)}</text><rect x="0" y="${y + BAR_H}" width="${w}" height="${BAR_H - 2}" fill="#e8a33d"/><text x="${w + 4}" y="${y + BAR_H * 2 - 4}" font-size="11">${item.votes}</text>`;
    })
    .join('');
  return `<svg class="chart" role="img" aria-label="${escapeHtml(labels.votes(top.reduce((s, i) => s + i.votes, 0)))}" xmlns="http://www.w3.org/2000/svg" width="${CHART_W}" height="${top.length * rowH}" viewBox="0 0 ${CHART_W} ${top.length * rowH}">${bars}</svg>`;
}

/** The labels and the options every block of one document draws with. */
type Ctx = { labels: DocumentLabels; options: DocumentOptions };

const meta = (item: HarvestItem, { labels, options }: Ctx): string => {
  const parts: string[] = [];
  if (item.count > 1) parts.push(`<b class="count">×${item.count}</b>`);
  if (options.charts && item.votes > 0) parts.push(`<span class="votes">${escapeHtml(labels.votes(item.votes))}</span>`);
  const who = provenanceOf(item, labels, options.provenance);
  if (who) parts.push(`<span class="who">${escapeHtml(who)}</span>`);
  return parts.length ? ` ${parts.join(' ')}` : '';
};

// <bdi>: a note's right-to-left or override marks reorder the note alone, never its neighbours.
const list = (items: readonly HarvestItem[], ctx: Ctx, ordered: boolean) =>
  items.length
    ? `<${ordered ? 'ol' : 'ul'}>${items.map((i) => `<li><bdi>${esc(i.text)}</bdi>${meta(i, ctx)}</li>`).join('')}</${ordered ? 'ol' : 'ul'}>`
    : '';

function topicsTable(phase: HarvestPhase, ctx: Ctx): string {
  const { labels, options } = ctx;
  const topics = phase.topics;
  const head = `<tr>${topics.map((t) => `<th>${esc(t.label)}</th>`).join('')}</tr>`;
  const row = (label: string, cell: (t: HarvestTopicSection) => string) =>
    `<tr class="label"><td colspan="${topics.length}">${esc(label)}</td></tr><tr>${topics.map((t) => `<td>${cell(t)}</td>`).join('')}</tr>`;
  const rows: string[] = [];
  if (topics.some((t) => t.selected.length)) rows.push(row(phase.selectedLabel || labels.selected, (t) => list(t.selected, ctx, true)));
  if (topics.some((t) => t.material.length)) {
    rows.push(row(phase.materialLabel || labels.material, (t) => list(t.material, ctx, false)));
    if (options.charts && phaseHasChart(phase)) {
      const scale = phaseVoteScale(phase);
      rows.push(`<tr class="charts">${topics.map((t) => `<td>${voteChartSvg(chartItems(t), labels, scale)}</td>`).join('')}</tr>`);
    }
  }
  if (topics.some((t) => t.steps.length)) rows.push(row(labels.steps, (t) => list(t.steps, ctx, true)));
  return rows.length ? `<table class="topics"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>` : '';
}

function formHtml(phase: HarvestPhase, labels: DocumentLabels): string {
  const out: string[] = [];
  const m = phase.matrix;
  if (m && m.columns.length) {
    out.push(
      `<table class="matrix"><thead><tr><th>${esc(m.corner)}</th>${m.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}<th>Σ</th></tr></thead><tbody>`,
      ...m.rows.map(
        (r, i) =>
          `<tr><th>${esc(r.label)}</th>${(m.cells[i] ?? []).map((c) => `<td>${c.ticked ? '✓ ' : ''}${esc(c.text)}</td>`).join('')}<td>${r.ticks}</td></tr>`,
      ),
      `<tr><th>Σ</th>${m.columns.map((c) => `<td>${c.ticks}</td>`).join('')}<td>${m.ticks}</td></tr></tbody></table>`,
    );
  }
  if (phase.checklist) {
    phase.checklist.sections.forEach((s, i) => {
      out.push(`<h3>${i + 1}. ${esc(s.title)} <small>${s.done}/${s.total} ${escapeHtml(labels.done)}</small></h3><ul class="checklist">`);
      for (const it of s.items) out.push(`<li class="${it.done ? 'done' : ''}">${it.done ? '☑' : '☐'} ${esc(it.label)}</li>`);
      out.push('</ul>');
    });
  }
  if (phase.survey) {
    out.push(`<p class="responses">${escapeHtml(labels.responses(phase.survey.responses))}</p>`);
    for (const s of phase.survey.sections) {
      if (s.title) out.push(`<h3>${esc(s.title)}</h3>`);
      for (const q of s.questions) {
        out.push(`<div class="question"><p>${esc(q.label)}</p><ul>`);
        for (const row of surveyRows(q, labels)) {
          const bar = row.share === undefined ? '' : `<span class="bar" style="width:${Math.round(row.share * 120)}px"></span>`;
          out.push(`<li class="${row.quote ? 'quote' : ''}">${bar}${row.quote ? `“${esc(row.text)}”` : esc(row.text)}</li>`);
        }
        out.push('</ul></div>');
      }
    }
  }
  return out.join('');
}

const STYLE = `
body{font:14px/1.45 "DejaVu Sans","Noto Sans",Arial,sans-serif;color:#222;max-width:1100px;margin:24px auto;padding:0 16px}
h1{font-size:22px;text-align:center;text-transform:uppercase}h2{font-size:17px;margin-top:32px;border-bottom:2px solid #e8a33d}
table{border-collapse:collapse;width:100%;margin:12px 0;page-break-inside:auto}th,td{border:1px solid #999;padding:6px 8px;vertical-align:top;text-align:left}
thead th{background:#f3ead9;text-align:center}tr.label td{background:#faf6ee;font-weight:bold;text-align:center}
ol,ul{margin:0;padding-left:20px}.count{color:#a35d00}.votes{color:#555;font-size:12px}.who{color:#777;font-size:11px}
.bar{display:inline-block;height:10px;background:#e8a33d;margin-right:6px;vertical-align:middle}.quote{font-style:italic}
.checklist{list-style:none;padding-left:4px}.checklist .done{color:#2b6b2b}.footer{color:#777;font-size:11px;margin-top:32px}
@media print{body{margin:0}h2{page-break-after:avoid}tr{page-break-inside:avoid}}`;

/** The participation figure, when asked for and there is anything to show. */
const participationHtml = (harvest: Harvest, options: DocumentOptions): string =>
  options.participation && harvest.participation && harvest.participation.total > 0
    ? `<section class="participation" data-figure="participation">${participationSvg(harvest.participation, harvest.language)}</section>`
    : '';

/** A standalone, printable HTML page laid out like seed 003: one topics table per phase. */
export function renderHtml(harvest: Harvest, options: DocumentOptions = EVERYTHING): string {
  const labels = DOCUMENT_LABELS[harvest.language];
  const ctx: Ctx = { labels, options };
  const phases = printedPhases(harvest).map((phase) => {
    const cross = phase.crossCutting.length ? `<h3>${escapeHtml(labels.crossCutting)}</h3>${list(phase.crossCutting, ctx, false)}` : '';
    const question = phase.question ? `<p class="question"><i>${esc(phase.question)}</i></p>` : '';
    return `<section class="phase" id="phase-${escapeHtml(phase.id)}"><h2>${esc(phase.title)}</h2>${question}${topicsTable(phase, ctx)}${cross}${formHtml(phase, labels)}</section>`;
  });
  return `<!doctype html>
<html lang="${harvest.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(harvest.title)}</title><style>${STYLE}</style></head>
<body><h1>${esc(documentHeading(harvest, options))}</h1>${harvest.intro ? `<p class="intro">${esc(harvest.intro)}</p>` : ''}
${phases.join('\n')}
${participationHtml(harvest, options)}
<p class="footer">${escapeHtml(labels.exported)}: ${new Date(harvest.exportedAt).toISOString().slice(0, 10)}</p></body></html>
`;
}
