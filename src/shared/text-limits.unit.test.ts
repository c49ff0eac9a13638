import { describe, expect, it } from 'vitest';
import { clipText } from './text-limits.js';

describe('clipText', () => {
  it('keeps text within the limit as it is and cuts longer text to the limit', () => {
    expect(clipText('志愿服务', 4)).toBe('志愿服务');
    expect(clipText('志愿服务队', 4)).toBe('志愿服务');
  });

  it('never leaves half of an emoji', () => {
    const clipped = clipText('好😀好', 2);
    expect(clipped).toBe('好');
    expect(clipText('好😀好', 3)).toBe('好😀');
  });
});
