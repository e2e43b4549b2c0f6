import type { ChromeData } from '../../../actions/reader/page-result.js';
import { translatorFor } from '../../../i18n/i18n.js';
import type { Assets, Chrome } from '../../../views/page-model.js';

export const MEDIA_BASE = '/media/';

export function toChrome(data: ChromeData, assets: Assets, siteUrl: URL): Chrome {
  return { ...data, assets, i18n: translatorFor(data.service.locale), mediaBase: MEDIA_BASE, siteUrl };
}
