import type { Language } from '../templates/types';
import { DOCUMENT_LABELS } from './labels';

/**
 * What an import error says, in each language. The English table is also what ImportError.problem
 * and .message carry, so the CLI, the server API and the browser render from one source.
 * Phrasings avoid counted nouns ("cells: {cells}"), so no plural rules are needed for the numbers.
 */

/** Where a problem is: a CSV line, the file as a whole, or a JSON path such as "phases[1].title". */
export type ImportAt = { line: number } | 'file' | { path: string };
export type ProblemParams = Record<string, string | number>;

const header = (language: Language) => DOCUMENT_LABELS[language].csvHeader.join(', ');

const en = {
  // A problem raised without a code (the CLI's own size check): shown as given in every language.
  other: '{problem}',
  'file.empty': 'is empty',
  'file.notJson': 'is not valid JSON ({detail})',
  'value.expectedText': 'expected text, found {kind}',
  'value.expectedList': 'expected a list, found {kind}',
  'value.expectedObject': 'expected an object, found {kind}',
  'value.empty': 'is empty',
  'csv.unclosedQuote': 'a quoted cell is never closed (a " is missing)',
  'csv.tooManyRows': 'the file has more than {max} rows',
  // Each language names its own header: the importer reads all three.
  'csv.notHeader': `is not a results header (expected ${header('en')})`,
  'csv.unknownColumn': 'unknown column "{column}"',
  'csv.repeatedColumn': 'column "{column}" appears twice',
  'csv.missingColumn': 'column "{column}" is missing',
  'csv.cellCount': 'has {cells} cells, the header has {expected}',
  'csv.notWholeNumber': 'column "{column}" must be a whole number, found "{found}"',
  'csv.emptyColumn': 'column "{column}" is empty',
  'csv.notFlag': 'column "{column}" must be 1 or 0, found "{found}"',
  'csv.notDate': 'column "{column}" is not a date (like 2025-05-14T10:00:00.000Z), found "{found}"',
  'csv.noNotes': 'has a header but no notes',
  'csv.tooManyVotes': 'has more than {max} votes in all',
  'seed.badId': '"{id}" is not a usable id (letters, digits, - and _)',
  'seed.language': 'must be uk, ru or en, found "{found}"',
  'seed.noTopics': 'has no topics',
  'seed.noPhases': 'has no phases',
  'seed.repeatedId': 'has a repeated id',
  'seed.unknownTopic': 'is not one of the topics',
  'json.tooDeep': 'is nested too deeply',
  'json.notFinite': 'is not a finite number',
  'json.notData': 'is not JSON data ({type})',
  'json.unknownPart': 'is not part of this format',
  'json.tooManyEntries': 'has more than {max} entries',
  'json.mustBeText': 'must be text',
  'json.wrongFormat': 'expected "{format}"',
  'json.unsupportedVersion': 'unsupported version {version}',
  'json.newerSchema': 'written by a newer version of the app ({found} > {supported})',
  'json.badPhaseId': 'is not a usable phase id',
} as const;

export type ProblemCode = keyof typeof en;

