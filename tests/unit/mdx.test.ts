/** The small facts of the body components: sizes, types, CSV tables, which bodies are MDX, their text. */
import { describe, expect, it } from 'vitest';
import { attachmentType, compiledAsMdx, fileNameProblem, formatFileSize, usesComponents } from '../../src/lib/mdx/components.ts';
import { CsvTableError, readCsvTable } from '../../src/lib/mdx/csv-table.ts';
import { photoCredit } from '../../src/lib/mdx/credit.ts';
import { bodyTexts, paragraphTexts } from '../../src/lib/markdown.ts';

describe('an attachment as a reader is told of it', () => {
  it('gives sizes as file managers do: whole kilobytes, megabytes with one decimal below 10', () => {
    expect(formatFileSize(0)).toBe('1 KB');
    expect(formatFileSize(200)).toBe('1 KB');
    expect(formatFileSize(364_544)).toBe('356 KB');
    expect(formatFileSize(1024 * 1024)).toBe('1 MB');
    expect(formatFileSize(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(formatFileSize(12.4 * 1024 * 1024)).toBe('12 MB');
    expect(formatFileSize(3 * 1024 ** 3)).toBe('3 GB');
  });
  it('names the type by the extension, whatever its case', () => {
    expect(attachmentType('./方案.PDF')).toBe('PDF');
    expect(attachmentType('./名单.xlsx')).toBe('Excel');
    expect(attachmentType('./通知.docx')).toBe('Word');
  });
});

describe('a file a component names', () => {
  it('is beside the article and of its kind', () => {
    expect(fileNameProblem('./01-1.jpg', 'photo')).toBeUndefined();
    expect(fileNameProblem('./表1.csv', 'csv')).toBeUndefined();
    expect(fileNameProblem('01-1.jpg', 'photo')).toMatch(/^应为放在文章旁边的文件/);
    expect(fileNameProblem('./sub/01-1.jpg', 'photo')).toMatch(/^应为放在文章旁边的文件/);
    expect(fileNameProblem('https://example.org/a.pdf', 'attachment')).toMatch(/^应为放在文章旁边的文件/);
    expect(fileNameProblem('./a.exe', 'attachment')).toMatch(/^应为 pdf、ofd、doc/);
  });
});

describe('a CSV table', () => {
  it('reads quoted cells with commas, quotes and line breaks, and a byte-order mark', () => {
    expect(readCsvTable('\uFEFF项目,说明\n甲,"含逗号, 与""引号"""\n乙,"两\n行"\n')).toEqual({
      header: ['项目', '说明'],
      rows: [
        ['甲', '含逗号, 与"引号"'],
        ['乙', '两\n行'],
      ],
    });
  });
  it('refuses a file without rows, a row of another width (at its line) and an unclosed quote', () => {
    expect(() => readCsvTable('项目,数量\n')).toThrow('CSV 文件应至少有两行');
    const error: unknown = (() => {
      try {
        readCsvTable('项目,数量\n甲,1\n乙,2,3\n');
        return undefined;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CsvTableError);
    expect((error as CsvTableError).line).toBe(3);
    expect(() => readCsvTable('项目,数量\n甲,"1\n')).toThrow(/CSV 文件第 \d+ 行无法读取/);
  });
});

describe('which bodies are MDX', () => {
  it('those with a component tag, not an escaped one', () => {
    expect(usesComponents('甲。\n\n<注>\n\n乙。\n\n</注>')).toBe(true);
    expect(usesComponents('<图片 文件="./a.jpg" />')).toBe(true);
    expect(usesComponents('甲 \\<注> 乙。')).toBe(false);
    expect(usesComponents('<注释>不是组件。')).toBe(false);
    expect(usesComponents('甲。')).toBe(false);
  });
  it('and those with what the Markdown writer and Astro\'s JSX write differently; the rest keep the fast path', () => {
    for (const character of ['&', '<', '>', '"', "'"]) expect(compiledAsMdx(`甲${character}乙。`)).toBe(true);
    const otherwise = ['| 甲 | 乙 |\n|---|:-:|\n| 1 | 2 |', '甲 | 乙\n--|--\n1 | 2', '甲\n\n***\n\n乙', '甲\n\n- - -', '甲  \n乙', '甲\\\n乙', '甲[^1]\n\n[^1]: 注', '- [ ] 未办', '1. [x] 已办'];
    for (const body of otherwise) expect(compiledAsMdx(body), body).toBe(true);
    expect(compiledAsMdx('<注>\n\n乙。\n\n</注>')).toBe(true);
    expect(compiledAsMdx('“1331工程”**强调**，[链接](https://example.org/a)。\n\n- 一\n- 二\n\n## 标题\n\n1. 甲\n\n```\n代码\n```')).toBe(false);
  });
});

describe('the text of a body with components', () => {
  const body = [
    '<图片 文件="./01-1.jpg" 图注="会议现场" 替代文字="会场" 摄影="某某" />',
    '第一段。',
    '<表格 标题="名单" 文件="./表1.csv" />',
    '<附件 文件="./01-附件1.pdf" 标题="实施方案" />',
    '第二段。',
    '<注>\n\n本文有删节。\n\n</注>',
  ].join('\n\n');
  it('keeps the article\'s own paragraphs apart from what the components show', () => {
    expect(paragraphTexts(body)).toEqual(['第一段。', '第二段。']);
    expect(bodyTexts(body)).toEqual({ paragraphs: ['第一段。', '第二段。'], components: ['会议现场', '名单', '实施方案', '本文有删节。'] });
  });
  it('has no component text in a Markdown body', () => {
    expect(bodyTexts('第一段。\n\n第二段。').components).toEqual([]);
  });
  it('gives a table\'s cells for search, a row a line, from the CSV file a 表格 names as from a Markdown table', () => {
    const csv = '单位（合成）,人数\n"合成学院，甲",12\n合成学院乙,7\n';
    const files: Record<string, string> = { '表1.csv': csv };
    expect(bodyTexts(body, (name) => files[name]).components).toEqual(['会议现场', '名单', '单位（合成） 人数', '合成学院，甲 12', '合成学院乙 7', '实施方案', '本文有删节。']);
    const markdown = '<表格 标题="名单二">\n\n| 单位 | 人数 |\n| --- | --- |\n| 合成学院丙 | 3 |\n\n</表格>\n\n| 年份 | 项目 |\n| --- | --- |\n| 2017 | **合成项目** |';
    expect(bodyTexts(markdown).components).toEqual(['名单二', '单位 人数', '合成学院丙 3', '年份 项目', '2017 合成项目']);
    // A file that is not there, or is no table: its title only (the content check refuses it).
    expect(bodyTexts('<表格 标题="名单" 文件="./表9.csv" />', (name) => files[name]).components).toEqual(['名单']);
    expect(bodyTexts('<表格 标题="名单" 文件="./表1.csv" />', () => '只有一行').components).toEqual(['名单']);
  });
});

describe('a photo\'s credit', () => {
  it('is the photographer, else the source', () => {
    expect(photoCredit({ photographer: '张三' })).toBe('摄影：张三');
    expect(photoCredit({ source: '某单位' })).toBe('来源：某单位');
    expect(photoCredit({})).toBeUndefined();
  });
});
