import path from 'node:path';
import { encodeAac, encodeMp3 } from '../../../media/ffmpeg/audio.js';
import type { MediaInput } from '../../../media/ffmpeg/video.js';
import { existing, newKey, saveRenditions, type MediaWork } from './work.js';

/** AAC (.m4a) first, which makes the item ready, then MP3. */
export async function makeAudioRenditions(work: MediaWork, source: MediaInput): Promise<void> {
  const steps = [
    { label: 'AAC', name: 'audio.m4a', mimeType: 'audio/mp4', encode: encodeAac },
    { label: 'MP3', name: 'audio.mp3', mimeType: 'audio/mpeg', encode: encodeMp3 },
  ];
  for (const step of steps) {
    if (existing(work, step.label)) continue;
    const file = path.join(work.dir, step.name);
    await step.encode(source, file, work.signal);
    const stored = await work.deps.media.storage.put(newKey(work, step.name), file);
    await saveRenditions(work, [
      { kind: 'audio', mimeType: step.mimeType, path: stored.key, width: null, height: null, sizeBytes: stored.sizeBytes, label: step.label },
    ]);
  }
}
