import type { Presence } from '@wcb/shared';
import { t } from '../../i18n';

/** A person's name as this board says it: a guest's in this interface's language ("Гість 42"). */
export const personName = (user: Presence['user']): string => (user.guest !== null ? `${t('home.guest')} ${user.guest}` : user.name);

// A guest name as a note stores it, in whichever interface language its author had.
const STORED_GUEST = /^(?:Guest|Гість|Гость) (\d{1,3})$/;

/** A note's author as this board says it: a guest's name in this interface's language. */
export function authorName(author: string): string {
  const guest = STORED_GUEST.exec(author);
  return guest ? `${t('home.guest')} ${guest[1]}` : author;
}
