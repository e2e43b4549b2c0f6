import type { ProfileKind } from '../domain/profile/profile.js';
import type { MediaKind } from '../domain/media/media.js';
import type { ScriptDirection } from '../domain/service/service.js';
import type { Mark } from '../domain/body/body.js';

/**
 * Demo content as written by people: references between items are by key, resolved to ids
 * when the demo is loaded. Times are offsets from the moment of loading, so the demo always
 * looks fresh.
 */
export interface DemoService {
  readonly code: string;
  readonly name: string;
  readonly locale: string;
  readonly direction: ScriptDirection;
  readonly outlet: string;
  readonly position: number;
  readonly sections: readonly { readonly slug: string; readonly name: string }[];
  readonly tags: readonly { readonly slug: string; readonly name: string }[];
  /** The About text and contact details its editors would write (see ServiceInfo). */
  readonly info?: { readonly about: string; readonly email: string; readonly postal: string; readonly phone: string };
}

export interface DemoProfile {
  readonly key: string;
  readonly kind: ProfileKind;
  readonly name: string;
  readonly summary: string;
}

export interface DemoMedia {
  readonly key: string;
  readonly kind: MediaKind;
  readonly title: string;
  readonly caption: string | null;
  readonly credit: string | null;
  readonly altText: string | null;
  readonly durationMs: number | null;
  /** A file in src/demo/media/ made ready as one rendition; without it the item is "processing". */
  readonly file?: { readonly name: string; readonly mimeType: string; readonly width?: number; readonly height?: number };
  readonly poster?: { readonly name: string; readonly width: number; readonly height: number };
}

export type DemoInline =
  | { readonly type: 'text'; readonly text: string; readonly marks?: readonly Mark[] }
  | { readonly type: 'link'; readonly text: string; readonly href: string }
  | { readonly type: 'profile'; readonly text: string; readonly profile: string };

export type DemoElement =
  | { readonly type: 'paragraph'; readonly content: readonly DemoInline[] }
  | { readonly type: 'subheading'; readonly text: string }
  | { readonly type: 'quote'; readonly content: readonly DemoInline[]; readonly attribution?: string }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly (readonly DemoInline[])[] }
  | { readonly type: 'media'; readonly media: string }
  | { readonly type: 'profile'; readonly profile: string }
  | { readonly type: 'related'; readonly story: string };

export interface DemoComment {
  readonly author: string;
  readonly body: string;
  /** Index into the same story's comments list of the comment this one answers. */
  readonly replyTo?: number;
}

export interface DemoStory {
  readonly key: string;
  readonly serviceCode: string;
  readonly section: string;
  readonly slug?: string;
  readonly headline: string;
  readonly deck: string | null;
  readonly dateline: { readonly place: string; readonly outlet: string } | null;
  readonly bylines: readonly string[];
  readonly credits: readonly string[];
  readonly body: readonly DemoElement[];
  readonly leadMedia?: string;
  readonly tags: readonly string[];
  /** Minutes before the demo is loaded. */
  readonly publishedMinutesAgo: number;
  readonly commentsState: 'open' | 'closed';
  readonly comments: readonly DemoComment[];
  readonly notes?: readonly { readonly kind: 'update' | 'correction'; readonly text: string; readonly minutesAgo: number }[];
}

export interface DemoAlert {
  readonly serviceCode: string;
  readonly text: string;
  /** Key of a demo story the alert links to. */
  readonly story?: string;
  readonly durationMinutes: number;
}

export interface DemoContent {
  readonly services: readonly DemoService[];
  readonly profiles: readonly DemoProfile[];
  readonly media: readonly DemoMedia[];
  readonly stories: readonly DemoStory[];
  readonly alerts: readonly DemoAlert[];
}

/** What one service's fixture file contributes. */
export interface DemoServiceContent {
  readonly service: DemoService;
  readonly profiles?: readonly DemoProfile[];
  readonly media?: readonly DemoMedia[];
  readonly stories: readonly DemoStory[];
  readonly alerts?: readonly DemoAlert[];
}
