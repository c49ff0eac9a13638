import { describe, expect, it } from 'vitest';
import { checkPersonName, normalizePersonName } from './person-name.js';

describe('person names', () => {
  it('accept Chinese names, minority names with a middle dot, and Latin names', () => {
    for (const name of [
      '张三',
      '欧阳娜娜',
      '阿依古丽·买买提',
      '阿依古丽•买买提',
      'Anne-Marie O’Neil',
      'J. R. Smith',
      'José Müller',
    ])
      expect([name, checkPersonName(name)]).toEqual([name, null]);
  });

  it('refuse emoji, digits, symbols, mixed scripts and junk', () => {
    for (const name of ['张三😀', '张3', 'admin<script>', '张 三 Smith', '·张三', '张三·', 'Bob__', '!!!', '   '])
      expect([name, checkPersonName(name)]).not.toEqual([name, null]);
    expect(checkPersonName('   ')).toBe('empty');
  });

  it('limit the length: 20 Chinese characters, 40 Latin ones', () => {
    expect(checkPersonName('张'.repeat(20))).toBeNull();
    expect(checkPersonName('张'.repeat(21))).toBe('tooLong');
    expect(checkPersonName('a'.repeat(40))).toBeNull();
    expect(checkPersonName('a'.repeat(41))).toBe('tooLong');
  });

  it('store one kind of middle dot and single spaces', () => {
    expect(normalizePersonName(' 阿依古丽 ・ 买买提 ')).toBe('阿依古丽·买买提');
    expect(normalizePersonName('Anne   Smith')).toBe('Anne Smith');
  });
});
