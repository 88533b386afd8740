import { describe, expect, it } from 'vitest';
import { blockOfContent, blocksFromPdfPages, linesFromItems, nextItem, type PdfLine } from '../../../scripts/import/read-pdf.ts';

// Synthetic page geometry (A4 points): a text block from x=80 to x=520, 16pt type on a 28pt pitch.
const line = (text: string, y: number, left = 80, right = 520, size = 16): PdfLine => ({ text, left, right, y, size, spread: false });

describe('PDF lines', () => {
  it('groups runs into lines by baseline and orders them left to right', () => {
    const items = [
      { str: '厅', x: 96, y: 700, width: 16, fontSize: 16 },
      { str: '省教育', x: 48 + 0, y: 700.2, width: 48, fontSize: 16 },
      { str: '第二行', x: 48, y: 672, width: 48, fontSize: 16 },
    ];
    expect(linesFromItems(items).map((l) => l.text)).toEqual(['省教育厅', '第二行']);
  });

  it('marks a line whose parts stand far apart, and undoes spread spacing', () => {
    const items = [
      { str: '某某办公室', x: 80, y: 600, width: 80, fontSize: 16 },
      { str: '2020年3月9日', x: 420, y: 600, width: 100, fontSize: 16 },
      { str: '工 作 要 讯', x: 200, y: 650, width: 200, fontSize: 40 },
    ];
    const lines = linesFromItems(items);
    expect(lines.map((l) => [l.text, l.spread])).toEqual([
      ['工作要讯', false],
      ['某某办公室 2020年3月9日', true],
    ]);
  });
});

describe('PDF blocks', () => {
  it('starts a paragraph at an indented line or after a short line, and drops the page number', () => {
    const page = [
      line('第一段第一行，', 700, 112),
      line('第二行写满，', 672),
      line('第三行写满，', 644),
      line('最后一行。', 616, 80, 160),
      line('第二段第一行，', 588, 112),
      line('— 1 —', 40, 280, 320, 14),
    ];
    expect(blocksFromPdfPages([page]).map((b) => b.text)).toEqual(['第一段第一行，第二行写满，第三行写满，最后一行。', '第二段第一行，']);
  });

  it('continues a paragraph on the next page when the first line there is not indented', () => {
    const pages = [
      [line('会议认为，', 700, 112), line('这是贯', 672), line('— 1 —', 40, 280, 320, 14)],
      [line('— 2 —', 800, 280, 320, 14), line('彻落实的重要举措。', 700, 80, 224), line('新的一段。', 672, 112, 192)],
    ];
    expect(blocksFromPdfPages(pages).map((b) => b.text)).toEqual(['会议认为，这是贯彻落实的重要举措。', '新的一段。']);
  });

  it('keeps a list item with its wrapped second line, and a headline apart from the body', () => {
    const page = [
      line('◆ 吴俊清在省高校工委、教育厅党组“两提一创”专项活动动', 700),
      line('员会上提出要求', 672, 104, 216),
      line('◆ 第二条', 644, 80, 150),
      line('标题文字', 600, 200, 400, 22),
      line('正文第一行。', 560, 112, 208),
    ];
    const blocks = blocksFromPdfPages([page]);
    expect(blocks.map((b) => [b.text, Boolean(b.listItem)])).toEqual([
      ['◆ 吴俊清在省高校工委、教育厅党组“两提一创”专项活动动员会上提出要求', true],
      ['◆ 第二条', true],
      ['标题文字', false],
      ['正文第一行。', false],
    ]);
  });
});

