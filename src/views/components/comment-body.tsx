import { splitLinks } from '../../domain/comment/comment-text.js';

/** A reader's plain text: paragraphs and line breaks kept, web addresses linked with rel="nofollow ugc noopener". */
export function CommentBody({ text }: { text: string }) {
  return (
    <div class="comment-body">
      {text.split(/\n\s*\n/).map((paragraph, index) => (
        <p key={index}>
          {paragraph.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {splitLinks(line).map((run) =>
                run.kind === 'link' ? (
                  <a href={run.href} rel="nofollow ugc noopener" target="_blank">
                    {run.text}
                  </a>
                ) : (
                  run.text
                ),
              )}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}
