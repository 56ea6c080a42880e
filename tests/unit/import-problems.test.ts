import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@wcb/shared';
import { IMPORT_PROBLEMS, importProblemText, problemPlaceholders, type ProblemCode } from '@wcb/shared/harvest';
import { importCsv, ImportError, importFile, importSessionJson } from '@wcb/shared/harvest';

const caught = (build: () => unknown): ImportError => {
  try {
    build();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
};

const header = 'phase,topic,table,round,author,text,votes,cluster,selected,created';
const good = '"Ideal","Community","Table 1","1","Olya","Trust","2","","0","2025-05-14T10:00:00.000Z"';
const badRound = `${header}\r\n${good}\r\n"Ideal","Community","T","two","","x","0","","0",""`;

describe('import problems in the interface languages', () => {
  const codes = Object.keys(IMPORT_PROBLEMS.en) as ProblemCode[];

  it('every problem has a non-empty text in uk, ru and en with the same placeholders', () => {
    for (const code of codes) {
      const expected = problemPlaceholders(IMPORT_PROBLEMS.en[code]).sort();
      for (const language of LANGUAGES) {
        const text = IMPORT_PROBLEMS[language][code];
        expect(text?.trim(), `${language} ${code}`).toBeTruthy();
        expect(problemPlaceholders(text).sort(), `${language} ${code}`).toEqual(expected);
      }
    }
  });

  it('the Ukrainian and Russian tables have no codes the English one lacks', () => {
    expect(Object.keys(IMPORT_PROBLEMS.uk).sort()).toEqual([...codes].sort());
    expect(Object.keys(IMPORT_PROBLEMS.ru).sort()).toEqual([...codes].sort());
  });

  it('a broken CSV reads in Ukrainian with its line number', () => {
    const error = caught(() => importCsv(badRound, { sessionId: 'x' }));
    expect(error.at).toEqual({ line: 3 });
    expect(importProblemText(error, 'uk')).toEqual({
      where: 'рядок 3',
      problem: 'у стовпці «round» має бути ціле число, а знайдено «two»',
    });
    expect(importProblemText(error, 'ru').where).toBe('строка 3');
  });

  it('English messages stay word for word what they were', () => {
    const error = caught(() => importCsv(badRound, { sessionId: 'x' }));
    expect(error.message).toBe('line 3: column "round" must be a whole number, found "two"');
    expect(error.where).toBe('line 3');
    expect(importProblemText(error, 'en')).toEqual({ where: error.where, problem: error.problem });
    const unclosed = caught(() => importCsv(`${header}\r\n"Ideal","x`, { sessionId: 'x' }));
    expect(unclosed.message).toBe('line 2: a quoted cell is never closed (a " is missing)');
  });

  it('the kind of value found is translated, and a JSON path stays as written', () => {
    const error = caught(() => importFile('{"topics": [{"id": "a", "label": 7}]}', { sessionId: 'x', format: 'seed003' }));
    expect(error.message).toBe('topics[0].label: expected text, found number');
    expect(importProblemText(error, 'uk')).toEqual({ where: 'topics[0].label', problem: 'очікувався текст, знайдено: число' });
    expect(importProblemText(error, 'ru').problem).toBe('ожидался текст, найдено: число');
  });

  it('the whole file is named "файл" in Ukrainian', () => {
    const error = caught(() => importSessionJson(null, 'x'));
    expect(error.message).toBe('file: expected an object, found null');
    expect(importProblemText(error, 'uk').where).toBe('файл');
  });

  it('a brace in the file is shown as written, not read as a placeholder', () => {
    const error = caught(() => importCsv(`${header},{column}\r\n${good},"red"`, { sessionId: 'x' }));
    expect(importProblemText(error, 'uk').problem).toBe('невідомий стовпець «{column}»');
  });

  it('a problem raised with plain words shows them as given in every language', () => {
    const error = new ImportError('results.csv', 'is larger than 10 bytes');
    expect(error.message).toBe('results.csv: is larger than 10 bytes');
    expect(importProblemText(error, 'uk')).toEqual({ where: 'results.csv', problem: 'is larger than 10 bytes' });
  });
});
