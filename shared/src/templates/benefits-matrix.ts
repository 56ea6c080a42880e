import { labelled } from './build';
import type { Language, Template, TemplateContent } from './types';

/**
 * Seed 000, "Выгоды партнерства": the ten benefits of partnership against the four partners of the
 * Barnaul waste-paper marathon. Russian texts are the seed's own words; Ukrainian and English are
 * translations. The case story is the session intro so every table reads the same example.
 */
const ROWS = ['finance', 'authorities', 'people', 'information', 'efficiency', 'environment', 'quality', 'innovation', 'reputation', 'resources'];
const COLUMNS = ['altaikrovlya', 'ecology', 'ngo', 'schools'];

type Words = Omit<TemplateContent, 'topics' | 'phases' | 'tables'> & {
  case: string;
  phaseTitle: string;
  question: string;
  /** The matrix's top-left cell, what its rows are: seed 000's «Выгоды». */
  corner: string;
  rows: readonly string[];
  columns: readonly string[];
  tables: readonly string[];
};

const content = (w: Words): TemplateContent => ({
  title: w.title,
  intro: w.intro,
  selectedLabel: w.selectedLabel,
  materialLabel: w.materialLabel,
  topics: [{ id: 'case', label: w.case }],
  phases: [
    {
      id: 'benefits',
      title: w.phaseTitle,
      question: w.question,
      kind: 'matrix',
      form: { corner: w.corner, rows: labelled(ROWS, w.rows), columns: labelled(COLUMNS, w.columns) },
    },
  ],
  tables: w.tables,
});

