import type { Assets } from '../page-model.js';

/**
 * What every page's head links besides its stylesheet: the favicon set and the web app
 * manifest, and on right-to-left pages the Persian/Arabic typeface, preloaded so the text
 * swaps to it early (only there: other pages never fetch it, its @font-face has a unicode-range).
 */
export function HeadLinks({ assets, rtl = false }: { assets: Assets; rtl?: boolean }) {
  return (
    <>
      {assets.icon ? <link rel="icon" href={assets.icon} type="image/svg+xml" /> : null}
      {assets.appleTouchIcon ? <link rel="apple-touch-icon" href={assets.appleTouchIcon} /> : null}
      {assets.manifest ? <link rel="manifest" href={assets.manifest} /> : null}
      <meta name="theme-color" content="#0b4f8a" />
      {rtl
        ? (assets.arabicFonts ?? []).map((font) => <link key={font} rel="preload" href={font} as="font" type="font/woff2" crossorigin="anonymous" />)
        : null}
    </>
  );
}
