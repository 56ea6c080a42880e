import { createSignal } from 'solid-js';

/**
 * Whether the phone's menu is open. The header owns the menu; the bottom bar opens it too ("pick
 * your table to vote"). One board per page, so one signal; the header closes it when it goes.
 */
const [menuOpen, setMenuOpen] = createSignal(false);

export { menuOpen, setMenuOpen };