const words: Record<Language, Words> = {
  ru: {
    title: 'Выгоды партнерства',
    intro: [
      'Городской марафон «Не бросай!» в г. Барнауле',
      'ОАО «Алтайкровля», городской комитет по экологии, общественная организация «Молодые журналисты Алтая» провели акцию по сбору макулатуры среди школ города. В акции приняли участие 15 школ. Общее количество собранной макулатуры – 16 тонн.',
      'ОАО «Алтайкровля» вручило школам-победительницам наборы школьных принадлежностей, премировала лучших учеников.',
      'Основные цели проекта: привлечение внимания молодого поколения горожан к экологическим проблемам города; показать переработку бытовых отходов. В частности, ненужной бумаги.',
    ].join('\n\n'),
    selectedLabel: 'ОТМЕЧЕННЫЕ ВЫГОДЫ',
    materialLabel: 'Таблица выгод партнерства',
    corner: 'Выгоды',
    case: 'Городской марафон «Не бросай!» в г. Барнауле',
    phaseTitle: 'Выгоды партнерства',
    question: 'Какие выгоды получил каждый из партнеров марафона? Отметьте ячейку и поясните.',
    rows: [
      'Укрепление финансовых показателей',
      'Улучшение отношений с местной властью',
      'Развитие человеческого капитала, новых навыков и умений сотрудников',
      'Лучший доступ к информации',
      'Увеличение эффективности деятельности',
      'Создание благоприятной социальной среды',
      'Улучшение услуг и качества продукта',
      'Организационная инновация',
      'Усиление репутации и доверия',
      'Получение дополнительных ресурсов, улучшение доступа к ресурсам',
    ],
    columns: ['Алтайкровля', 'Комитет по экологии', 'Общественная организация', 'Школы'],
    tables: ['Стол 1', 'Стол 2', 'Стол 3'],
  },
  uk: {
    title: 'Вигоди партнерства',
    intro: [
      'Міський марафон «Не кидай!» у м. Барнаулі',
      'ВАТ «Алтайкровля», міський комітет з екології, громадська організація «Молоді журналісти Алтаю» провели акцію зі збору макулатури серед шкіл міста. В акції взяли участь 15 шкіл. Загальна кількість зібраної макулатури – 16 тонн.',
      'ВАТ «Алтайкровля» вручило школам-переможницям набори шкільного приладдя, преміювало найкращих учнів.',
      'Основні цілі проєкту: привернення уваги молодого покоління містян до екологічних проблем міста; показати переробку побутових відходів, зокрема непотрібного паперу.',
    ].join('\n\n'),
    selectedLabel: 'ПОЗНАЧЕНІ ВИГОДИ',
    materialLabel: 'Таблиця вигод партнерства',
    corner: 'Вигоди',
    case: 'Міський марафон «Не кидай!» у м. Барнаулі',
    phaseTitle: 'Вигоди партнерства',
    question: 'Які вигоди отримав кожен із партнерів марафону? Позначте клітинку й поясніть.',
    rows: [
      'Зміцнення фінансових показників',
      'Покращення відносин з місцевою владою',
      'Розвиток людського капіталу, нових навичок і вмінь працівників',
      'Кращий доступ до інформації',
      'Підвищення ефективності діяльності',
      'Створення сприятливого соціального середовища',
      'Покращення послуг і якості продукту',
      'Організаційна інновація',
      'Посилення репутації та довіри',
      'Отримання додаткових ресурсів, кращий доступ до ресурсів',
    ],
    columns: ['Алтайкровля', 'Комітет з екології', 'Громадська організація', 'Школи'],
    tables: ['Стіл 1', 'Стіл 2', 'Стіл 3'],
  },
  en: {
    title: 'Benefits of partnership',
    intro: [
      'City marathon “Don’t throw it away!” in Barnaul',
      'The company Altaykrovlya, the city committee for ecology and the NGO “Young Journalists of Altai” ran a waste-paper collection drive among the city’s schools. 15 schools took part. In all, 16 tonnes of waste paper were collected.',
      'Altaykrovlya presented the winning schools with sets of school supplies and gave prizes to the best pupils.',
      'The project’s main aims: to draw the attention of the city’s young generation to the city’s environmental problems; to show how household waste is recycled, waste paper in particular.',
    ].join('\n\n'),
    selectedLabel: 'BENEFITS TICKED',
    materialLabel: 'Benefits of partnership table',
    corner: 'Benefits',
    case: 'City marathon “Don’t throw it away!”, Barnaul',
    phaseTitle: 'Benefits of partnership',
    question: 'Which benefits did each partner in the marathon gain? Tick the cell and explain.',
    rows: [
      'Stronger financial performance',
      'Better relations with local government',
      'Developing human capital: new skills and abilities of staff',
      'Better access to information',
      'Greater effectiveness',
      'A more favourable social environment',
      'Better services and product quality',
      'Organisational innovation',
      'Stronger reputation and trust',
      'Additional resources, better access to resources',
    ],
    columns: ['Altaykrovlya', 'Committee for ecology', 'NGO', 'Schools'],
    tables: ['Table 1', 'Table 2', 'Table 3'],
  },
};

export const benefitsMatrix: Template = {
  id: 'benefits-matrix',
  name: {
    uk: 'Вигоди партнерства — таблиця',
    ru: 'Выгоды партнерства — таблица',
    en: 'Benefits of partnership — matrix',
  },
  description: {
    uk: 'Десять вигод партнерства × чотири партнери марафону «Не кидай!» (Барнаул): позначте й поясніть.',
    ru: 'Десять выгод партнерства × четыре партнера марафона «Не бросай!» (Барнаул): отметьте и поясните.',
    en: 'Ten benefits of partnership × the four partners of the “Don’t throw it away!” marathon (Barnaul): tick and explain.',
  },
  content: { uk: content(words.uk), ru: content(words.ru), en: content(words.en) },
  // Seed 000's matrix: filled at the tables in one sitting, then closed and shown.
  runSheet: [
    { kind: 'phase', phaseId: 'benefits', rounds: 1, roundMinutes: 30, rotate: false },
    { kind: 'lock', phaseId: 'benefits' },
    { kind: 'results', phaseId: 'benefits' },
  ],
};
