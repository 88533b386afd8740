import { describe, expect, it } from 'vitest';
import { componentTagsAsText } from '../../../scripts/desk/preview.ts';

describe('the preview of a body with components', () => {
  it('shows each component’s tags as text, in place, and leaves other text and escaped tags alone', () => {
    const body = '合成测试数据。\n\n<注>\n\n编者注。\n\n</注>\n\n<图片 文件="./01-1.jpg" />\n\n\\<注>是文字；<图片说明>不是组件。';
    expect(componentTagsAsText(body)).toBe('合成测试数据。\n\n\\<注>\n\n编者注。\n\n\\</注>\n\n\\<图片 文件="./01-1.jpg" />\n\n\\<注>是文字；<图片说明>不是组件。');
  });
});
