import type { PhaseKind } from '../records/phase';

export const LANGUAGES = ['uk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (v: unknown): v is Language => LANGUAGES.includes(v as Language);

/** What a template says in one language. Ids are fixed across languages (see template.ts). */
export type TemplateContent = {
  title: string;
  intro: string;
  /** Headings the results document uses above the chosen notes and above all the material. */
  selectedLabel: string;
  materialLabel: string;
  topics: readonly { id: string; label: string }[];
  phases: readonly { id: string; title: string; question: string; kind: PhaseKind }[];
  /** Table names; their ids are t1, t2, ... in this order. */
  tables: readonly string[];
};

export type Template = {
  id: string;
  name: Record<Language, string>;
  description: Record<Language, string>;
  content: Record<Language, TemplateContent>;
};
