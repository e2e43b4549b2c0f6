import type { MastheadData } from '../../../actions/reader/page-result.js';
import { translatorFor } from '../../../i18n/i18n.js';
import type { Assets, MastheadModel } from '../../../views/page-model.js';

export const MEDIA_BASE = '/media/';

export function toMasthead(data: MastheadData, assets: Assets): MastheadModel {
  return { ...data, assets, i18n: translatorFor(data.service.locale), mediaBase: MEDIA_BASE };
}
