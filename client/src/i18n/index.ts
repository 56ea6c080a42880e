import { en, type MessageKey } from './en';

export type { MessageKey };

/** A UI string with {placeholders} filled in. One language for now; the lookup is the seam for more. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text: string = en[key];
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}
