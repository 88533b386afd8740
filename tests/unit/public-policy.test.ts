/** The site's own guard of the public edition (src/lib/edition.ts isPublicPolicy), beside the content check's rule. */
import { describe, expect, it } from 'vitest';
import { isPublicPolicy, type PolicyClassification } from '../../src/lib/edition.ts';

const base: PolicyClassification = { visibility: 'public', mentionedIn: [] };

describe('which policies the public edition may hold', () => {
  it('a public document disclosed as 主动公开 or 公开发布, with or without text', () => {
    for (const disclosure of ['主动公开', '公开发布'] as const) {
      expect(isPublicPolicy({ ...base, disclosure }, true)).toBe(true);
      expect(isPublicPolicy({ ...base, disclosure }, false)).toBe(true);
    }
  });

  it('never one with a 密级 or a 保密期限, whatever else it says', () => {
    expect(isPublicPolicy({ ...base, disclosure: '主动公开', secrecy: '绝密' }, true)).toBe(false);
    expect(isPublicPolicy({ ...base, disclosure: '公开发布', secrecyPeriod: '30年' }, false)).toBe(false);
    expect(isPublicPolicy({ ...base, secrecy: '秘密', mentionedIn: ['2017-02/05'] }, false)).toBe(false);
  });

  it('never one disclosed otherwise, or marked internal', () => {
    for (const disclosure of ['依申请公开', '不予公开', '不公开'] as const) expect(isPublicPolicy({ ...base, disclosure, mentionedIn: ['2017-02/05'] }, false)).toBe(false);
    expect(isPublicPolicy({ visibility: 'internal', disclosure: '主动公开', mentionedIn: [] }, true)).toBe(false);
  });

  it('without a 公开方式, only a catalogue entry (no text) that names the article it comes from', () => {
    expect(isPublicPolicy({ ...base, mentionedIn: ['2017-02/05'] }, false)).toBe(true);
    expect(isPublicPolicy({ ...base, mentionedIn: [] }, false)).toBe(false);
    expect(isPublicPolicy({ ...base, mentionedIn: ['2017-02/05'] }, true)).toBe(false);
  });
});
