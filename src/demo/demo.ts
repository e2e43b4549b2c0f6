import { enContent } from './content/en.js';
import { faContent } from './content/fa.js';
import { kyContent } from './content/ky.js';
import { ruContent } from './content/ru.js';
import type { DemoContent, DemoServiceContent } from './demo-content.js';

const parts: readonly DemoServiceContent[] = [enContent, kyContent, ruContent, faContent];

/** The demo site: the reference story and its neighbours in English, Kyrgyz, Russian and Persian. */
export const demoContent: DemoContent = {
  services: parts.map((part) => part.service),
  profiles: parts.flatMap((part) => part.profiles ?? []),
  media: parts.flatMap((part) => part.media ?? []),
  stories: parts.flatMap((part) => part.stories),
  alerts: parts.flatMap((part) => part.alerts ?? []),
};
