import { describe, expect, it } from 'vitest';
import { mayChangeRole, mayInviteAs, mayRemove, nextStatus } from './membership-rules.js';
import { wouldCreateCycle } from './parent-chain.js';

describe('wouldCreateCycle', () => {
  const parentOf = new Map<string, string | null>([
    ['root', null],
    ['a', 'root'],
    ['b', 'a'],
    ['c', 'b'],
  ]);
  it('allows a parent outside the organisation’s subtree', () => {
    expect(wouldCreateCycle('b', 'root', parentOf)).toBe(false);
    expect(wouldCreateCycle(null, 'c', parentOf)).toBe(false);
  });
  it('refuses the organisation itself and its descendants', () => {
    expect(wouldCreateCycle('a', 'a', parentOf)).toBe(true);
    expect(wouldCreateCycle('a', 'c', parentOf)).toBe(true);
  });
  it('stops on a loop already in the data', () => {
    const broken = new Map<string, string | null>([
      ['x', 'y'],
      ['y', 'x'],
    ]);
    expect(wouldCreateCycle('z', 'x', broken)).toBe(true);
  });
});

describe('membership rules', () => {
  it('moves requests and invitations by their own events only', () => {
    expect(nextStatus('request', 'approve')).toBe('approved');
    expect(nextStatus('request', 'accept')).toBeNull();
    expect(nextStatus('invitation', 'accept')).toBe('accepted');
    expect(nextStatus('invitation', 'approve')).toBeNull();
  });
  it('keeps the leader role in the hands of leaders', () => {
    expect(mayChangeRole('admin', 'member', 'admin')).toBe(true);
    expect(mayChangeRole('admin', 'member', 'leader')).toBe(false);
    expect(mayChangeRole('admin', 'leader', 'member')).toBe(false);
    expect(mayChangeRole('leader', 'leader', 'member')).toBe(true);
    expect(mayChangeRole('none', 'member', 'admin')).toBe(false);
    expect(mayRemove('admin', 'leader')).toBe(false);
    expect(mayRemove('admin', 'admin')).toBe(true);
    expect(mayInviteAs('admin', 'leader')).toBe(false);
  });
});
