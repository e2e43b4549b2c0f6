import type { Translator } from '../../i18n/i18n.js';
import type { CommentFormModel } from '../page-model.js';
import { NAME_SLOT, WithNames } from './isolate.js';

/**
 * The comment form. It works as a plain form; with JavaScript the comments island solves the
 * proof of work (from data-challenge) and posts in place. The "website" field is a honeypot,
 * hidden from people by the stylesheet and from screen readers by aria-hidden.
 */
export function CommentForm({ form, i18n, headingTemplate }: { form: CommentFormModel; i18n: Translator; headingTemplate: string }) {
  const t = i18n.t;
  return (
    <form
      id="comment-form"
      class="comment-form"
      method="post"
      action={form.action}
      data-challenge={form.challengeUrl}
      data-heading-template={headingTemplate}
      data-posting={t('comments.posting')}
      data-reply-template={t('comments.replyHeading', { name: '{name}' })}
      data-form-heading={t('comments.formHeading')}
    >
      <h2 id="comment-form-heading">
        {form.replyTo ? <WithNames text={t('comments.replyHeading', { name: NAME_SLOT })} names={[form.replyTo.authorName]} /> : t('comments.formHeading')}
      </h2>
      <p class="form-error" role="alert" id="comment-form-error">
        {form.error ?? ''}
      </p>
      <input type="hidden" name="_form" value={form.formToken} />
      <input type="hidden" name="parentId" value={form.replyTo ? String(form.replyTo.id) : ''} />
      <input type="hidden" name="altcha" value="" />
      <p>
        <label for="comment-name">{t('comments.name')}</label>
        <input id="comment-name" name="authorName" maxLength={80} required autoComplete="nickname" value={form.values.authorName} />
      </p>
      <p>
        <label for="comment-body">{t('comments.text')}</label>
        <textarea id="comment-body" name="body" maxLength={5000} required rows={6}>
          {form.values.body}
        </textarea>
      </p>
      <div class="hp" aria-hidden="true">
        <label for="comment-website">{t('comments.honeypot')}</label>
        <input id="comment-website" name="website" tabIndex={-1} autoComplete="off" value="" />
      </div>
      {form.preModerated ? <p class="form-note">{t('comments.preModerated')}</p> : null}
      <noscript>
        <p class="form-note">{t('comments.noScript')}</p>
      </noscript>
      <p>
        <button type="submit">{t('comments.submit')}</button>{' '}
        {form.replyTo ? (
          <a href={`${form.action}#comment-form`} class="cancel-reply">
            {t('comments.cancelReply')}
          </a>
        ) : null}
      </p>
      <p class="comment-status" role="status" aria-live="polite"></p>
    </form>
  );
}
