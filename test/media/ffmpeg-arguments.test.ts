import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedContainer, refusedContainer } from '../../src/media/ffmpeg/containers.js';
import { mp4Args } from '../../src/media/ffmpeg/video.js';

const SRC = path.resolve(import.meta.dirname, '../../src');

describe('how ffmpeg and ffprobe are run', () => {
  it('reads the input through the file protocol only, with its accepted container forced', () => {
    const args = mp4Args({ file: '/scratch/original', container: 'matroska' }, '/scratch/720p.mp4', 720);
    const input = args.indexOf('-i');
    expect(args.slice(input - 6, input + 2)).toEqual([
      '-protocol_whitelist', 'file,pipe', '-format_whitelist', 'matroska', '-f', 'matroska', '-i', 'file:/scratch/original',
    ]);
    expect(args.slice(-3)).toEqual(['-protocol_whitelist', 'file', '/scratch/720p.mp4']);
  });

  it('gives every ffmpeg and ffprobe run in src/ its input through lockedInput, never a bare -i', () => {
    const files = (fs.readdirSync(SRC, { recursive: true }) as string[]).filter((name) => /\.tsx?$/.test(name));
    const runners = files.filter((name) => /['"](ffmpeg|ffprobe)['"]/.test(fs.readFileSync(path.join(SRC, name), 'utf8')));
    expect(runners.length).toBeGreaterThan(0);
    const bareInputs = files.filter((name) => name !== path.join('media', 'ffmpeg', 'containers.ts') && /['"]-i['"]/.test(fs.readFileSync(path.join(SRC, name), 'utf8')));
    expect(bareInputs).toEqual([]);
  });

  it('accepts containers by demuxer name and tells a playlist from another refused container', () => {
    expect(acceptedContainer('mov,mp4,m4a,3gp,3g2,mj2')).toBe('mov');
    expect(acceptedContainer('matroska,webm')).toBe('matroska');
    expect(acceptedContainer('hls')).toBeNull();
    expect(acceptedContainer('image2')).toBeNull();
    expect(refusedContainer("[hls @ 0x55ab6b2cc640] Format not on whitelist 'mov' / file:x: Invalid argument")).toBe('indirection');
    expect(refusedContainer("[concat @ 0x561500818680] Format not on whitelist 'mov'")).toBe('indirection');
    expect(refusedContainer("[amrnb @ 0x55d4651b14c0] Format not on whitelist 'mov'")).toBe('other');
    expect(refusedContainer('file:x: Invalid data found when processing input')).toBeNull();
  });
});
