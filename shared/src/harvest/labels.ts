import type { Language } from '../templates/types';

/** The few words a results document adds around the session's own texts, in its language. */
export type DocumentLabels = {
  /** The document's heading, as seed 003 has it: «ОЦИФРОВАНІ РЕЗУЛЬТАТИ РОБОТИ «NGO NETWORKING: КОНФЕРЕНЦІЯ»». */
  resultsHeading: (title: string) => string;
  phase: string;
  question: string;
  selected: string;
  material: string;
  steps: string;
  crossCutting: string;
  votes: (n: number) => string;
  table: string;
  round: string;
  author: string;
  responses: (n: number) => string;
  yes: string;
  no: string;
  mean: string;
  median: string;
  range: string;
  done: string;
  exported: string;
  csvHeader: readonly string[];
};

// Slavic plurals: 1 голос, 2–4 голоси, 5+ голосів (11–14 take the "many" form).
const slavic = (n: number, one: string, few: string, many: string) => {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return `${n} ${one}`;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return `${n} ${few}`;
  return `${n} ${many}`;
};

export const DOCUMENT_LABELS: Record<Language, DocumentLabels> = {
  uk: {
    resultsHeading: (title) => `ОЦИФРОВАНІ РЕЗУЛЬТАТИ РОБОТИ «${title.toLocaleUpperCase('uk')}»`,
    phase: 'Етап',
    question: 'Питання',
    selected: 'ОБРАНІ КРИТЕРІЇ',
    material: 'Напрацьований матеріал',
    steps: 'Кроки',
    crossCutting: 'Наскрізні нотатки',
    votes: (n) => slavic(n, 'голос', 'голоси', 'голосів'),
    table: 'Стіл',
    round: 'Раунд',
    author: 'Автор',
    responses: (n) => slavic(n, 'відповідь', 'відповіді', 'відповідей'),
    yes: 'Так',
    no: 'Ні',
    mean: 'середнє',
    median: 'медіана',
    range: 'від–до',
    done: 'виконано',
    exported: 'Експортовано',
    csvHeader: ['етап', 'тема', 'стіл', 'раунд', 'автор', 'текст', 'голоси', 'кластер', 'обрано', 'створено'],
  },
  ru: {
    resultsHeading: (title) => `ОЦИФРОВАННЫЕ РЕЗУЛЬТАТЫ РАБОТЫ «${title.toLocaleUpperCase('ru')}»`,
    phase: 'Этап',
    question: 'Вопрос',
    selected: 'ВЫБРАННЫЕ КРИТЕРИИ',
    material: 'Наработанный материал',
    steps: 'Шаги',
    crossCutting: 'Сквозные заметки',
    votes: (n) => slavic(n, 'голос', 'голоса', 'голосов'),
    table: 'Стол',
    round: 'Раунд',
    author: 'Автор',
    responses: (n) => slavic(n, 'ответ', 'ответа', 'ответов'),
    yes: 'Да',
    no: 'Нет',
    mean: 'среднее',
    median: 'медиана',
    range: 'от–до',
    done: 'выполнено',
    exported: 'Экспортировано',
    csvHeader: ['этап', 'тема', 'стол', 'раунд', 'автор', 'текст', 'голоса', 'кластер', 'выбрано', 'создано'],
  },
  en: {
    resultsHeading: (title) => `DIGITISED RESULTS OF “${title.toLocaleUpperCase('en')}”`,
    phase: 'Phase',
    question: 'Question',
    selected: 'SELECTED CRITERIA',
    material: 'Material',
    steps: 'Steps',
    crossCutting: 'Cross-cutting notes',
    votes: (n) => `${n} ${n === 1 ? 'vote' : 'votes'}`,
    table: 'Table',
    round: 'Round',
    author: 'Author',
    responses: (n) => `${n} ${n === 1 ? 'response' : 'responses'}`,
    yes: 'Yes',
    no: 'No',
    mean: 'mean',
    median: 'median',
    range: 'range',
    done: 'done',
    exported: 'Exported',
    csvHeader: ['phase', 'topic', 'table', 'round', 'author', 'text', 'votes', 'cluster', 'selected', 'created'],
  },
};
