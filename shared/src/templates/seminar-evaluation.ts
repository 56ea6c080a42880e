import type { AnswerKind } from '../records/prompt';
import type { Language, Template, TemplateContent, TemplateForm } from './types';

/**
 * Seed 000, "Оценочная анкета семинара": the seminar's evaluation questionnaire as a survey.
 * Russian texts are the seed's own words; Ukrainian and English are translations. "На ___ %"
 * questions are percent scales; "Нет/Да — Как?" questions are yes/no with a follow-up; the
 * "недостаточно / достаточно / избыточно" ones are choices. Sections 6 and 7 of the paper form
 * are single questions; each becomes a section with one question (a short title, the question verbatim).
 */
type Shape = { id: string; questions: readonly { id: string; answer: AnswerKind }[] };
const SECTIONS: readonly Shape[] = [
  {
    id: 'impressions',
    questions: [
      { id: 'expectations', answer: 'percent' },
      { id: 'interest', answer: 'percent' },
      { id: 'usefulness', answer: 'percent' },
    ],
  },
  {
    id: 'attitudes',
    questions: [
      { id: 'attitude', answer: 'yesno' },
      { id: 'contacts', answer: 'yesno' },
    ],
  },
  { id: 'facilitators', questions: [{ id: 'facilitation', answer: 'text' }] },
  {
    id: 'formats',
    questions: [
      { id: 'exchange', answer: 'choice' },
      { id: 'theory', answer: 'choice' },
      { id: 'missing', answer: 'text' },
    ],
  },
  {
    id: 'next-steps',
    questions: [
      { id: 'learned', answer: 'text' },
      { id: 'apply', answer: 'text' },
    ],
  },
  { id: 'organisation', questions: [{ id: 'organisation-rating', answer: 'text' }] },
  { id: 'wishes', questions: [{ id: 'wishes-text', answer: 'text' }] },
];

/** A question's words: its label, and the follow-up label (yes/no) or nothing. */
type Q = readonly [label: string, followUp?: string];
type Words = Omit<TemplateContent, 'topics' | 'phases'> & {
  topic: string;
  phaseTitle: string;
  question: string;
  /** The three amounts of the choice questions, from too little to too much. */
  amounts: readonly [string, string, string];
  sections: readonly { title: string; questions: readonly Q[] }[];
};

function form(w: Words): TemplateForm {
  return {
    sections: SECTIONS.map((s, i) => {
      const words = w.sections[i];
      return {
        id: s.id,
        title: words?.title ?? '',
        questions: s.questions.map((q, j) => {
          const [label = '', followUp] = words?.questions[j] ?? [];
          return {
            id: q.id,
            label,
            answer: q.answer,
            ...(q.answer === 'choice' ? { options: [...w.amounts] } : {}),
            ...(followUp ? { followUp } : {}),
          };
        }),
      };
    }),
  };
}

const content = (w: Words): TemplateContent => ({
  title: w.title,
  intro: w.intro,
  selectedLabel: w.selectedLabel,
  materialLabel: w.materialLabel,
  topics: [{ id: 'seminar', label: w.topic }],
  phases: [{ id: 'evaluation', title: w.phaseTitle, question: w.question, kind: 'survey', form: form(w) }],
  tables: w.tables,
});