describe('the items of a list', () => {
  it('knows the next item by its mark, of the same style', () => {
    expect(nextItem('（二）学科方向明确；', '（三）有稳定的研究团队；')).toBe(true);
    expect(nextItem('九、附则', '十、其他')).toBe(true);
    expect(nextItem('1.完善配套政策。', '2.加强经费保障。')).toBe(true);
    expect(nextItem('(1)条件保障有力；', '（2）管理制度健全。')).toBe(true);
    expect(nextItem('（二）学科方向明确；', '（四）具备条件。')).toBe(false);
    expect(nextItem('（二）学科方向明确；', '3.完善配套政策。')).toBe(false);
    expect(nextItem('主要包括：', '（一）平台运行；')).toBe(false);
  });

  describe('a text that marks its paragraphs by neither an indent nor space', () => {
    // Every line starts at the left edge; a paragraph ends where a line stops short — or, by chance, fills it.
    const page = [
      line('第四条　申报项目，应当具备下列条件：', 700),
      line('（一）学科方向明确，特色鲜明；', 672, 80, 400),
      line('（二）有稳定的研究团队。', 644, 80, 360),
      line('为做好工作，现印发给你们，请认真执行，本文件为合成测试数据。', 616),
      line('执行中遇到的问题，请及时反馈。', 588, 80, 320),
      line('这一段写了两行，第一行以句号结束也写满了一行。', 560),
      line('第二行短。', 532, 80, 160),
      line('示例省教育厅', 480, 400, 496),
      line('2019年7月13日', 452, 392, 496),
      line('相关附件：', 424, 80, 160),
    ];
    const blocks = blocksFromPdfPages([page]);

    it('starts a list at its first item after the line that announces it, however full that line', () => {
      expect(blocks.map((b) => b.text).slice(0, 3)).toEqual(['第四条　申报项目，应当具备下列条件：', '（一）学科方向明确，特色鲜明；', '（二）有稳定的研究团队。']);
    });

    it('joins a full line that ends a sentence to the next, and names each such place for the editor', () => {
      const joined = blocks.filter((b) => b.uncertain);
      expect(joined.map((b) => b.text)).toEqual([
        '为做好工作，现印发给你们，请认真执行，本文件为合成测试数据。执行中遇到的问题，请及时反馈。',
        '这一段写了两行，第一行以句号结束也写满了一行。第二行短。',
      ]);
      expect(joined.flatMap((b) => b.uncertain!)).toEqual([
        expect.stringMatching(/^第1页：“.*合成测试数据。\|执行中遇到的问题，请及时”/),
        expect.stringMatching(/^第1页：“.*写满了一行。\|第二行短。”/),
      ]);
    });

    it('ends a line set to the right (a date) before a line at the left edge under it', () => {
      expect(blocks.map((b) => b.text).slice(-3)).toEqual(['示例省教育厅', '2019年7月13日', '相关附件：']);
    });
  });

  it('names no place where the paragraphs are marked by an indent', () => {
    const page = [
      line('第一段第一行写满了，这一行也以句号结束了。', 700, 112),
      line('第二行接着写。', 672, 80, 200),
      line('第二段第一行写满了，这一行以句号结束了。', 644, 112),
      line('第二段第二行写满了，这一行也以句号结束。', 616),
      line('第二段第三行。', 588, 80, 200),
    ];
    expect(blocksFromPdfPages([page]).flatMap((b) => b.uncertain ?? [])).toEqual([]);
  });

  it('drops a line at the head of most pages that stands apart from the text, never a line of the text at its own pitch', () => {
    // Three pages; the same wrapped line of a repeated sentence opens pages 2 and 3, at the text's pitch.
    const repeated = '专项资金实行专款专用，任何单位和个人不得截留、挤';
    const pages = [
      [line('第一段。', 700, 112, 192), line('（一）明确目标任务', 672, 112, 272)],
      [line(repeated, 700), line('占、挪用。', 672, 80, 160), line('第二段。', 644, 112, 192)],
      [line(repeated, 700), line('占、挪用。', 672, 80, 160), line('第三段。', 644, 112, 192)],
    ];
    expect(blocksFromPdfPages(pages).filter((b) => b.text.startsWith(repeated))).toHaveLength(2);
    // The same line standing above the text, a gap wider than the pitch below it: a running header.
    const headed = pages.map((lines, i) => (i === 0 ? lines : [{ ...lines[0]!, text: '示例省教育厅文件汇编', y: 760 }, ...lines.slice(1)]));
    expect(blocksFromPdfPages(headed).some((b) => b.text.includes('汇编'))).toBe(false);
  });

  it("ends a paragraph where a tagged PDF's structure says, however full the line", () => {
    // As Chrome tags a page: each P holds its marked content; a heading's lines one H1.
    const tree = {
      role: 'Root',
      children: [{ role: 'Document', children: [
        { role: 'H1', children: [{ role: 'NonStruct', children: [{ type: 'content', id: 'mc0' }] }, { type: 'content', id: 'mc1' }] },
        { role: 'P', children: [{ role: 'NonStruct', children: [{ type: 'content', id: 'mc2' }] }] },
        { role: 'P', children: [{ type: 'content', id: 'mc3' }] },
      ] }],
    };
    const blocks = blockOfContent(tree);
    expect([...blocks]).toEqual([['mc0', 0], ['mc1', 0], ['mc2', 1], ['mc3', 2]]);
    const tagged = (text: string, y: number, block: number, left = 80, right = 520): PdfLine => ({ ...line(text, y, left, right), tags: { first: block, last: block } });
    const page = [
      tagged('这一段写了两行，第一行以句号结束也写满了一行。', 700, 1),
      tagged('第二段的第一行也写满了，并且以句号结束了。', 672, 2),
      tagged('第二段的第二行。', 644, 2, 80, 200),
    ];
    const read = blocksFromPdfPages([page]);
    expect(read.map((b) => b.text)).toEqual(['这一段写了两行，第一行以句号结束也写满了一行。', '第二段的第一行也写满了，并且以句号结束了。第二段的第二行。']);
    expect(read.flatMap((b) => b.uncertain ?? [])).toEqual([]);
  });

  it("names a paragraph started at a page's head in a text marked by space, where the page stopped after a full stop", () => {
    // Paragraphs marked by space (a 40pt gap against the 28pt pitch); page 1 stops well above the text's foot.
    const page1 = [
      line('第一段第一行写满了内容，还在继续写下去', 700),
      line('第一段第二行。', 672, 80, 200),
      line('第二段第一行写满了内容，还在继续写下去', 632),
      line('第二段写到这里正好写满了一行并且结束。', 604),
    ];
    const page2 = [
      line('接着写的一行也写满了内容，还在继续写下', 700),
      line('去。', 672, 80, 112),
      line('第四段第一行写满了内容，还在继续写下去', 632),
      line('第四段第二行写满了内容，还在继续写下去', 604),
      line('第四段第三行写满了内容，还在继续写下去', 576),
      line('第四段第四行写满了内容，还在继续写下去', 548),
      line('第四段的最后一行。', 520, 80, 240),
    ];
    const blocks = blocksFromPdfPages([page1, page2]);
    const named = blocks.filter((b) => b.uncertain);
    expect(named.map((b) => b.text)).toEqual(['接着写的一行也写满了内容，还在继续写下去。']);
    expect(named[0]!.uncertain).toEqual([expect.stringMatching(/^第2页开头“接着写的一行也写满了内容”.*上一页在句末（“.*结束。”）/)]);
  });
});
