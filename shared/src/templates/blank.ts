import type { Template } from './types';

/** One topic and one phase: the facilitator builds the rest. */
export const blank: Template = {
  id: 'blank',
  name: { uk: 'Порожня дошка', ru: 'Пустая доска', en: 'Blank board' },
  description: {
    uk: 'Одна тема, один етап — додайте свої.',
    ru: 'Одна тема, один этап — добавьте свои.',
    en: 'One topic and one phase — add your own.',
  },
  content: {
    uk: {
      title: 'Нова сесія',
      intro: '',
      selectedLabel: 'ОБРАНІ КРИТЕРІЇ',
      materialLabel: 'Напрацьований матеріал',
      topics: [{ id: 'topic-1', label: 'Тема 1' }],
      phases: [{ id: 'phase-1', title: 'Ідеї', question: '', kind: 'ideas' }],
      tables: ['Стіл 1'],
    },
    ru: {
      title: 'Новая сессия',
      intro: '',
      selectedLabel: 'ВЫБРАННЫЕ КРИТЕРИИ',
      materialLabel: 'Наработанный материал',
      topics: [{ id: 'topic-1', label: 'Тема 1' }],
      phases: [{ id: 'phase-1', title: 'Идеи', question: '', kind: 'ideas' }],
      tables: ['Стол 1'],
    },
    en: {
      title: 'New session',
      intro: '',
      selectedLabel: 'SELECTED CRITERIA',
      materialLabel: 'Material',
      topics: [{ id: 'topic-1', label: 'Topic 1' }],
      phases: [{ id: 'phase-1', title: 'Ideas', question: '', kind: 'ideas' }],
      tables: ['Table 1'],
    },
  },
  runSheet: [
    { kind: 'phase', phaseId: 'phase-1', rounds: 3, roundMinutes: 20, rotate: true },
    { kind: 'results', phaseId: '' },
  ],
};
