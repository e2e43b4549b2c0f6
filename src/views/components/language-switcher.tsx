import { storyPath } from '../../domain/story/story-path.js';
import type { StoryTranslation } from '../../domain/story/translation.js';
import { directionOf, languageNameOf } from '../../i18n/i18n.js';
import type { Translator } from '../../i18n/i18n.js';

/**
 * Links to a story's versions in other services, each named in its own language (and marked
 * as such with `lang` and `dir`, so a screen reader says "Русский" in Russian). Nothing when
 * the story has no published version elsewhere.
 */
export function LanguageSwitcher({ i18n, storyId, versions }: { i18n: Translator; storyId: number; versions: readonly StoryTranslation[] }) {
  const others = versions.filter((version) => version.id !== storyId);
  if (others.length === 0) return null;
  return (
    <nav class="language-switcher" aria-labelledby="language-switcher-title">
      <p id="language-switcher-title" class="language-switcher-title">
        {i18n.t('story.translations')}
      </p>
      <ul>
        {others.map((version) => (
          <li>
            <a href={storyPath(version)} hreflang={version.locale} lang={version.locale} dir={directionOf(version.locale)}>
              {languageNameOf(version.locale)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
