import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/domain/jobs/job.js';
import { checkImagePixels, imageWidths, scaledWidth, videoHeights } from '../../src/domain/media/renditions-plan.js';

describe('rendition plans', () => {
  it('makes video heights from the ladder, never above the source', () => {
    expect(videoHeights(1080)).toEqual([360, 720]);
    expect(videoHeights(720)).toEqual([360, 720]);
    expect(videoHeights(480)).toEqual([360]);
    expect(videoHeights(241)).toEqual([240]);
  });

  it('makes image widths up to the original, never wider', () => {
    expect(imageWidths(4000)).toEqual([320, 640, 1024, 1600]);
    expect(imageWidths(700)).toEqual([320, 640, 700]);
    expect(imageWidths(640)).toEqual([320, 640]);
    expect(imageWidths(200)).toEqual([200]);
  });

  it('predicts the even width ffmpeg scales to', () => {
    expect(scaledWidth(1280, 720, 360)).toBe(640);
    expect(scaledWidth(854, 480, 360)).toBe(640);
    expect(scaledWidth(720, 1280, 360)).toBe(202);
  });
});

describe('job retries', () => {
  it('wait twice as long after each failure, up to the cap', () => {
    const policy = { baseDelayMs: 1_000, maxDelayMs: 5_000 };
    expect([1, 2, 3, 4, 10].map((attempt) => retryDelayMs(attempt, policy))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('takes images of up to 50 megapixels and refuses larger ones with their size', () => {
    expect(() => checkImagePixels(10_000, 5_000)).not.toThrow();
    expect(() => checkImagePixels(8_000, 6_000)).not.toThrow();
    expect(() => checkImagePixels(10_000, 5_001)).toThrow('the image is 10000 x 5001 pixels (51 megapixels): an image may have at most 50 megapixels');
  });
});
