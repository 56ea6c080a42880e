import type { Template } from './types';

/**
 * Seed 003: "NGO Networking: conference". Ukrainian texts are the seed's own words; Russian and
 * English are translations. Ids are stable so a session built from this template twice (browser
 * offline and server) merges into one set of topics and phases instead of two.
 */
export const worldCafeNgo: Template = {
  id: 'world-cafe-ngo',
  name: {
    uk: 'Світове кафе — взаємодія ГО',
    ru: 'Мировое кафе — взаимодействие НКО',
    en: 'World Café — NGO interaction',
  },
  description: {
    uk: 'Три етапи (ідеальне бачення, поточна реальність, кроки) × три теми: влада, громада, інші ГО.',
    ru: 'Три этапа (идеальное видение, текущая реальность, шаги) × три темы: власть, сообщество, другие НКО.',
    en: 'Three phases (ideal vision, current reality, steps) × three topics: government, community, other NGOs.',
  },
  content: {
    uk: {
      title: 'NGO Networking: конференція',
      intro:
        "Інтерактивне обговорення у групах: спільне напрацювання механізмів співпраці між громадськими об'єднаннями та органами місцевого самоврядування.",
      selectedLabel: 'ОБРАНІ КРИТЕРІЇ',
      materialLabel: 'Напрацьований матеріал у «Світовому кафе»',
      topics: [
        { id: 'government', label: 'ВЛАДОЮ' },
        { id: 'community', label: 'ГРОМАДОЮ' },
        { id: 'ngos', label: 'ІНШИМИ ГО' },
      ],
      phases: [
        {
          id: 'ideal',
          title: 'ФОРМУВАННЯ ІДЕАЛЬНОГО БАЧЕННЯ ВЗАЄМОДІЇ',
          question: 'Що характеризує ефективну взаємодію громадських організацій з... ?',
          kind: 'ideas',
        },
        {
          id: 'reality',
          title: 'ОЦІНКА ПОТОЧНОЇ РЕАЛЬНОСТІ',
          question: 'Що відбувається у взаємодії ГО з...?',
          kind: 'ideas',
        },
        {
          id: 'steps',
          title: 'КРОКИ ДЛЯ РЕАЛІЗАЦІЇ ІДЕАЛЬНОГО БАЧЕННЯ',
          question: 'Що нам потрібно зробити для ефективної взаємодії з ... ?',
          kind: 'steps',
        },
      ],
      tables: ['Стіл 1', 'Стіл 2', 'Стіл 3'],
    },
    ru: {
      title: 'NGO Networking: конференция',
      intro:
        'Интерактивное обсуждение в группах: совместная выработка механизмов сотрудничества между общественными объединениями и органами местного самоуправления.',
      selectedLabel: 'ВЫБРАННЫЕ КРИТЕРИИ',
      materialLabel: 'Наработанный материал в «Мировом кафе»',
      topics: [
        { id: 'government', label: 'ВЛАСТЬЮ' },
        { id: 'community', label: 'СООБЩЕСТВОМ' },
        { id: 'ngos', label: 'ДРУГИМИ НКО' },
      ],
      phases: [
        {
          id: 'ideal',
          title: 'ФОРМИРОВАНИЕ ИДЕАЛЬНОГО ВИДЕНИЯ ВЗАИМОДЕЙСТВИЯ',
          question: 'Что характеризует эффективное взаимодействие общественных организаций с... ?',
          kind: 'ideas',
        },
        {
          id: 'reality',
          title: 'ОЦЕНКА ТЕКУЩЕЙ РЕАЛЬНОСТИ',
          question: 'Что происходит во взаимодействии НКО с...?',
          kind: 'ideas',
        },
        {
          id: 'steps',
          title: 'ШАГИ ДЛЯ РЕАЛИЗАЦИИ ИДЕАЛЬНОГО ВИДЕНИЯ',
          question: 'Что нам нужно сделать для эффективного взаимодействия с ... ?',
          kind: 'steps',
        },
      ],
      tables: ['Стол 1', 'Стол 2', 'Стол 3'],
    },
    en: {
      title: 'NGO Networking: conference',
      intro:
        'Interactive group discussion: jointly working out mechanisms of cooperation between civic associations and local self-government bodies.',
      selectedLabel: 'SELECTED CRITERIA',
      materialLabel: 'Material worked out in the World Café',
      topics: [
        { id: 'government', label: 'GOVERNMENT' },
        { id: 'community', label: 'THE COMMUNITY' },
        { id: 'ngos', label: 'OTHER NGOs' },
      ],
      phases: [
        {
          id: 'ideal',
          title: 'FORMING THE IDEAL VISION OF INTERACTION',
          question: 'What characterises effective interaction of NGOs with… ?',
          kind: 'ideas',
        },
        {
          id: 'reality',
          title: 'ASSESSING THE CURRENT REALITY',
          question: 'What happens in the interaction of NGOs with…?',
          kind: 'ideas',
        },
        {
          id: 'steps',
          title: 'STEPS TO REALISE THE IDEAL VISION',
          question: 'What do we need to do for effective interaction with… ?',
          kind: 'steps',
        },
      ],
      tables: ['Table 1', 'Table 2', 'Table 3'],
    },
  },
  // Seed 003's café: the ideal vision in rounds, a vote on it, current reality, numbered steps, results.
  runSheet: [
    { kind: 'phase', phaseId: 'ideal', rounds: 3, roundMinutes: 20, rotate: true },
    { kind: 'vote', phaseId: 'ideal', budget: 3, minutes: 10 },
    { kind: 'lock', phaseId: 'ideal' },
    { kind: 'break', minutes: 15 },
    { kind: 'phase', phaseId: 'reality', rounds: 3, roundMinutes: 20, rotate: true },
    { kind: 'lock', phaseId: 'reality' },
    { kind: 'phase', phaseId: 'steps', rounds: 1, roundMinutes: 30, rotate: false },
    { kind: 'lock', phaseId: 'steps' },
    { kind: 'results', phaseId: 'ideal' },
  ],
};
