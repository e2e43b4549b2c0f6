/**
 * Click-to-load embeds: each placeholder's Load button (hidden without this script) puts in the
 * provider's frame only when pressed, so no request goes to another site before the reader asks.
 * Focus moves to the frame; the plain link to the post stays below it.
 */
function enhance(figure: HTMLElement): void {
  const src = figure.dataset.embed;
  const button = figure.querySelector<HTMLButtonElement>('[data-embed-load]');
  if (!src || !button) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = figure.dataset.embedTitle ?? '';
    frame.className = 'embed-frame';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-presentation');
    frame.setAttribute('allow', 'fullscreen; picture-in-picture; encrypted-media');
    frame.referrerPolicy = 'strict-origin-when-cross-origin';
    button.replaceWith(frame);
    frame.focus();
  });
}

document.querySelectorAll<HTMLElement>('figure[data-embed]').forEach(enhance);
