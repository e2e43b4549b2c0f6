/**
 * Text must be well-formed Unicode: a lone surrogate (half of a UTF-16 pair, which JSON's
 * `\ud800` escapes can make) cannot be stored as UTF-8; SQLite would keep invalid bytes and
 * PostgreSQL would turn it into U+FFFD. Such text is refused, never changed.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/**
 * The path of the first string (or object key) in a parsed JSON value that is not well-formed
 * (`name`, `body[3].content[0].text`), '' for the value itself, or null when all are well-formed.
 */
export function illFormedTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = illFormedTextPath(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const itemPath = path ? `${path}.${key}` : key;
      if (hasLoneSurrogate(key)) return itemPath;
      const found = illFormedTextPath(item, itemPath);
      if (found !== null) return found;
    }
  }
  return null;
}
