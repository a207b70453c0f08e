/**
 * Names as search compares them: case and accents folded ("Erdoğan" is found by "erdogan"),
 * Unicode-aware where SQLite's own LIKE folds only ASCII.
 */
export const foldName = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und');

/** Every name an actor is known by, folded and without repeats: its name and its aliases. */
export const searchNamesOf = (actor: Readonly<{ name: string; aliases: readonly string[] }>): string[] => [
  ...new Set([actor.name, ...actor.aliases].map(foldName)),
];