export const IMPORT_PROBLEMS: Record<Language, Record<ProblemCode, string>> = {
  uk: {
    other: '{problem}',
    'file.empty': 'порожній',
    'file.notJson': 'не є коректним JSON ({detail})',
    'value.expectedText': 'очікувався текст, знайдено: {kind}',
    'value.expectedList': 'очікувався список, знайдено: {kind}',
    'value.expectedObject': 'очікувався об’єкт, знайдено: {kind}',
    'value.empty': 'не може бути порожнім',
    'csv.unclosedQuote': 'клітинку в лапках не закрито (бракує ")',
    'csv.tooManyRows': 'у файлі понад {max} рядків',
    'csv.notHeader': `це не заголовок таблиці результатів (очікуються стовпці: ${header('uk')})`,
    'csv.unknownColumn': 'невідомий стовпець «{column}»',
    'csv.repeatedColumn': 'стовпець «{column}» трапляється двічі',
    'csv.missingColumn': 'бракує стовпця «{column}»',
    'csv.cellCount': 'клітинок: {cells}, а в заголовку: {expected}',
    'csv.notWholeNumber': 'у стовпці «{column}» має бути ціле число, а знайдено «{found}»',
    'csv.emptyColumn': 'стовпець «{column}» порожній',
    'csv.notFlag': 'у стовпці «{column}» має бути 1 або 0, а знайдено «{found}»',
    'csv.notDate': 'у стовпці «{column}» має бути дата (на зразок 2025-05-14T10:00:00.000Z), а знайдено «{found}»',
    'csv.noNotes': 'є заголовок, але немає жодної нотатки',
    'csv.tooManyVotes': 'загалом понад {max} голосів',
    'seed.badId': '«{id}» не годиться як ідентифікатор (лише літери, цифри, - та _)',
    'seed.language': 'має бути uk, ru або en, а знайдено «{found}»',
    'seed.noTopics': 'немає жодної теми',
    'seed.noPhases': 'немає жодного етапу',
    'seed.repeatedId': 'ідентифікатор повторюється',
    'seed.unknownTopic': 'не є однією з тем',
    'json.tooDeep': 'вкладено надто глибоко',
    'json.notFinite': 'не є скінченним числом',
    'json.notData': 'не є даними JSON ({type})',
    'json.unknownPart': 'не належить до цього формату',
    'json.tooManyEntries': 'понад {max} записів',
    'json.mustBeText': 'має бути текстом',
    'json.wrongFormat': 'очікувався формат «{format}»',
    'json.unsupportedVersion': 'непідтримувана версія {version}',
    'json.newerSchema': 'файл створено новішою версією застосунку ({found} > {supported})',
    'json.badPhaseId': 'не годиться як ідентифікатор етапу',
  },
  ru: {
    other: '{problem}',
    'file.empty': 'пустой',
    'file.notJson': 'не является корректным JSON ({detail})',
    'value.expectedText': 'ожидался текст, найдено: {kind}',
    'value.expectedList': 'ожидался список, найдено: {kind}',
    'value.expectedObject': 'ожидался объект, найдено: {kind}',
    'value.empty': 'не может быть пустым',
    'csv.unclosedQuote': 'ячейка в кавычках не закрыта (не хватает ")',
    'csv.tooManyRows': 'в файле больше {max} строк',
    'csv.notHeader': `это не заголовок таблицы результатов (ожидаются столбцы: ${header('ru')})`,
    'csv.unknownColumn': 'неизвестный столбец «{column}»',
    'csv.repeatedColumn': 'столбец «{column}» встречается дважды',
    'csv.missingColumn': 'не хватает столбца «{column}»',
    'csv.cellCount': 'ячеек: {cells}, а в заголовке: {expected}',
    'csv.notWholeNumber': 'в столбце «{column}» должно быть целое число, а найдено «{found}»',
    'csv.emptyColumn': 'столбец «{column}» пуст',
    'csv.notFlag': 'в столбце «{column}» должно быть 1 или 0, а найдено «{found}»',
    'csv.notDate': 'в столбце «{column}» должна быть дата (вроде 2025-05-14T10:00:00.000Z), а найдено «{found}»',
    'csv.noNotes': 'есть заголовок, но нет ни одной заметки',
    'csv.tooManyVotes': 'всего больше {max} голосов',
    'seed.badId': '«{id}» не годится как идентификатор (только буквы, цифры, - и _)',
    'seed.language': 'должно быть uk, ru или en, а найдено «{found}»',
    'seed.noTopics': 'нет ни одной темы',
    'seed.noPhases': 'нет ни одного этапа',
    'seed.repeatedId': 'идентификатор повторяется',
    'seed.unknownTopic': 'не является одной из тем',
    'json.tooDeep': 'вложено слишком глубоко',
    'json.notFinite': 'не является конечным числом',
    'json.notData': 'не является данными JSON ({type})',
    'json.unknownPart': 'не относится к этому формату',
    'json.tooManyEntries': 'больше {max} записей',
    'json.mustBeText': 'должно быть текстом',
    'json.wrongFormat': 'ожидался формат «{format}»',
    'json.unsupportedVersion': 'неподдерживаемая версия {version}',
    'json.newerSchema': 'файл создан более новой версией приложения ({found} > {supported})',
    'json.badPhaseId': 'не годится как идентификатор этапа',
  },
  en,
};

/** The `kind` param names what was found instead of the expected value; it is translated too. */
const VALUE_KINDS: Record<Language, Record<string, string>> = {
  uk: { null: 'null', list: 'список', object: 'об’єкт', nothing: 'нічого', number: 'число', string: 'текст', boolean: 'логічне значення' },
  ru: { null: 'null', list: 'список', object: 'объект', nothing: 'ничего', number: 'число', string: 'текст', boolean: 'логическое значение' },
  en: { null: 'null', list: 'a list', object: 'an object', nothing: 'nothing', number: 'number', string: 'string', boolean: 'boolean' },
};

const WHERE: Record<Language, { line: (n: number) => string; file: string }> = {
  uk: { line: (n) => `рядок ${n}`, file: 'файл' },
  ru: { line: (n) => `строка ${n}`, file: 'файл' },
  en: { line: (n) => `line ${n}`, file: 'file' },
};

/** The placeholders a problem text uses, e.g. ["column", "found"]. */
export const problemPlaceholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** An import error's place and problem in `language`; JSON paths stay as written (they name keys of the file). */
export function importProblemText(
  error: { code: ProblemCode; params: ProblemParams; at: ImportAt },
  language: Language,
): { where: string; problem: string } {
  const { at, params } = error;
  const where = at === 'file' ? WHERE[language].file : 'line' in at ? WHERE[language].line(at.line) : at.path;
  // One pass with a replacer: a { in a value taken from the file is never read as a placeholder.
  const problem = IMPORT_PROBLEMS[language][error.code].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return name === 'kind' ? (VALUE_KINDS[language][value] ?? String(value)) : String(value);
  });
  return { where, problem };
}
