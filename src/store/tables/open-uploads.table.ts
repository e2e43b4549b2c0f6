/** A resumable upload started and not yet finished or cancelled (the tus upload id). */
export interface OpenUploadsTable {
  id: string;
  user_id: number;
  created_at: number;
}
