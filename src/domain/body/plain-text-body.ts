import type { Body, BodyElement } from './body.js';

/**
 * The plain story form's body: paragraphs separated by a blank line, a line starting with
 * "## " is a subheading. Other elements (quotes, media, profile links) need the rich editor;
 * `toPlainText` tells whether a body can be edited this way at all.
 */
export function fromPlainText(text: string): BodyElement[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block): BodyElement =>
      block.startsWith('## ')
        ? { type: 'subheading', text: block.slice(3).trim() }
        : { type: 'paragraph', content: [{ type: 'text', text: block.replace(/\s*\n\s*/g, ' ') }] },
    );
}

/** The body as the plain form shows it, or null when it has elements the plain form cannot keep. */
export function toPlainText(body: Body): string | null {
  const blocks: string[] = [];
  for (const element of body) {
    if (element.type === 'subheading') blocks.push(`## ${element.text}`);
    else if (element.type === 'paragraph' && element.content.every((inline) => inline.type === 'text' && !inline.marks?.length)) {
      blocks.push(element.content.map((inline) => inline.text).join(''));
    } else return null;
  }
  return blocks.join('\n\n');
}
