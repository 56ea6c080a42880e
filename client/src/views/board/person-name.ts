import type { Presence } from '@wcb/shared';
import { t } from '../../i18n';

/** A person's name as this board says it: a guest's in this interface's language ("Гість 42"). */
export const personName = (user: Presence['user']): string => (user.guest !== null ? `${t('home.guest')} ${user.guest}` : user.name);
