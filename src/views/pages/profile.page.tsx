import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import { Pager, StoryList } from '../components/story-list.js';
import type { Chrome, ProfilePageModel } from '../page-model.js';
import { NAME_SLOT, WithNames } from '../components/isolate.js';
import { feedLinks } from '../distribution/feed-links.js';
import { absolute, personLd } from '../distribution/story-meta.js';

export function ProfilePage({ chrome, model }: { chrome: Chrome; model: ProfilePageModel }) {
  const { profile } = model;
  const t = chrome.i18n.t;
  const page = {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: absolute(chrome, model.canonicalPath),
    mainEntity: personLd(chrome, profile),
  };
  return (
    <ReaderLayout
      chrome={chrome}
      title={profile.name}
      description={profile.summary}
      canonicalPath={model.pagination.page > 1 ? model.pagination.hrefFor(model.pagination.page) : model.canonicalPath}
      feeds={feedLinks({ kind: 'profile', serviceCode: chrome.service.code, profileSlug: profile.slug, profileId: profile.id }, profile.name)}
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
          <StoryList stories={model.stories} i18n={chrome.i18n} />
          <Pager pagination={model.pagination} i18n={chrome.i18n} />
        </section>
      </article>
    </ReaderLayout>
  );
}

export function renderProfilePage(chrome: Chrome, model: ProfilePageModel): string {
  return renderDocument(<ProfilePage chrome={chrome} model={model} />);
}
