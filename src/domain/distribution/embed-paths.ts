/** The embeddable player page of a media item: the only page other sites may frame. */
export function embedPath(mediaId: number): string {
  return `/embed/media/${mediaId}`;
}
