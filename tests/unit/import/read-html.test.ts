/**
 * A site's page saved as HTML (scripts/import/read-html.ts): the metadata table before the article,
 * its labels in the cells or drawn by the stylesheet. Synthetic page (合成测试数据).
 */
import { describe, expect, it } from 'vitest';
import { blocksFromHtml } from '../../../scripts/import/read-html.ts';

const page = (labelCell: (label: string) => string) => `<!DOCTYPE html><html lang="zh-CN"><body>
<table class="xxgk-info"><tr>${labelCell('索引号')}<td>0000000017/2012-90001</td></tr>
<tr>${labelCell('发文字号')}<td>示教发〔2012〕114号</td></tr><tr><th data-label="合成测试数据"></th><td>甲</td></tr></table>
<div class="article"><p>各普通本科高等学校：</p><p>为提高质量监测工作水平，我们制定了本办法，本文件为合成测试数据，文中机关均为虚构。</p></div>
</body></html>`;

describe('a saved page\'s metadata table', () => {
  it('reads labels drawn by the stylesheet from data-label as the labels typed in the cells', () => {
    const typed = blocksFromHtml(page((label) => `<th>${label}</th>`)).map((b) => b.text);
    const drawn = blocksFromHtml(page((label) => `<th class="label" data-label="${label}"></th>`)).map((b) => b.text);
    expect(drawn.slice(0, 2)).toEqual(['索引号：0000000017/2012-90001', '发文字号：示教发〔2012〕114号']);
    expect(drawn).toEqual(typed);
    // An attribute that names no label (data-label="合成测试数据") is not read as one.
    expect(drawn.some((t) => t.startsWith('合成测试数据'))).toBe(false);
  });
});
