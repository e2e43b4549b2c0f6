import { renderDocument } from '../render.js';
import { ReaderLayout } from '../layouts/reader.layout.js';
import { Pager, StoryList } from '../components/story-list.js';
import type { Chrome, ProfilePageModel } from '../page-model.js';
import { NAME_SLOT, WithNames } from '../components/isolate.js';

export function ProfilePage({ chrome, model }: { chrome: Chrome; model: ProfilePageModel }) {
  const { profile } = model;
  const t = chrome.i18n.t;
  return (
    <ReaderLayout chrome={chrome} title={profile.name} description={profile.summary}>
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
