import type { Language } from '../templates/types';

/** The words the printed table kit adds around the session's own texts, in the session's language. */
export type KitLabels = {
  scanToSit: string;
  questions: string;
  hostStays: string;
  othersMove: string;
  here: string;
  round: (n: number) => string;
  fold: string;
  posterJoin: string;
  posterJoinHint: string;
  posterViewer: string;
  posterViewerHint: string;
  sheetTitle: string;
  sheetSecret: string;
  facilitatorLink: string;
  facilitatorLinkMissing: string;
  participantLink: string;
  viewerLink: string;
  tableLinks: string;
  rotationPlan: string;
  rounds: (count: number, minutes: number) => string;
  runSheet: string;
  runSheetEmpty: string;
};

export const KIT_LABELS: Record<Language, KitLabels> = {
  uk: {
    scanToSit: 'Скануйте, щоб сісти за цей стіл',
    questions: 'Питання',
    hostStays: 'Господар столу залишається тут усі раунди.',
    othersMove: 'Усі інші:',
    here: 'тут',
    round: (n) => `раунд ${n}`,
    fold: 'згинати тут',
    posterJoin: 'Приєднуйтесь до дошки',
    posterJoinHint: 'Скануйте телефоном або відкрийте:',
    posterViewer: 'Проєктор (лише перегляд)',
    posterViewerHint: 'Для екрана в залі:',
    sheetTitle: 'Аркуш фасилітатора',
    sheetSecret:
      'Тримайте цей аркуш при собі: на ньому посилання фасилітатора, яке керує всією сесією. На плакаті й табличках столів є лише посилання учасників і глядачів.',
    facilitatorLink: 'Посилання фасилітатора',
    facilitatorLinkMissing: '(цей пристрій його не має)',
    participantLink: 'Посилання учасника',
    viewerLink: 'Посилання глядача (проєктор)',
    tableLinks: 'Посилання столів (садять пристрій за стіл)',
    rotationPlan: 'План ротації',
    rounds: (count, minutes) => `Раундів: ${count} × ${minutes} хв`,
    runSheet: 'Сценарій',
    runSheetEmpty: 'Сценарій ще не підготовлено.',
  },
  ru: {
    scanToSit: 'Отсканируйте, чтобы сесть за этот стол',
    questions: 'Вопросы',
    hostStays: 'Хозяин стола остаётся здесь все раунды.',
    othersMove: 'Все остальные:',
    here: 'здесь',
    round: (n) => `раунд ${n}`,
    fold: 'сгибать здесь',
    posterJoin: 'Присоединяйтесь к доске',
    posterJoinHint: 'Отсканируйте телефоном или откройте:',
    posterViewer: 'Проектор (только просмотр)',
    posterViewerHint: 'Для экрана в зале:',
    sheetTitle: 'Лист фасилитатора',
    sheetSecret:
      'Держите этот лист при себе: на нём ссылка фасилитатора, которая управляет всей сессией. На плакате и табличках столов только ссылки участников и зрителей.',
    facilitatorLink: 'Ссылка фасилитатора',
    facilitatorLinkMissing: '(на этом устройстве её нет)',
    participantLink: 'Ссылка участника',
    viewerLink: 'Ссылка зрителя (проектор)',
    tableLinks: 'Ссылки столов (сажают устройство за стол)',
    rotationPlan: 'План ротации',
    rounds: (count, minutes) => `Раундов: ${count} × ${minutes} мин`,
    runSheet: 'Сценарий',
    runSheetEmpty: 'Сценарий ещё не подготовлен.',
  },
  en: {
    scanToSit: 'Scan to sit at this table',
    questions: 'Questions',
    hostStays: 'The host stays at this table for every round.',
    othersMove: 'Everyone else:',
    here: 'here',
    round: (n) => `round ${n}`,
    fold: 'fold here',
    posterJoin: 'Join the board',
    posterJoinHint: 'Scan with your phone, or open:',
    posterViewer: 'Projector (view only)',
    posterViewerHint: 'For the screen in the room:',
    sheetTitle: 'Facilitator sheet',
    sheetSecret:
      'Keep this sheet to yourself: it holds the facilitator link, which controls the whole session. The poster and the tent cards carry only participant and viewer links.',
    facilitatorLink: 'Facilitator link',
    facilitatorLinkMissing: '(not held by this device)',
    participantLink: 'Participant link',
    viewerLink: 'Viewer link (projector)',
    tableLinks: 'Table links (each seats a device at its table)',
    rotationPlan: 'Rotation plan',
    rounds: (count, minutes) => `Rounds: ${count} × ${minutes} min`,
    runSheet: 'Run sheet',
    runSheetEmpty: 'No run sheet prepared yet.',
  },
};
