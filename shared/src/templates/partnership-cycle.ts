import { labelled } from './build';
import type { Language, Template, TemplateContent } from './types';

/**
 * Seed 000, "Цикл партнерства": seven stages, each a list of steps a partnership project ticks off.
 * Russian texts are the seed's own words (stage titles without their numbers: the checklist
 * numbers them); Ukrainian and English are translations.
 */
const STAGES: readonly { id: string; items: number }[] = [
  { id: 'start', items: 7 },
  { id: 'partners', items: 6 },
  { id: 'resources', items: 7 },
  { id: 'build', items: 7 },
  { id: 'practice', items: 7 },
  { id: 'evaluation', items: 5 },
  { id: 'next', items: 3 },
];

type Stage = { title: string; items: readonly string[] };
type Words = Omit<TemplateContent, 'topics' | 'phases'> & { topic: string; phaseTitle: string; question: string; stages: readonly Stage[] };

const content = (w: Words): TemplateContent => ({
  title: w.title,
  intro: w.intro,
  selectedLabel: w.selectedLabel,
  materialLabel: w.materialLabel,
  topics: [{ id: 'project', label: w.topic }],
  phases: [
    {
      id: 'cycle',
      title: w.phaseTitle,
      question: w.question,
      kind: 'checklist',
      form: {
        sections: STAGES.map((s, i) => ({
          id: s.id,
          title: w.stages[i]?.title ?? '',
          items: labelled(
            Array.from({ length: s.items }, (_, j) => `${s.id}-${j + 1}`),
            w.stages[i]?.items ?? [],
          ),
        })),
      },
    },
  ],
  tables: w.tables,
});

