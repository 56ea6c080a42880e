import type * as Y from 'yjs';
import { readSession } from '../control';
import { readRounds, rotationPlan } from '../rounds';
import type { Language } from '../templates/types';
import { KIT_LABELS, type KitLabels } from './kit-labels';
import { boardLink, seatedLink } from './kit-links';

/** The tokens behind the kit's links; the facilitator's only goes on the facilitator sheet. */
export type KitLinks = { sessionId: string; origin: string; participantToken: string; viewerToken: string; facilitatorToken: string | null };

export const KIT_PAPERS = ['a4', 'letter'] as const;
export type KitPaper = (typeof KIT_PAPERS)[number];
export const isKitPaper = (v: unknown): v is KitPaper => KIT_PAPERS.includes(v as KitPaper);

export type KitTable = {
  id: string;
  name: string;
  /** The participant link that seats a device at this table. */
  link: string;
  /** Where this table's group (everyone but the host) sits in each round, by table name. */
  moves: { round: number; to: string; home: boolean }[];
};

/** Everything the kit prints, read from the control document: no DOM, no fonts. */
export type Kit = {
  language: Language;
  labels: KitLabels;
  title: string;
  tables: KitTable[];
  questions: { title: string; question: string }[];
  rounds: number;
  roundMinutes: number;
  participantLink: string;
  viewerLink: string;
  facilitatorLink: string | null;
  /** Per round, each group's move as "home table → table". */
  plan: { round: number; moves: { from: string; to: string }[] }[];
  runSheet: string[];
};

/**
 * The run sheet's steps as printable lines. The run sheet (issue 19, part 2) is built by another
 * change as control state; until it lands there is nothing to read and the sheet prints its
 * "not prepared" line. Fill this in from `readRunSheet` once shared exports it.
 */
export function runSheetLines(control: Y.Doc): string[] {
  void control;
  return [];
}

export function buildKit(control: Y.Doc, links: KitLinks): Kit {
  const session = readSession(control);
  const language = session.meta.language;
  const tables = [...session.tables].sort((a, b) => a.order - b.order);
  const nameOf = new Map(tables.map((t) => [t.id, t.name || t.id]));
  const settings = readRounds(control);
  const plan = rotationPlan(tables.map((t) => t.id), settings.count);
  const { sessionId } = links;
  return {
    language,
    labels: KIT_LABELS[language],
    title: session.meta.title,
    tables: tables.map((t) => ({
      id: t.id,
      name: nameOf.get(t.id)!,
      link: seatedLink(links.origin, sessionId, links.participantToken, t.id),
      moves: plan.map(({ round, moves }) => {
        const to = moves.find((m) => m.group === t.id)?.to ?? t.id;
        return { round, to: nameOf.get(to) ?? to, home: to === t.id };
      }),
    })),
    questions: [...session.phases]
      .sort((a, b) => a.order - b.order)
      .filter((p) => p.question.trim() || p.title.trim())
      .map((p) => ({ title: p.title, question: p.question })),
    rounds: settings.count,
    roundMinutes: Math.round(settings.lengthMs / 60_000),
    participantLink: boardLink(links.origin, sessionId, links.participantToken),
    viewerLink: boardLink(links.origin, sessionId, links.viewerToken),
    facilitatorLink: links.facilitatorToken ? boardLink(links.origin, sessionId, links.facilitatorToken) : null,
    plan: plan.map(({ round, moves }) => ({
      round,
      moves: moves.map((m) => ({ from: nameOf.get(m.group) ?? m.group, to: nameOf.get(m.to) ?? m.to })),
    })),
    runSheet: runSheetLines(control),
  };
}

/** A table's line of the rotation plan: the host stays; the others, round by round. */
export function rotationLine(kit: Kit, table: KitTable): string {
  const { labels } = kit;
  const rounds = table.moves.map((m) => `${labels.round(m.round)}: ${m.home ? labels.here : m.to}`).join(' · ');
  return rounds ? `${labels.hostStays} ${labels.othersMove} ${rounds}` : labels.hostStays;
}
