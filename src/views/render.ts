import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a page to an HTML document. Text and attributes are escaped by Preact. */
export function renderDocument(page: VNode): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}

/** Renders part of a page (a comment posted in place), escaped the same way. */
export function renderFragment(node: VNode): string {
  return renderToString(node);
}
