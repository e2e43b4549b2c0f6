import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** Renders a page to an HTML document. Text and attributes are escaped by Preact. */
export function renderDocument(page: VNode): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}