const words: Record<Language, Words> = {
  ru: {
    title: 'Оценочная анкета семинара',
    intro:
      'Цели семинара:\nПостроение взаимодействия выпускников Программы, представляющих власть, бизнес, некоммерческие организации, направленного на развитие социального партнерства для решения общественных проблем в сферах здравоохранения и охраны окружающей среды',
    selectedLabel: 'ИТОГИ АНКЕТЫ',
    materialLabel: 'Ответы участников',
    topic: 'Семинар',
    phaseTitle: 'Оценочная анкета семинара',
    question: 'Ответьте, пожалуйста, на вопросы анкеты. Большое спасибо за ответы!',
    tables: ['Стол 1', 'Стол 2', 'Стол 3'],
    amounts: ['недостаточно', 'достаточно', 'избыточно'],
    sections: [
      {
        title: 'Общие впечатления о семинаре',
        questions: [
          ['Насколько семинар соответствовал Вашим ожиданиям?'],
          ['Насколько интересным для Вас было содержание семинара?'],
          ['Как Вы оцениваете полезность полученной информации?'],
        ],
      },
      {
        title: 'Отношения, внутренние установки',
        questions: [
          ['Изменилось ли за время семинара Ваше отношение к партнерству?', 'Как?'],
          ['Удалось ли Вам установить на семинаре новые контакты?', 'С кем?'],
        ],
      },
      { title: 'Работа ведущих', questions: [['Как Вы оцениваете работу ведущих семинара?']] },
      {
        title: 'Формы работы',
        questions: [
          ['Возможностей для взаимодействия и обмена опытом между участниками было:'],
          ['Теоретических материалов было:'],
          ['Если Вы ответили «недостаточно», что именно Вы хотели бы узнать?'],
        ],
      },
      {
        title: 'Дальнейшие шаги',
        questions: [['Что нового Вы узнали на семинаре? Какие основные выводы сделали?'], ['Что Вы будете применять в своей работе?']],
      },
      {
        title: 'Организация семинара',
        questions: [['Как Вы оцениваете организацию семинара? (помещение, питание, раздаточные материалы…)']],
      },
      { title: 'Пожелания', questions: [['Ваши пожелания ведущим семинара и/ или организаторам:']] },
    ],
  },
  uk: {
    title: 'Оцінювальна анкета семінару',
    intro:
      'Цілі семінару:\nПобудова взаємодії випускників Програми, які представляють владу, бізнес, некомерційні організації, спрямованої на розвиток соціального партнерства для розв’язання суспільних проблем у сферах охорони здоров’я та охорони довкілля',
    selectedLabel: 'ПІДСУМКИ АНКЕТИ',
    materialLabel: 'Відповіді учасників',
    topic: 'Семінар',
    phaseTitle: 'Оцінювальна анкета семінару',
    question: 'Будь ласка, дайте відповіді на запитання анкети. Щиро дякуємо за відповіді!',
    tables: ['Стіл 1', 'Стіл 2', 'Стіл 3'],
    amounts: ['недостатньо', 'достатньо', 'надмірно'],
    sections: [
      {
        title: 'Загальні враження від семінару',
        questions: [
          ['Наскільки семінар відповідав Вашим очікуванням?'],
          ['Наскільки цікавим для Вас був зміст семінару?'],
          ['Як Ви оцінюєте корисність отриманої інформації?'],
        ],
      },
      {
        title: 'Ставлення, внутрішні установки',
        questions: [
          ['Чи змінилося за час семінару Ваше ставлення до партнерства?', 'Як?'],
          ['Чи вдалося Вам налагодити на семінарі нові контакти?', 'З ким?'],
        ],
      },
      { title: 'Робота ведучих', questions: [['Як Ви оцінюєте роботу ведучих семінару?']] },
      {
        title: 'Форми роботи',
        questions: [
          ['Можливостей для взаємодії та обміну досвідом між учасниками було:'],
          ['Теоретичних матеріалів було:'],
          ['Якщо Ви відповіли «недостатньо», що саме Ви хотіли б дізнатися?'],
        ],
      },
      {
        title: 'Подальші кроки',
        questions: [['Що нового Ви дізналися на семінарі? Яких основних висновків дійшли?'], ['Що Ви застосовуватимете у своїй роботі?']],
      },
      {
        title: 'Організація семінару',
        questions: [['Як Ви оцінюєте організацію семінару? (приміщення, харчування, роздаткові матеріали…)']],
      },
      { title: 'Побажання', questions: [['Ваші побажання ведучим семінару та/або організаторам:']] },
    ],
  },
  en: {
    title: 'Seminar evaluation questionnaire',
    intro:
      'Seminar goals:\nBuilding interaction between alumni of the Programme who represent government, business and non-profit organisations, aimed at developing social partnership to solve public problems in health care and environmental protection',
    selectedLabel: 'RESULTS',
    materialLabel: 'Answers',
    topic: 'Seminar',
    phaseTitle: 'Seminar evaluation questionnaire',
    question: 'Please answer the questions below. Thank you very much for your answers!',
    tables: ['Table 1', 'Table 2', 'Table 3'],
    amounts: ['not enough', 'enough', 'too much'],
    sections: [
      {
        title: 'Overall impressions of the seminar',
        questions: [
          ['How far did the seminar meet your expectations?'],
          ['How interesting was the content of the seminar for you?'],
          ['How useful was the information you received?'],
        ],
      },
      {
        title: 'Attitudes and mindset',
        questions: [
          ['Has your attitude to partnership changed during the seminar?', 'How?'],
          ['Did you make new contacts at the seminar?', 'With whom?'],
        ],
      },
      { title: 'The facilitators’ work', questions: [['How do you rate the work of the seminar’s facilitators?']] },
      {
        title: 'Ways of working',
        questions: [
          ['Opportunities for interaction and sharing experience between participants were:'],
          ['Theoretical material was:'],
          ['If you answered “not enough”, what exactly would you like to learn?'],
        ],
      },
      {
        title: 'Next steps',
        questions: [['What did you learn at the seminar? What are your main conclusions?'], ['What will you apply in your work?']],
      },
      {
        title: 'Organisation of the seminar',
        questions: [['How do you rate the organisation of the seminar? (venue, meals, handouts…)']],
      },
      { title: 'Wishes', questions: [['Your wishes for the seminar’s facilitators and/or organisers:']] },
    ],
  },
};

export const seminarEvaluation: Template = {
  id: 'seminar-evaluation',
  name: { uk: 'Оцінювальна анкета семінару', ru: 'Оценочная анкета семинара', en: 'Seminar evaluation questionnaire' },
  description: {
    uk: 'Анкета з семи розділів: враження у відсотках, так/ні з поясненням, форми роботи, відкриті запитання.',
    ru: 'Анкета из семи разделов: впечатления в процентах, да/нет с пояснением, формы работы, открытые вопросы.',
    en: 'A seven-section questionnaire: impressions in percent, yes/no with an explanation, ways of working, open questions.',
  },
  content: { uk: content(words.uk), ru: content(words.ru), en: content(words.en) },
  // Seed 000's evaluation form: filled at the end of the seminar, then closed and shown.
  runSheet: [
    { kind: 'phase', phaseId: 'evaluation', rounds: 1, roundMinutes: 15, rotate: false },
    { kind: 'lock', phaseId: 'evaluation' },
    { kind: 'results', phaseId: 'evaluation' },
  ],
};
