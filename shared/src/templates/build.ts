/**
 * Pairs a template's fixed ids with one language's labels. Ids are written once per template so
 * the uk/ru/en versions cannot drift apart; a missing label reads as '' (the template tests catch it).
 */
export const labelled = (ids: readonly string[], labels: readonly string[]): { id: string; label: string }[] =>
  ids.map((id, i) => ({ id, label: labels[i] ?? '' }));
