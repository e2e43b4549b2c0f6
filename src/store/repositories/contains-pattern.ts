/**
 * A LIKE pattern matching text anywhere, lower-cased (the store's lower() folds every script
 * on both databases), with LIKE's wildcards escaped. Use with `escape '\'`: SQLite has no
 * default escape character.
 */
export function containsPattern(text: string): string {
  return `%${text.toLocaleLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
