/**
 * "Link to this story" copies the story's address where the browser lets a page write to the
 * clipboard, and says so once through the share list's status. Without this script it stays a
 * plain link to the address, to copy by hand or long-press.
 */
const link = document.querySelector<HTMLAnchorElement>('a.share-copy');
const status = document.querySelector<HTMLElement>('.share-status');
if (link && status && typeof navigator.clipboard?.writeText === 'function') {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    status.textContent = '';
    navigator.clipboard.writeText(link.href).then(
      () => {
        status.textContent = link.dataset.copied ?? '';
      },
      () => {
        window.location.assign(link.href);
      },
    );
  });
}
