import type { QueuedComment } from '../../../domain/comment/comment.js';
import { NewsroomLayout, type NewsroomMasthead } from '../../layouts/newsroom.layout.js';
import { BanForm, CommentDetails, queueUrl, type QueueView, type RefusedForm } from './comments.page.js';

export interface CommentBanPageProps {
  readonly masthead: NewsroomMasthead;
  readonly comment: QueuedComment;
  /** The queue view to go back to. */
  readonly view: QueueView;
  readonly refused?: RefusedForm | null;
}

/** One comment, in any state (a rejected one too), and the form that bans its author. */
export function CommentBanPage({ masthead, comment, view, refused = null }: CommentBanPageProps) {
  const { t } = masthead.i18n;
  const csrf = masthead.user?.csrfToken ?? '';
  return (
    <NewsroomLayout masthead={masthead} title={t('newsroom.comments.banPage')}>
      <h1>{t('newsroom.comments.banPage')}</h1>
      <p>
        <a href={queueUrl(view)}>{t('newsroom.comments.backToQueue')}</a>
      </p>
      <article class="queued-comment" aria-labelledby={`comment-${comment.id}-by`}>
        <p class="meta">
          {t('newsroom.comments.onStory')}:{' '}
          <a href={`/newsroom/stories/${comment.storyId}`} dir="auto">
            {comment.storyHeadline}
          </a>
        </p>
        <CommentDetails masthead={masthead} comment={comment} />
        <BanForm masthead={masthead} view={view} csrf={csrf} comment={comment} refused={refused} standalone />
      </article>
    </NewsroomLayout>
  );
}
