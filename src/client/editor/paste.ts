/**
 * What pasting from a word processor or a web page cannot bring into a story body: images,
 * frames, videos. The editor keeps headings, lists, links, tables and quotes (its schema parses
 * them); what it drops is named in the notice under the toolbar, never lost without a word.
 */
export interface PasteNotice {
  /** editorProps.transformPastedHTML: reads what the pasted HTML holds, returns it unchanged. */
  readonly transformPastedHTML: (html: string) => string;
  /** editorProps.handlePaste / handleDrop: image files (a screenshot, a photo dragged in) are named too. */
  readonly handleFiles: (files: readonly File[]) => boolean;
}

export function pasteNotice(notice: HTMLElement): PasteNotice {
  const say = (images: readonly string[], frames: readonly string[]) => {
    const parts: string[] = [];
    const list = (names: readonly string[]) => names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
    if (images.length) parts.push((notice.dataset.images ?? '{names}').replace('{names}', list(images)));
    if (frames.length) parts.push((notice.dataset.frames ?? '{names}').replace('{names}', list(frames)));
    notice.textContent = parts.length ? (notice.dataset.template ?? '{items}').replace('{items}', parts.join('; ')) : '';
  };
  return {
    transformPastedHTML: (html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const images = [...doc.querySelectorAll('img, picture > source:first-child, svg')]
        .filter((element) => element.tagName.toLowerCase() !== 'source')
        .map((element) => nameOf(element.getAttribute('alt'), element.getAttribute('src')));
      const frames = [...doc.querySelectorAll('iframe, video, audio, embed, object')].map((element) =>
        nameOf(element.getAttribute('title'), element.getAttribute('src') ?? element.getAttribute('data')),
      );
      say(images, frames);
      return html;
    },
    handleFiles: (files) => {
      if (files.length === 0) return false;
      say(
        files.map((file) => file.name || file.type),
        [],
      );
      return true;
    },
  };
}

/** An image's or frame's name as a person recognises it: its description, else its file name. */
function nameOf(label: string | null, src: string | null): string {
  if (label?.trim()) return `"${label.trim().slice(0, 80)}"`;
  if (!src) return '?';
  if (src.startsWith('data:')) return src.slice(5, src.indexOf(';') > 0 ? src.indexOf(';') : 20);
  const file = src.split(/[?#]/)[0]!.split('/').filter(Boolean).pop();
  return file ? decodeSafe(file).slice(0, 80) : src.slice(0, 80);
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
