import type { Readable } from 'node:stream';

/** What the storage knows about a stored file. */
export interface StoredFile {
  readonly key: string;
  readonly sizeBytes: number;
}

/**
 * Where media files live, behind one interface: local disk today, an S3-compatible store
 * later without touching callers. Keys are "a/b/c.mp4" paths made of safe segments; a key
 * is written once and never changed in place (a new rendition gets a new key), so what is
 * served under it can be cached forever.
 */
export interface MediaStorage {
  /** Copies a local file in under `key`; refuses to overwrite an existing key. Readers never see part of it. */
  put(key: string, sourceFile: string): Promise<StoredFile>;
  /**
   * Copies a local folder in under the folder key `key`, all at once: readers see no file of it
   * until every file is there (an HLS master playlist never points at a playlist not yet
   * stored). Refuses an existing key. Returns the files' keys, sorted, and their total size.
   */
  putFolder(key: string, sourceDir: string): Promise<{ readonly keys: readonly string[]; readonly sizeBytes: number }>;
  /** Removes what processes that died (SIGKILL, power cut) left half copied in. Run at start. */
  removeAbandoned(): Promise<void>;
  /** Streams the stored file, or a byte range of it (`end` inclusive). */
  open(key: string, range?: { readonly start: number; readonly end?: number }): Promise<Readable>;
  /** The stored file's size, or null when there is no such key. */
  stat(key: string): Promise<StoredFile | null>;
  /** Removes a key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** The URL path a reader fetches it from, e.g. "/media/2026/11/ab12/360p.mp4". */
  urlPath(key: string): string;
}
