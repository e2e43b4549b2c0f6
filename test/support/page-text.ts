import type { Page } from 'playwright-core';

/**
 * The page's text as a text extractor reads it: every text node outside script and style,
 * in document order, with runs of whitespace collapsed.
 */
export async function extractText(page: Page): Promise<string> {
  // A plain walk, not a TreeWalker with a filter callback: it must work with JavaScript disabled too.
  const raw = await page.evaluate(() => {
    const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue ?? '');
      else if (node.nodeType === Node.ELEMENT_NODE && !skip.has((node as Element).tagName)) node.childNodes.forEach(walk);
    };
    walk(document.documentElement);
    return parts.join('');
  });
  return normalise(raw);
}

export function normalise(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The lines of `expected` that cannot be found in `text` in order; empty when all are there. */
export function linesMissingInOrder(text: string, lines: readonly string[]): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const line of lines) {
    const at = text.indexOf(line, from);
    if (at === -1) {
      missing.push(line);
      continue;
    }
    from = at + line.length;
  }
  return missing;
}