const words: Record<Language, Words> = {
  ru: {
    title: 'Цикл партнерства',
    intro:
      'Партнерство – это союз нескольких организаций из двух или более секторов, которые соглашаются вести совместную работу для реализации проекта, направленного на обеспечение устойчивого развития. Партнеры соглашаются в равной мере разделить риски и достижения, регулярно анализировать результаты и при необходимости пересматривать условия партнерства.',
    selectedLabel: 'ВЫПОЛНЕННЫЕ ШАГИ',
    materialLabel: 'Цикл партнерства: все этапы',
    topic: 'Партнерский проект',
    phaseTitle: 'Цикл партнерства',
    question: 'Отметьте шаги, которые уже сделаны в вашем партнерском проекте.',
    tables: ['Стол 1', 'Стол 2', 'Стол 3'],
    stages: [
      {
        title: 'НАЧАЛО',
        items: [
          'Дайте точную формулировку проблемы',
          'Соберите информацию по проблеме и предлагаемому проекту',
          'Соберите дополнительную информацию',
          'Определите внешние факторы, которые могут оказать влияние на потенциальных партнеров и ход предлагаемого проекта',
          'Рассмотрите несколько возможных подходов к решению задачи. В особенности - подход, основанный на партнерстве, если он уместен',
          'Опишите, каким образом предлагаемый подход (партнерский или иной) позволит решить выявленную проблему',
          'Определите ответственного (-ых) за развитие партнерства (посредника)',
        ],
      },
      {
        title: 'ОПРЕДЕЛЕНИЕ ПАРТНЕРСКОЙ ОРГАНИЗАЦИИ',
        items: [
          'Исследуйте потенциальные партнерские организации и определите, насколько они подходят на роль партнеров для данного проекта',
          'Назначьте встречи с нужными людьми из потенциальных организаций-партнеров (с руководством и исполнителями)',
          'Определите наиболее подходящих партнеров, обеспечьте интерес ключевых фигур и их участие',
          'Совместно с представителями партнерской организации (организаций) определите, в чем будет состоять партнерство с их стороны (каков их вклад и что они ожидают получить)',
          'Создайте хорошие рабочие отношения между ключевыми фигурами партнерских организаций (представьте их друг другу, стимулируйте вклад каждого в общее дело)',
          'Сформулируйте рекомендации, соглашение или договор, регламентирующие условия партнерства',
        ],
      },
      {
        title: 'ОБЯЗАТЕЛЬСТВА ПО РЕСУРСАМ',
        items: [
          'Договоритесь о широком понимании термина «ресурсы», включающем не только деньги, но также людей, оборудование, знания, техническую и управленческую помощь, репутацию, контакты и др.',
          'Уточните, какие ресурсы понадобятся для реализации проекта',
          'Уверьтесь в том, что партнеры понимают, какие ресурсы нужны для проекта, а также хорошо понимают, за привлечение/вклад каких ресурсов ответственны они лично',
          'Проведите переговоры с каждым из партнеров, чтобы определить, какие ресурсы, нужные для проекта, он мог бы предоставить',
          'Добейтесь от партнеров публичного заявления о готовности выделить ресурсы',
          'Совместно с партнерами договоритесь о методике учета и оценки не денежных ресурсов',
          'Добейтесь полного согласия по всем ресурсным обязательствам',
        ],
      },
      {
        title: 'СОЗДАНИЕ И РЕАЛИЗАЦИЯ ПАРТНЕРСКОГО ПРОЕКТА (ПОСТРОЕНИЕ ПАРТНЕРСТВА)',
        items: [
          'Используйте все возможности – мероприятия, встречи и т.д., чтобы поближе познакомить партнеров и дать им возможность совместно поработать',
          'Придите к соглашению о правилах и принципах совместной работы',
          'Обсудите вопросы ответственности и руководства, потенциальные конфликты интересов. Помогите партнерам разрешить возникающие недоразумения и предвидеть будущие.',
          'Совместно с партнерами обсудите дизайн и реализацию проекта. Договоритесь о степени и способах участия всех сторон в управлении проектом и контроле происходящего',
          'Совместно с партнерами определите кадровые нужды проекта; договоритесь о процедуре выбора и назначения руководителя проекта',
          'Проясните обязанности человека, ответственного за партнерство',
          'Продолжайте заботиться о партнерстве – простраивать его, поддерживать и укреплять – на протяжении всего проекта',
        ],
      },
      {
        title: 'БУДНИ И УРОКИ ПАРТНЕРСТВА',
        items: [
          'Избегайте обвинений. Старайтесь увидеть в ошибках возможности',
          'Постоянно «подогревайте» партнерство. Не допускайте стагнации',
          'Ориентируйтесь на результат. Если что-то идет не так – думайте, как это исправить, а не кто виноват',
          'Помогайте представителям партнерских организаций доносить информацию о совместном проекте до своей организации, вовлекать других сотрудников',
          'Не забывайте фиксировать «историю партнерства»',
          'Вырабатывайте и сохраняйте «стандарты партнерства» - совместные документы, формат встреч, принятие решений и т.д.',
          'Выделите специальное время для обсуждения партнерства и его оценки',
        ],
      },
      {
        title: 'ОЦЕНКА ПРОЕКТА И РЕЗУЛЬТАТЫ ПАРТНЕРСТВА',
        items: [
          'Договоритесь с партнерами о том, как будет оцениваться эффективность и результаты партнерства. Обсудите методы и процедуру оценки',
          'Заранее заложите ресурсы для проведения качественной оценки проекта и партнерства',
          'При необходимости привлекайте к оценке внешних экспертов',
          'Оцените и не забудьте отметить вклад в проект каждого из партнеров',
          'Продумайте, как воспользоваться результатами оценки проекта и партнерства. Что и как будет учтено «внутри», какая степень публичности будет придана вашим результатам?',
        ],
      },
      {
        title: 'ПРОДОЛЖЕНИЕ',
        items: [
          'Вариант 1 – продолжить партнерство в том же духе',
          'Вариант 2 – расширить партнерство (особая организация или закрепленный механизм, расширение партнерского круга)',
          'Вариант 3 – прекращение партнерства (если оно себя не оправдало, либо проект больше не требует партнерства и т.д.)',
        ],
      },
    ],
  },
  uk: {
    title: 'Цикл партнерства',
    intro:
      'Партнерство – це союз кількох організацій із двох або більше секторів, які погоджуються вести спільну роботу для реалізації проєкту, спрямованого на забезпечення сталого розвитку. Партнери погоджуються рівною мірою розділити ризики й досягнення, регулярно аналізувати результати та за потреби переглядати умови партнерства.',
    selectedLabel: 'ВИКОНАНІ КРОКИ',
    materialLabel: 'Цикл партнерства: усі етапи',
    topic: 'Партнерський проєкт',
    phaseTitle: 'Цикл партнерства',
    question: 'Позначте кроки, які вже зроблено у вашому партнерському проєкті.',
    tables: ['Стіл 1', 'Стіл 2', 'Стіл 3'],
    stages: [
      {
        title: 'ПОЧАТОК',
        items: [
          'Чітко сформулюйте проблему',
          'Зберіть інформацію про проблему та запропонований проєкт',
          'Зберіть додаткову інформацію',
          'Визначте зовнішні чинники, які можуть вплинути на потенційних партнерів і перебіг запропонованого проєкту',
          'Розгляньте кілька можливих підходів до розв’язання завдання. Особливо – підхід, заснований на партнерстві, якщо він доречний',
          'Опишіть, як запропонований підхід (партнерський чи інший) дасть змогу розв’язати виявлену проблему',
          'Визначте відповідального (-их) за розвиток партнерства (посередника)',
        ],
      },
      {
        title: 'ВИЗНАЧЕННЯ ОРГАНІЗАЦІЇ-ПАРТНЕРА',
        items: [
          'Дослідіть потенційні організації-партнери та визначте, наскільки вони підходять на роль партнерів для цього проєкту',
          'Призначте зустрічі з потрібними людьми з потенційних організацій-партнерів (з керівництвом і виконавцями)',
          'Визначте найвідповідніших партнерів, забезпечте зацікавленість ключових осіб та їхню участь',
          'Спільно з представниками організації-партнера (організацій) визначте, у чому полягатиме партнерство з їхнього боку (який їхній внесок і що вони очікують отримати)',
          'Налагодьте добрі робочі стосунки між ключовими особами організацій-партнерів (познайомте їх одне з одним, заохочуйте внесок кожного в спільну справу)',
          'Сформулюйте рекомендації, угоду чи договір, що регламентують умови партнерства',
        ],
      },
      {
        title: 'ЗОБОВ’ЯЗАННЯ ЩОДО РЕСУРСІВ',
        items: [
          'Домовтеся про широке розуміння терміна «ресурси», що охоплює не лише гроші, а й людей, обладнання, знання, технічну та управлінську допомогу, репутацію, контакти тощо',
          'Уточніть, які ресурси знадобляться для реалізації проєкту',
          'Переконайтеся, що партнери розуміють, які ресурси потрібні для проєкту, а також добре розуміють, за залучення/внесок яких ресурсів відповідають вони особисто',
          'Проведіть переговори з кожним із партнерів, щоб визначити, які потрібні для проєкту ресурси він міг би надати',
          'Домовтеся, щоб партнери публічно заявили про готовність виділити ресурси',
          'Спільно з партнерами домовтеся про методику обліку й оцінювання негрошових ресурсів',
          'Досягніть повної згоди щодо всіх ресурсних зобов’язань',
        ],
      },
      {
        title: 'СТВОРЕННЯ ТА РЕАЛІЗАЦІЯ ПАРТНЕРСЬКОГО ПРОЄКТУ (БУДУВАННЯ ПАРТНЕРСТВА)',
        items: [
          'Використовуйте всі можливості – заходи, зустрічі тощо, щоб ближче познайомити партнерів і дати їм змогу попрацювати разом',
          'Дійдіть згоди щодо правил і принципів спільної роботи',
          'Обговоріть питання відповідальності й керівництва, потенційні конфлікти інтересів. Допоможіть партнерам розв’язати непорозуміння, що виникають, і передбачити майбутні.',
          'Спільно з партнерами обговоріть дизайн і реалізацію проєкту. Домовтеся про ступінь і способи участі всіх сторін в управлінні проєктом і контролі того, що відбувається',
          'Спільно з партнерами визначте кадрові потреби проєкту; домовтеся про процедуру вибору та призначення керівника проєкту',
          'З’ясуйте обов’язки людини, відповідальної за партнерство',
          'Продовжуйте дбати про партнерство – вибудовувати його, підтримувати й зміцнювати – протягом усього проєкту',
        ],
      },
      {
        title: 'БУДНІ ТА УРОКИ ПАРТНЕРСТВА',
        items: [
          'Уникайте звинувачень. Намагайтеся побачити в помилках можливості',
          'Постійно «підігрівайте» партнерство. Не допускайте застою',
          'Орієнтуйтеся на результат. Якщо щось іде не так – думайте, як це виправити, а не хто винен',
          'Допомагайте представникам організацій-партнерів доносити інформацію про спільний проєкт до своєї організації, залучати інших працівників',
          'Не забувайте фіксувати «історію партнерства»',
          'Виробляйте та зберігайте «стандарти партнерства» – спільні документи, формат зустрічей, ухвалення рішень тощо',
          'Виділіть спеціальний час для обговорення партнерства та його оцінювання',
        ],
      },
      {
        title: 'ОЦІНЮВАННЯ ПРОЄКТУ ТА РЕЗУЛЬТАТИ ПАРТНЕРСТВА',
        items: [
          'Домовтеся з партнерами про те, як оцінюватимуться ефективність і результати партнерства. Обговоріть методи та процедуру оцінювання',
          'Заздалегідь закладіть ресурси на якісне оцінювання проєкту та партнерства',
          'За потреби залучайте до оцінювання зовнішніх експертів',
          'Оцініть і не забудьте відзначити внесок у проєкт кожного з партнерів',
          'Продумайте, як скористатися результатами оцінювання проєкту та партнерства. Що і як буде враховано «всередині», наскільки публічними будуть ваші результати?',
        ],
      },
      {
        title: 'ПРОДОВЖЕННЯ',
        items: [
          'Варіант 1 – продовжити партнерство в тому ж дусі',
          'Варіант 2 – розширити партнерство (окрема організація чи закріплений механізм, розширення кола партнерів)',
          'Варіант 3 – припинення партнерства (якщо воно себе не виправдало або проєкт більше не потребує партнерства тощо)',
        ],
      },
    ],
  },
  en: {
    title: 'Partnership cycle',
    intro:
      'A partnership is an alliance of several organisations from two or more sectors that agree to work together on a project aimed at sustainable development. The partners agree to share risks and achievements equally, to review results regularly and to revise the terms of the partnership when needed.',
    selectedLabel: 'STEPS DONE',
    materialLabel: 'Partnership cycle: all stages',
    topic: 'Partnership project',
    phaseTitle: 'Partnership cycle',
    question: 'Tick the steps your partnership project has already taken.',
    tables: ['Table 1', 'Table 2', 'Table 3'],
    stages: [
      {
        title: 'GETTING STARTED',
        items: [
          'State the problem precisely',
          'Gather information on the problem and the proposed project',
          'Gather additional information',
          'Identify the external factors that may affect potential partners and the course of the proposed project',
          'Consider several possible approaches to the task – in particular a partnership-based approach, if it fits',
          'Describe how the proposed approach (partnership or other) will solve the problem identified',
          'Name the person(s) responsible for developing the partnership (the broker)',
        ],
      },
      {
        title: 'IDENTIFYING PARTNER ORGANISATIONS',
        items: [
          'Research potential partner organisations and judge how well they suit this project as partners',
          'Arrange meetings with the right people in potential partner organisations (management and the people who will do the work)',
          'Identify the most suitable partners; secure the interest and involvement of key people',
          'Together with the representatives of the partner organisation(s), define what the partnership means on their side (what they contribute and what they expect to gain)',
          'Build good working relationships between the key people of the partner organisations (introduce them to each other, encourage everyone’s contribution to the common cause)',
          'Draw up guidelines, an agreement or a contract setting out the terms of the partnership',
        ],
      },
      {
        title: 'RESOURCE COMMITMENTS',
        items: [
          'Agree on a broad meaning of “resources”: not only money but also people, equipment, knowledge, technical and management help, reputation, contacts, etc.',
          'Specify which resources the project will need',
          'Make sure the partners understand which resources the project needs, and which resources they are personally responsible for bringing in or contributing',
          'Negotiate with each partner to establish which of the resources the project needs they could provide',
          'Get the partners to state publicly that they are ready to commit resources',
          'Agree with the partners on how non-monetary resources will be recorded and valued',
          'Reach full agreement on all resource commitments',
        ],
      },
      {
        title: 'DESIGNING AND RUNNING THE PARTNERSHIP PROJECT (BUILDING THE PARTNERSHIP)',
        items: [
          'Use every opportunity – events, meetings, etc. – to help the partners get to know each other and work together',
          'Agree on the rules and principles of working together',
          'Discuss responsibility and leadership, and potential conflicts of interest. Help the partners resolve misunderstandings as they arise and anticipate future ones.',
          'Discuss the project’s design and delivery with the partners. Agree how far and in what ways each party takes part in managing the project and overseeing its progress',
          'Together with the partners, identify the project’s staffing needs; agree on how the project manager will be chosen and appointed',
          'Clarify the duties of the person responsible for the partnership',
          'Keep looking after the partnership – shaping, sustaining and strengthening it – throughout the project',
        ],
      },
      {
        title: 'PARTNERSHIP DAY TO DAY, AND ITS LESSONS',
        items: [
          'Avoid blame. Try to see opportunities in mistakes',
          'Keep the partnership “warm”. Don’t let it stagnate',
          'Focus on results. If something goes wrong, think about how to fix it, not who is to blame',
          'Help the partner organisations’ representatives take news of the joint project back to their own organisations and involve other staff',
          'Remember to record the “story of the partnership”',
          'Develop and keep “partnership standards” – joint documents, meeting formats, decision-making, etc.',
          'Set aside time specifically to discuss and assess the partnership',
        ],
      },
      {
        title: 'PROJECT EVALUATION AND PARTNERSHIP RESULTS',
        items: [
          'Agree with the partners how the partnership’s effectiveness and results will be assessed. Discuss the evaluation methods and procedure',
          'Set aside resources in advance for a sound evaluation of the project and the partnership',
          'Where needed, bring in external experts for the evaluation',
          'Assess, and be sure to acknowledge, each partner’s contribution to the project',
          'Think through how to use the evaluation of the project and the partnership. What will be taken into account “internally”, and how? How public will you make your results?',
        ],
      },
      {
        title: 'WHAT NEXT',
        items: [
          'Option 1 – continue the partnership in the same spirit',
          'Option 2 – expand the partnership (a dedicated organisation or an established mechanism, a wider circle of partners)',
          'Option 3 – end the partnership (if it has not proved worthwhile, or the project no longer needs a partnership, etc.)',
        ],
      },
    ],
  },
};

export const partnershipCycle: Template = {
  id: 'partnership-cycle',
  name: { uk: 'Цикл партнерства — чек-лист', ru: 'Цикл партнерства — чек-лист', en: 'Partnership cycle — checklist' },
  description: {
    uk: 'Сім етапів партнерського проєкту, від початку до продовження, з кроками, які можна позначати.',
    ru: 'Семь этапов партнерского проекта, от начала до продолжения, с шагами, которые можно отмечать.',
    en: 'The seven stages of a partnership project, from getting started to what next, with steps to tick off.',
  },
  content: { uk: content(words.uk), ru: content(words.ru), en: content(words.en) },
  // Seed 000's checklists: worked through in one long sitting, then closed and shown.
  runSheet: [
    { kind: 'phase', phaseId: 'cycle', rounds: 1, roundMinutes: 45, rotate: false },
    { kind: 'lock', phaseId: 'cycle' },
    { kind: 'results', phaseId: 'cycle' },
  ],
};
