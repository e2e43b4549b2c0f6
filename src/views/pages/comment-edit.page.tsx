import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import type { MastheadModel, CommentEditPageModel } from '../page-model.js';

/** The author's own comment, to change within the edit window. */
export function CommentEditPage({ masthead, model }: { masthead: MastheadModel; model: CommentEditPageModel }) {
  const t = masthead.i18n.t;
  return (
    <ReaderLayout masthead={masthead} title={t('comments.editHeading')}>
      <article class="comments-page">
        <p class="kicker">
          <a href={model.backHref}>{model.story.headline}</a>
        </p>
        <form method="post" action={model.action} class="comment-form">
          <h1>{t('comments.editHeading')}</h1>
          {model.error ? (
            <p class="form-error" role="alert">
              {model.error}
            </p>
          ) : null}
          <input type="hidden" name="_form" value={model.formToken} />
          <p>
            <label for="comment-body">{t('comments.text')}</label>
            <textarea id="comment-body" name="body" maxLength={5000} required rows={6}>
              {model.body}
            </textarea>
          </p>
          <p>
            <button type="submit">{t('comments.save')}</button> <a href={model.backHref}>{t('comments.backToStory')}</a>
          </p>
        </form>
      </article>
    </ReaderLayout>
  );
}

export function renderCommentEditPage(masthead: MastheadModel, model: CommentEditPageModel): string {
  return renderDocument(<CommentEditPage masthead={masthead} model={model} />);
}
