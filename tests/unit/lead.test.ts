import { describe, expect, it } from 'vitest';
import { leadOf } from '../../src/lib/lead.ts';

describe('leadOf', () => {
  it('takes the first paragraph, as plain text', () => {
    expect(leadOf('\n4月25日，省教育厅召开**“1331工程”**推进座谈会。\n\n第二段。')).toBe('4月25日，省教育厅召开“1331工程”推进座谈会。');
    // (A body has no import lines or tags: the content check refuses them; a stray tag still shows no markup.)
    expect(leadOf('见[《意见》](/policies/a/)。<X />')).toBe('见《意见》。');
  });
  it('cuts a long paragraph at the last sentence end that fits', () => {
    const body = `${'甲'.repeat(60)}。${'乙'.repeat(30)}！${'丙'.repeat(100)}。`;
    expect(leadOf(body, 120)).toBe(`${'甲'.repeat(60)}。${'乙'.repeat(30)}！`);
  });
  it('cuts mid-sentence with …… when no sentence ends late enough', () => {
    const lead = leadOf(`${'甲'.repeat(10)}。${'乙'.repeat(200)}。`, 120);
    expect([...lead]).toHaveLength(120);
    expect(lead.endsWith('……')).toBe(true);
  });
  it('keeps a closing quote with its sentence', () => {
    expect(leadOf(`${'甲'.repeat(70)}“好。”${'乙'.repeat(100)}`, 100)).toBe(`${'甲'.repeat(70)}“好。”`);
  });
  it('gives an empty string for an empty body', () => {
    expect(leadOf('')).toBe('');
  });
});

describe('leadOf, on what an import writes', () => {
  it('shows what the page shows: escapes undone, text between < and > kept', () => {
    expect(leadOf('经费按\\<管理办法\\>执行，\\{不得\\}挪用\\\\x。')).toBe('经费按<管理办法>执行，{不得}挪用\\x。');
    expect(leadOf('1\\. 第一项')).toBe('1. 第一项');
  });
});
