import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '@wcb/shared/harvest';

describe('Markdown escapes only what would change the rendering', () => {
  it('ordinary text stays as written: dots, question marks, hyphens, parentheses, hashes inside a line', () => {
    for (const text of ['з... ?', 'Офлайн-нотатка 1: Взаємодовіра', 'Фінансування (соціальні замовлення, конкурси)', 'Crowd + funding = 100%!', 'issue #17', 'a < b > c', 'snake_case_name', 'R&D', '-2+3', '3.14', 'Рік 2026. Кінець'])
      expect(escapeMarkdown(text), text).toBe(text);
  });

  it('text that would become a heading, emphasis, a link, an image, a tag, an entity or a list is escaped', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('*x* and _y_ and **z**')).toBe('\\*x\\* and \\_y\\_ and \\*\\*z\\*\\*');
    expect(escapeMarkdown('[a](b)')).toBe('\\[a\\](b)');
    expect(escapeMarkdown('![x](http://evil.example/p.png)')).toBe('!\\[x\\](http://evil.example/p.png)');
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script>alert(1)\\</script>');
    expect(escapeMarkdown('&amp; and &#169;')).toBe('\\&amp; and \\&#169;');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('2) second')).toBe('2\\) second');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('> quoted')).toBe('\\> quoted');
    expect(escapeMarkdown('`code`')).toBe('\\`code\\`');
    expect(escapeMarkdown('~~gone~~')).toBe('\\~\\~gone\\~\\~');
    expect(escapeMarkdown('| a | b |')).toBe('\\| a \\| b \\|');
    expect(escapeMarkdown('back\\*slash')).toBe('back\\\\\\*slash');
  });

  it('each line of a multi-line note is escaped at its own start, and stays inside the list item', () => {
    expect(escapeMarkdown('title\n===\n# two\n1. three')).toBe('title  \n   \\===  \n   \\# two  \n   1\\. three');
  });
});
