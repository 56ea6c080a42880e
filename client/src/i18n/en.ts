/**
 * Every UI string, flat, so a translator sees the whole app in one file. Placeholders are
 * {name}-style and filled by t(). Template content (topics, questions) comes from the model in
 * the session's own language, not from here.
 */
export const en = {
  'app.name': 'World Café Board',
  'app.tagline': 'Sticky notes for World Café workshops — works offline, syncs when it can.',
  'app.updateReady': 'A new version is ready',
  'app.reload': 'Reload',

  'home.you': 'You',
  'home.name': 'Your name',
  'home.nameHint': 'Shown to others next to your cursor and notes.',
  'home.new': 'New session',
  'home.template': 'Template',
  'home.language': 'Language of the template',
  'home.title': 'Title (optional)',
  'home.titlePlaceholder': 'Uses the template’s title when empty',
  'home.create': 'Create session',
  'home.creating': 'Creating…',
  'home.createFailed': 'Could not save the session in this browser. Is storage disabled?',
  'home.recent': 'Recent sessions',
  'home.recentEmpty': 'Sessions you create or join appear here.',
  'home.untitled': 'Untitled session',
  'home.join': 'Join by link',
  'home.joinPlaceholder': 'Paste a board link or session id',
  'home.joinGo': 'Join',
  'home.joinInvalid': 'That is not a board link or a session id.',

  'lang.uk': 'Українська',
  'lang.ru': 'Русский',
  'lang.en': 'English',

  'board.home': 'All sessions',
  'board.phases': 'Phases',
  'board.crossCutting': 'Cross-cutting',
  'board.emptyCell': 'Double-click to add a note',
  'board.addNote': 'Add a note to {topic}',
  'board.undo': 'Undo',
  'board.redo': 'Redo',
  'board.zoomIn': 'Zoom in',
  'board.zoomOut': 'Zoom out',
  'board.zoomFit': 'Fit board to screen',
  'board.zoomReset': 'Zoom to 100%',
  'board.canvas': 'Board',
  'board.loading': 'Opening the session…',
  'board.connecting': 'Connecting to the server to fetch this session…',
  'board.offlineEmpty': 'You are offline and this session is not saved on this device yet. It will open as soon as the connection returns.',
  'board.notFound': 'This session is not on the server. If it was created offline, it appears once its creator is back online.',
  'board.newer': 'This session was saved by a newer version of the app. It is shown read-only; reload the page to update.',

  'note.label': 'Note: {text}',
  'note.empty': 'Empty note',
  'note.edit': 'Edit note',
  'note.editor': 'Note text',
  'note.color': 'Colour: {color}',
  'note.delete': 'Delete note',
  'note.editingBy': '{name} is editing',
  'note.help': 'Enter to edit, arrow keys to move, Delete to remove.',

  'color.yellow': 'yellow',
  'color.pink': 'pink',
  'color.blue': 'blue',
  'color.green': 'green',
  'color.orange': 'orange',
  'color.purple': 'purple',

  'presence.list': 'People here',
  'presence.you': '(you)',

  'connection.online': 'Online',
  'connection.offline': 'Offline',
  'connection.syncing': 'Syncing',
  'connection.pending': 'Changes not yet sent to the server',
  'connection.title.online': 'Connected; everything is sent.',
  'connection.title.offline': 'Offline. Changes are kept on this device and sent when the connection returns.',
  'connection.title.syncing': 'Connected; sending and receiving changes.',
} as const;

export type MessageKey = keyof typeof en;
