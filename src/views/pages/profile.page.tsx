import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import { Pager, StoryList } from '../components/story-list.js';
import type { MastheadModel, ProfilePageModel } from '../page-model.js';
import { NAME_SLOT, WithNames } from '../components/isolate.js';
import { feedLinks } from '../distribution/feed-links.js';
import { absolute, personLd } from '../distribution/story-meta.js';

export function ProfilePage({ masthead, model }: { masthead: MastheadModel; model: ProfilePageModel }) {
  const { profile } = model;
  const t = masthead.i18n.t;
  const page = {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: absolute(masthead, model.canonicalPath),
    mainEntity: personLd(masthead, profile),
  };
  return (
    <ReaderLayout
      masthead={masthead}
      title={profile.name}
      description={profile.summary}
      canonicalPath={model.pagination.page > 1 ? model.pagination.hrefFor(model.pagination.page) : model.canonicalPath}
      feeds={feedLinks({ kind: 'profile', serviceCode: masthead.service.code, profileSlug: profile.slug, profileId: profile.id }, profile.name)}
      meta={{ type: 'profile', title: profile.name, description: profile.summary, image: null, jsonLd: [page] }}
    >
      <article class="profile" aria-labelledby="profile-name">
        <p class="kicker">{t(`profile.kind.${profile.kind}`)}</p>
        <h1 id="profile-name">
          <bdi>{profile.name}</bdi>
        </h1>
        {profile.summary ? <p class="profile-summary">{profile.summary}</p> : null}
        <section aria-labelledby="profile-stories">
          <h2 id="profile-stories">
            <WithNames text={t('profile.stories', { name: NAME_SLOT })} names={[profile.name]} />
          </h2>
          <StoryList stories={model.stories} masthead={masthead} media={model.media} />
          <Pager pagination={model.pagination} i18n={masthead.i18n} />
        </section>
      </article>
    </ReaderLayout>
  );
}

export function renderProfilePage(masthead: MastheadModel, model: ProfilePageModel): string {
  return renderDocument(<ProfilePage masthead={masthead} model={model} />);
}
