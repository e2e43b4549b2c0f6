/** What happened, told to everything that must react (page cache, live pages, jobs, webhooks). */
/** What happened to a story, for those outside (webhooks); absent for changes they are not told of. */
export type StoryChange = 'published' | 'updated' | 'unpublished' | 'corrected';

export type DatelineEvent =
  | { readonly type: 'story.changed'; readonly storyId: number; readonly serviceCode: string; readonly change?: StoryChange }
  | { readonly type: 'alert.changed'; readonly serviceCode: string; readonly alertId: number }
  | { readonly type: 'comments.changed'; readonly storyId: number; readonly serviceCode: string; readonly approvedCommentId?: number }
  /** An entry of a live story was posted, edited or deleted. */
  | { readonly type: 'live.changed'; readonly storyId: number; readonly serviceCode: string; readonly entryId: number }
  | { readonly type: 'profile.changed'; readonly profileId: number }
  | { readonly type: 'media.changed'; readonly mediaId: number }
  | { readonly type: 'service.changed'; readonly serviceCode: string }
  /** The list of services every page's masthead shows changed: one added, renamed, reordered. */
  | { readonly type: 'services.changed' };
