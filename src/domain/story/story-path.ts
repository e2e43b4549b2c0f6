/** Stable story URLs: the id decides, the slug is for people and may change (old slugs redirect). */
export function storyPath(story: { serviceCode: string; slug: string; id: number }): string {
  return `/${story.serviceCode}/a/${encodeURIComponent(story.slug)}/${story.id}`;
}

export function commentsPath(story: { serviceCode: string; slug: string; id: number }): string {
  return `${storyPath(story)}/comments`;
}
