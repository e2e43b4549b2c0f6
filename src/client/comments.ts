import { solveChallenge } from 'altcha-lib/v1';

/**
 * The comments island: solves the server's proof-of-work challenge in the browser and posts
 * the comment in place, updating the count. Without it the form posts as a plain form (and
 * the comment waits for a moderator, since no proof of work came with it).
 */

interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber: number;
  salt: string;
  signature: string;
}

interface Posted {
  comment: { id: number; state: string; parentId: number | null };
  count: number;
  notice: string;
  html: string | null;
}

function enhance(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('.comment-status');
  const errorBox = form.querySelector<HTMLElement>('.form-error');
  const heading = document.getElementById('comments-heading');
  const formHeading = document.getElementById('comment-form-heading');
  const parentField = form.elements.namedItem('parentId') as HTMLInputElement | null;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  let busy = false;

  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.comment-reply-link');
    if (!link || !parentField) return;
    event.preventDefault();
    parentField.value = link.dataset.replyTo ?? '';
    if (formHeading) formHeading.textContent = (form.dataset.replyTemplate ?? '').replace('{name}', link.dataset.replyName ?? '');
    form.scrollIntoView({ block: 'start' });
    (form.elements.namedItem('authorName') as HTMLInputElement | null)?.focus();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    if (button) button.disabled = true;
    if (errorBox) errorBox.textContent = '';
    if (status) status.textContent = form.dataset.posting ?? '';
    post(form)
      .then((result) => {
        if ('error' in result) {
          if (errorBox) errorBox.textContent = result.error;
          if (status) status.textContent = '';
          return;
        }
        if (result.html) insertComment(result.comment.parentId, result.html);
        if (heading) {
          heading.dataset.count = String(result.count);
          heading.textContent = (form.dataset.headingTemplate ?? '{count}').replace('{count}', String(result.count));
        }
        (form.elements.namedItem('body') as HTMLTextAreaElement).value = '';
        if (parentField) parentField.value = '';
        if (formHeading) formHeading.textContent = form.dataset.formHeading ?? '';
        if (status) status.textContent = result.notice;
      })
      .catch(() => {
        // The network failed or the script could not solve the challenge: fall back to the plain form.
        form.submit();
      })
      .finally(() => {
        busy = false;
        if (button) button.disabled = false;
      });
  });
}

async function post(form: HTMLFormElement): Promise<Posted | { error: string }> {
  const challengeResponse = await fetch(form.dataset.challenge ?? '', { headers: { accept: 'application/json' } });
  const challenge = (await challengeResponse.json()) as Challenge;
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!solution) throw new Error('no solution');
  const altcha = btoa(
    JSON.stringify({
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: solution.number,
      salt: challenge.salt,
      signature: challenge.signature,
    }),
  );
  const fields = Object.fromEntries(new FormData(form).entries());
  const response = await fetch(form.action, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ ...fields, altcha }),
    credentials: 'same-origin',
  });
  const data = (await response.json()) as Posted | { error: { message: string } };
  if ('error' in data) return { error: data.error.message };
  return data;
}

function insertComment(parentId: number | null, html: string): void {
  const template = document.createElement('template');
  // The server rendered and escaped this fragment, as it does every page.
  template.innerHTML = html;
  const item = template.content.firstElementChild;
  if (!item) return;
  let list: Element | null = document.querySelector('.comment-list');
  if (parentId !== null) {
    const parent = document.getElementById(`comment-${parentId}`);
    if (parent) {
      list = parent.querySelector(':scope > .comment-replies');
      if (!list) {
        list = document.createElement('ol');
        list.className = 'comment-replies';
        parent.appendChild(list);
      }
    }
  }
  list?.appendChild(item);
  document.querySelector('.comments-none')?.remove();
}

const form = document.getElementById('comment-form');
if (form instanceof HTMLFormElement) enhance(form);
