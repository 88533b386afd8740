/**
 * The OFD reader on packages written here by hand (not by scripts/samples/ofd.ts, whose shapes
 * the integration test covers): DeltaX and its `g` form, Boundary and CTM, TextCodes without X
 * or DeltaX, templates, page sizes from CommonData, composite objects; a small document laid out
 * a character to a TextObject with its page numbers on templates; and every refusal, zip bombs
 * included (built on the fly: deflated zeros with honest or lying sizes).
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { ImportError } from '../../../scripts/import/errors.ts';
import { blocksFromDocx } from '../../../scripts/import/read-docx.ts';
import { blocksFromOfd, isOfdPackage, OfdScanError, ofdScanPdf, ofdTextItems, parseDeltas, PT_PER_MM } from '../../../scripts/import/read-ofd.ts';
import { ZIP_LIMITS } from '../../../scripts/import/zip-limits.ts';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const k = PT_PER_MM;

/** OFD.xml pointing at Doc_0/Document.xml, and whatever else is given, zipped. */
function ofd(files: Record<string, string>, { withOfdXml = true } = {}): Uint8Array {
  const zippable: Zippable = {};
  if (withOfdXml) zippable['OFD.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
  for (const [path, text] of Object.entries(files)) zippable[path] = strToU8(text);
  return zipSync(zippable);
}

/** A Document.xml with the given pages (Pages/Page_N/Content.xml), page area and CommonData extras. */
const documentXml = (pages: number, { box = '0 0 210 297', common = '' } = {}) =>
  `<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>99</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>${box}</ofd:PhysicalBox></ofd:PageArea>${common}</ofd:CommonData>` +
  `<ofd:Pages>${Array.from({ length: pages }, (_, n) => `<ofd:Page ID="${n + 1}" BaseLoc="Pages/Page_${n}/Content.xml"/>`).join('')}</ofd:Pages></ofd:Document>`;

const page = (objects: string, before = '') => `<ofd:Page ${NS}>${before}<ofd:Content><ofd:Layer ID="50">${objects}</ofd:Layer></ofd:Content></ofd:Page>`;

/** One page holding `objects`, A4 unless `box` says. */
const onePage = (objects: string, box?: string) => ofd({ 'Doc_0/Document.xml': documentXml(1, box ? { box } : {}), 'Doc_0/Pages/Page_0/Content.xml': page(objects) });

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('not refused');
};

describe('DeltaX', () => {
  it('reads plain numbers and the g form (g N d: N advances of d)', () => {
    expect(parseDeltas('1 2.5 3')).toEqual([1, 2.5, 3]);
    expect(parseDeltas('g 3 5.6 1')).toEqual([5.6, 5.6, 5.6, 1]);
    expect(parseDeltas('1 g 2 0.5 g 1 7')).toEqual([1, 0.5, 0.5, 7]);
    expect(parseDeltas('  ')).toEqual([]);
    expect(parseDeltas(undefined)).toEqual([]);
  });

  it('counts a list that does not read as absent', () => {
    expect(parseDeltas('1 two 3')).toEqual([]);
    expect(parseDeltas('g x 5')).toEqual([]);
  });
});

describe('text positions', () => {
  it('places a TextCode by its Boundary and CTM, in points from the page foot', () => {
    // Boundary origin (20, 30) mm; CTM doubles; X 1, Y 4 → (22, 38) mm from the top left; Size 3 → 6 mm.
    const [items] = ofdTextItems(onePage(`<ofd:TextObject ID="1" Boundary="20 30 100 10" CTM="2 0 0 2 0 0" Font="1" Size="3"><ofd:TextCode X="1" Y="4" DeltaX="3">文字</ofd:TextCode></ofd:TextObject>`));
    expect(items).toHaveLength(1);
    const item = items![0]!;
    expect(item.str).toBe('文字');
    expect(item.x).toBeCloseTo(22 * k, 6);
    expect(item.y).toBeCloseTo((297 - 38) * k, 6);
    expect(item.fontSize).toBeCloseTo(6 * k, 6);
    // Two advances of 3 scaled by 2, the second character its own em (6 mm).
    expect(item.width).toBeCloseTo(12 * k, 6);
  });

  it('reads several TextCodes of one TextObject, one without X taking the previous X, and estimates widths without DeltaX', () => {
    const [items] = ofdTextItems(
      onePage(
        `<ofd:TextObject ID="1" Boundary="10 10 150 30" Font="1" Size="5">` +
          `<ofd:TextCode X="0" Y="5">AB中</ofd:TextCode>` +
          `<ofd:TextCode X="40" Y="15">第二行</ofd:TextCode>` +
          `<ofd:TextCode Y="25">第三行</ofd:TextCode></ofd:TextObject>`,
      ),
    );
    const byText = Object.fromEntries(items!.map((i) => [i.str, i]));
    // A, B half an em each, 中 an em: 2 em of 5 mm.
    expect(byText['AB中']!.width).toBeCloseTo(10 * k, 6);
    expect(byText['第二行']!.x).toBeCloseTo(50 * k, 6);
    expect(byText['第三行']!.x).toBeCloseTo(50 * k, 6);
    expect(byText['第三行']!.y).toBeCloseTo((297 - 35) * k, 6);
  });

  it('cuts a TextCode where an advance leaves a gap (cells, a date set right) and keeps close characters together', () => {
    const [items] = ofdTextItems(onePage(`<ofd:TextObject ID="1" Boundary="20 20 170 10" Font="1" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="5 5 100 5 g 3 5">主送单位日期年月日</ofd:TextCode></ofd:TextObject>`));
    expect(items!.filter((i) => i.str.trim()).map((i) => [i.str, Math.round(i.x / k)])).toEqual([
      ['主送单', 20],
      ['位日期年月日', 130],
    ]);
  });

  it('takes the page size from CommonData, or from the page when it states its own', () => {
    const text = `<ofd:TextObject ID="1" Boundary="0 0 50 10" Font="1" Size="5"><ofd:TextCode X="0" Y="10">字</ofd:TextCode></ofd:TextObject>`;
    expect(ofdTextItems(onePage(text, '0 0 148 210'))[0]![0]!.y).toBeCloseTo(200 * k, 6);
    const own = ofd({
      'Doc_0/Document.xml': documentXml(1, { box: '0 0 148 210' }),
      'Doc_0/Pages/Page_0/Content.xml': page(text, '<ofd:Area><ofd:PhysicalBox>0 0 297 420</ofd:PhysicalBox></ofd:Area>'),
    });
    expect(ofdTextItems(own)[0]![0]!.y).toBeCloseTo(410 * k, 6);
  });

  it('reads the text of a page template and of a composite object from the resources', () => {
    const common = `<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes><ofd:TemplatePage ID="7" BaseLoc="Tpls/Tpl_0/Content.xml"/>`;
    const data = ofd({
      'Doc_0/Document.xml': documentXml(1, { common }),
      'Doc_0/DocumentRes.xml':
        `<ofd:Res ${NS} BaseLoc="Res"><ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="8" Width="50" Height="10"><ofd:Content>` +
        `<ofd:TextObject ID="9" Boundary="0 0 50 10" Font="1" Size="1"><ofd:TextCode X="0" Y="1">印发</ofd:TextCode></ofd:TextObject>` +
        `</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits></ofd:Res>`,
      'Doc_0/Tpls/Tpl_0/Content.xml': page(`<ofd:TextObject ID="3" Boundary="100 280 20 8" Font="1" Size="5"><ofd:TextCode X="0" Y="5">— 1 —</ofd:TextCode></ofd:TextObject>`),
      'Doc_0/Pages/Page_0/Content.xml': page(
        `<ofd:TextObject ID="4" Boundary="30 40 100 8" Font="1" Size="5"><ofd:TextCode X="0" Y="5">正文</ofd:TextCode></ofd:TextObject>` +
          `<ofd:CompositeObject ID="5" Boundary="30 60 50 10" CTM="5 0 0 5 0 0" ResourceID="8"/>`,
        '<ofd:Template TemplateID="7" ZOrder="Background"/>',
      ),
    });
    const items = ofdTextItems(data)[0]!.filter((i) => i.str.trim());
    expect(items.map((i) => i.str).sort()).toEqual(['— 1 —', '印发', '正文']);
    const composite = items.find((i) => i.str === '印发')!;
    expect(composite.x).toBeCloseTo(30 * k, 6);
    expect(composite.y).toBeCloseTo((297 - 65) * k, 6);
    expect(composite.fontSize).toBeCloseTo(5 * k, 6);
  });

  it('puts a space where two words of a line stand apart, as PDF.js does', () => {
    // 一流大学 and 一流学科 as two TextObjects 0.3 em apart (5 mm type).
    const blocks = blocksFromOfd(
      onePage(
        `<ofd:TextObject ID="1" Boundary="30 40 20 8" Font="1" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 3 5">一流大学</ofd:TextCode></ofd:TextObject>` +
          `<ofd:TextObject ID="2" Boundary="51.5 40 20 8" Font="1" Size="5"><ofd:TextCode X="0" Y="5" DeltaX="g 3 5">一流学科</ofd:TextCode></ofd:TextObject>` +
          `<ofd:TextObject ID="3" Boundary="71.6 40 20 8" Font="1" Size="5"><ofd:TextCode X="0" Y="5">建设</ofd:TextCode></ofd:TextObject>`,
      ),
    );
    expect(blocks.map((b) => b.text)).toEqual(['一流大学 一流学科建设']);
  });
});

// ── A document laid out by hand, a character to a TextObject ──

interface HandLine {
  text: string;
  /** Where the line starts, in ems from the text block's left edge (GB/T 9704: 28 characters of 16 pt). */
  indent?: number;
  align?: 'center' | 'right' | undefined;
  size?: number;
}

/**
 * An OFD as Foxit's and some converters' per-glyph output is shaped: every character its own
 * TextObject, Boundary the glyph's box, TextCode X 0 and Y the baseline in the box, no DeltaX;
 * each page's number on a template page of its own. A4, text block from 28 mm, 156 mm wide,
 * lines 28.95 pt apart as GB/T 9704 sets them (here in mm).
 */
function handMadeOfd(pages: HandLine[][]): Uint8Array {
  const size = 16 / k;
  const left = 28;
  const width = 156;
  let id = 10;
  const objects = (lines: HandLine[], top: number) =>
    lines
      .map((line, n) => {
        const s = (line.size ?? 16) / k;
        const chars = [...line.text];
        const lineWidth = chars.reduce((sum, c) => sum + (c.codePointAt(0)! < 0x2000 ? 0.5 : 1) * s, 0);
        let x = line.align === 'center' ? left + (width - lineWidth) / 2 : line.align === 'right' ? left + width - lineWidth - 4 * size : left + (line.indent ?? 0) * size;
        const y = top + n * 10.2;
        return chars
          .map((char) => {
            const w = (char.codePointAt(0)! < 0x2000 ? 0.5 : 1) * s;
            const object = char.trim() ? `<ofd:TextObject ID="${id++}" Boundary="${x.toFixed(3)} ${(y - s).toFixed(3)} ${w.toFixed(3)} ${(s * 1.2).toFixed(3)}" Font="1" Size="${s.toFixed(3)}"><ofd:TextCode X="0" Y="${s.toFixed(3)}">${char}</ofd:TextCode></ofd:TextObject>` : '';
            x += w;
            return object;
          })
          .join('');
      })
      .join('');
  const files: Record<string, string> = {};
  const templates: string[] = [];
  pages.forEach((lines, n) => {
    files[`Doc_0/Tpls/Tpl_${n}/Content.xml`] = page(objects([{ text: `— ${n + 1} —`, align: n % 2 ? undefined : 'right', size: 14 }], 275));
    templates.push(`<ofd:TemplatePage ID="${n + 1}00" BaseLoc="Tpls/Tpl_${n}/Content.xml"/>`);
    files[`Doc_0/Pages/Page_${n}/Content.xml`] = page(objects(lines, 45), `<ofd:Template TemplateID="${n + 1}00"/>`);
  });
  files['Doc_0/Document.xml'] = documentXml(pages.length, { common: templates.join('') });
  return ofd(files);
}

describe('a document laid out a character to a TextObject, page numbers on templates', () => {
  // Synthetic text (合成测试数据). Full lines are 28 characters; a paragraph's first line is indented 2.
  const pages: HandLine[][] = [
    [
      { text: '示例省教育厅关于开展', align: 'center', size: 22 },
      { text: '校园安全检查的通知', align: 'center', size: 22 },
      { text: '各普通本科高等学校：' },
      { text: '为做好新学期校园安全工作，确保师生生命财产安全，经研', indent: 2 },
      { text: '究，决定于九月在全省各高等学校开展校园安全检查。现将有关' },
      { text: '事项通知如下。' },
      { text: '一、检查范围', indent: 2 },
      { text: '全省各普通本科高等学校的教学楼、实验室、学生宿舍和食', indent: 2 },
    ],
    [
      { text: '堂，重点检查消防设施和危险化学品管理。' },
      { text: '示例省教育厅', align: 'right' },
      { text: '2020年9月1日', align: 'right' },
    ],
  ];

  it('reads the lines into paragraphs: joined across the page, page numbers dropped, title centred and large', () => {
    const blocks = blocksFromOfd(handMadeOfd(pages));
    expect(blocks.map((b) => b.text)).toEqual([
      '示例省教育厅关于开展',
      '校园安全检查的通知',
      '各普通本科高等学校：',
      '为做好新学期校园安全工作，确保师生生命财产安全，经研究，决定于九月在全省各高等学校开展校园安全检查。现将有关事项通知如下。',
      '一、检查范围',
      '全省各普通本科高等学校的教学楼、实验室、学生宿舍和食堂，重点检查消防设施和危险化学品管理。',
      '示例省教育厅',
      '2020年9月1日',
    ]);
    // 22 pt over a 16 pt body.
    expect(blocks[0]).toMatchObject({ align: 'center' });
    expect(blocks[0]!.size).toBeCloseTo(1.375, 1);
    expect(blocks.at(-1)).toMatchObject({ align: 'right' });
    expect(blocks.some((b) => /—/.test(b.text))).toBe(false);
  });

  it('is told from a Word file by its OFD.xml, whatever its name', () => {
    expect(isOfdPackage(handMadeOfd(pages))).toBe(true);
    expect(isOfdPackage(zipSync({ 'word/document.xml': strToU8('<w:document/>') }))).toBe(false);
    expect(isOfdPackage(strToU8('%PDF-1.4'))).toBe(false);
  });
});

// ── Refusals ──

/** A zip built by hand around raw deflate data, declaring whatever inflated size it is told. */
function zipWith(entries: Array<{ name: string; data: Uint8Array; method: 0 | 8; size: number }>, declaredCount?: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = strToU8(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, entry.method, true);
    local.setUint32(18, entry.data.length, true);
    local.setUint32(22, entry.size, true);
    local.setUint16(26, name.length, true);
    const header = new DataView(new ArrayBuffer(46));
    header.setUint32(0, 0x02014b50, true);
    header.setUint16(4, 20, true);
    header.setUint16(6, 20, true);
    header.setUint16(10, entry.method, true);
    header.setUint32(20, entry.data.length, true);
    header.setUint32(24, entry.size, true);
    header.setUint16(28, name.length, true);
    header.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), name, entry.data);
    central.push(new Uint8Array(header.buffer), name);
    offset += 30 + name.length + entry.data.length;
  }
  const centralSize = central.reduce((sum, p) => sum + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, declaredCount ?? entries.length, true);
  end.setUint16(10, declaredCount ?? entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * `count` zero bytes as raw deflate, written directly (one fixed-Huffman block: a literal 0, then
 * matches of 258 at distance 1, 13 bits each), so that a gigabyte takes a moment to make.
 */
function deflatedZeros(count: number): Uint8Array {
  const matches = Math.floor((count - 1) / 258);
  const out = new Uint8Array(Math.ceil((3 + 8 + matches * 13 + 7) / 8));
  let bit = 0;
  // Header bits go least significant first, Huffman codes most significant first.
  const header = (value: number, bits: number) => {
    for (let i = 0; i < bits; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  const code = (value: number, bits: number) => {
    for (let i = bits - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  header(1, 1); // the last block
  header(1, 2); // fixed Huffman codes
  code(0x30, 8); // a literal 0
  // Length 258 is code 285 (11000101, no extra bits); distance 1 is distance code 0 (00000).
  for (let i = 0; i < matches; i++) {
    code(0b11000101, 8);
    bit += 5;
  }
  code(0, 7); // end of block
  return out;
}

describe('refusing what is not a readable OFD, in Chinese', () => {
  const minimal = {
    'Doc_0/Document.xml': documentXml(1),
    'Doc_0/Pages/Page_0/Content.xml': page(`<ofd:TextObject ID="1" Boundary="0 0 50 10" Font="1" Size="5"><ofd:TextCode X="0" Y="5">字</ofd:TextCode></ofd:TextObject>`),
  };

  it('reads the minimal package (the refusals below each spoil one part of it)', () => {
    expect(ofdTextItems(ofd(minimal))[0]!.map((i) => i.str)).toEqual(['字']);
  });

  it('not a zip', () => {
    expect(refusal(() => ofdTextItems(strToU8('这不是压缩包')))).toContain('不是 OFD 文件：OFD 文件是 zip 压缩包');
  });

  it('a damaged zip: cut short, or a part whose deflated data is spoilt', () => {
    const whole = ofd(minimal);
    expect(refusal(() => ofdTextItems(whole.subarray(0, whole.length - 30)))).toContain('无法读取这个 OFD 文件：压缩结构已损坏');
    const spoilt = zipWith([{ name: 'OFD.xml', data: new Uint8Array([0xff, 0xff, 0xff, 0xff]), method: 8, size: 100 }]);
    expect(refusal(() => ofdTextItems(spoilt))).toContain('OFD.xml 无法解压');
  });

  it('a zip without OFD.xml', () => {
    expect(refusal(() => ofdTextItems(ofd(minimal, { withOfdXml: false })))).toContain('压缩包中没有 OFD.xml');
  });

  it('OFD.xml without a DocRoot', () => {
    const data = zipSync({ 'OFD.xml': strToU8(`<ofd:OFD ${NS}><ofd:DocBody/></ofd:OFD>`) });
    expect(refusal(() => ofdTextItems(data))).toContain('OFD.xml 中没有 DocBody/DocRoot');
  });

  it('a missing Document.xml or page', () => {
    expect(refusal(() => ofdTextItems(ofd({ 'Doc_0/Pages/Page_0/Content.xml': minimal['Doc_0/Pages/Page_0/Content.xml'] })))).toContain('Doc_0/Document.xml 不在压缩包中');
    expect(refusal(() => ofdTextItems(ofd({ 'Doc_0/Document.xml': documentXml(2), 'Doc_0/Pages/Page_0/Content.xml': minimal['Doc_0/Pages/Page_0/Content.xml'] })))).toContain(
      '第 2 页的内容 Doc_0/Pages/Page_1/Content.xml 不在压缩包中',
    );
  });

  it('XML that does not parse, naming the part and the line', () => {
    const message = refusal(() => ofdTextItems(ofd({ ...minimal, 'Doc_0/Pages/Page_0/Content.xml': `<ofd:Page ${NS}>\n<ofd:Content>\n<ofd:Layer></ofd:Content>` })));
    expect(message).toContain('Doc_0/Pages/Page_0/Content.xml 不是完好的 XML（第 3 行出错）');
  });

  it('a package with no text: a scan when its pages are pictures', () => {
    const scan = ofd({ 'Doc_0/Document.xml': documentXml(1), 'Doc_0/Pages/Page_0/Content.xml': page(`<ofd:ImageObject ID="1" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="2"/>`) });
    expect(() => ofdTextItems(scan)).toThrow(OfdScanError);
    expect(refusal(() => ofdTextItems(scan))).toBe('OFD 文件中没有文字，页面是图片：这是扫描件');
    const empty = ofd({ 'Doc_0/Document.xml': documentXml(1), 'Doc_0/Pages/Page_0/Content.xml': page('') });
    expect(refusal(() => ofdTextItems(empty))).toBe('OFD 文件中没有文字');
  });

  it('a scan whose pictures are PNG or JPEG becomes a PDF of them for OCR; another format is refused, saying so', async () => {
    const png = new PNG({ width: 20, height: 30 });
    png.data.fill(255);
    const scanOf = (picture: Uint8Array) => {
      const zippable: Zippable = {
        'OFD.xml': strToU8(`<ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
        'Doc_0/Document.xml': strToU8(documentXml(1, { common: '<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>' })),
        'Doc_0/DocumentRes.xml': strToU8(`<ofd:Res ${NS} BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="2" Type="Image"><ofd:MediaFile>page.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>`),
        'Doc_0/Res/page.png': picture,
        'Doc_0/Pages/Page_0/Content.xml': strToU8(page(`<ofd:ImageObject ID="1" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="2"/>`)),
      };
      return zipSync(zippable);
    };
    const pdf = await PDFDocument.load(await ofdScanPdf(scanOf(PNG.sync.write(png))));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getWidth()).toBeCloseTo(210 * k, 3);
    expect(pdf.getPage(0).getHeight()).toBeCloseTo(297 * k, 3);
    await expect(ofdScanPdf(scanOf(strToU8('II*\u0000 a TIFF')))).rejects.toThrow('OFD 扫描件的图片不是 JPEG 或 PNG');
  });

  it('an archive declaring more XML than the limit, before inflating any of it', () => {
    const gigabyte = 1024 ** 3;
    const zeros = deflatedZeros(1 + 258 * 64);
    const bomb = zipWith([
      { name: 'OFD.xml', data: zeros, method: 8, size: gigabyte },
      { name: 'Doc_0/Document.xml', data: zeros, method: 8, size: 1 + 258 * 64 },
    ]);
    const message = refusal(() => ofdTextItems(bomb));
    expect(message).toContain('OFD 文件中的 XML 解压后共 1024 MB，超过上限 64 MB');
    expect(message).toContain('压缩炸弹');
  });

  it('an archive with more entries than the limit', () => {
    const many = zipWith([{ name: 'OFD.xml', data: strToU8('<a/>'), method: 0, size: 4 }], ZIP_LIMITS.entries + 1);
    expect(refusal(() => ofdTextItems(many))).toContain(`含有 ${ZIP_LIMITS.entries + 1} 个压缩项，超过上限 ${ZIP_LIMITS.entries} 个`);
  });

  it('an entry lying about its size is stopped as soon as it outgrows it, quickly and in little memory', () => {
    // A gigabyte of zeros (6.6 MB deflated) that says it is 2 KB.
    const zeros = deflatedZeros(1024 ** 3);
    expect(zeros.length).toBeLessThan(7 * 1024 * 1024);
    const bomb = zipWith([{ name: 'OFD.xml', data: zeros, method: 8, size: 2048 }]);
    const started = performance.now();
    const heap = process.memoryUsage().arrayBuffers;
    const message = refusal(() => ofdTextItems(bomb));
    expect(message).toContain('OFD 文件中的 OFD.xml 解压后超过它声明的大小（2048 字节）');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().arrayBuffers - heap).toBeLessThan(64 * 1024 * 1024);
  });

  it('the hand-made deflate stream is what it claims (a megabyte of zeros inflates to a megabyte of zeros)', async () => {
    const { inflateSync } = await import('fflate');
    const out = inflateSync(deflatedZeros(1 + 258 * 4000));
    expect(out.length).toBe(1 + 258 * 4000);
    expect(out.every((b) => b === 0)).toBe(true);
  });
});

describe('a Word file is measured before mammoth opens it', () => {
  it('refuses a .docx whose document.xml declares a gigabyte', async () => {
    const bomb = zipWith([
      { name: '[Content_Types].xml', data: strToU8('<Types/>'), method: 0, size: 8 },
      { name: 'word/document.xml', data: deflatedZeros(1 + 258 * 64), method: 8, size: 1024 ** 3 },
    ]);
    await expect(blocksFromDocx(Buffer.from(bomb))).rejects.toThrow('Word 文件中的 XML 解压后共 1024 MB，超过上限 64 MB');
  });

  it('refuses a .docx whose picture lies about its size, stopping at the lie', async () => {
    const bomb = zipWith([
      { name: 'word/document.xml', data: strToU8('<w:document/>'), method: 0, size: 13 },
      { name: 'word/media/image1.png', data: deflatedZeros(512 * 1024 ** 2), method: 8, size: 4096 },
    ]);
    const started = performance.now();
    await expect(blocksFromDocx(Buffer.from(bomb))).rejects.toThrow('Word 文件中的 word/media/image1.png 解压后超过它声明的大小（4096 字节）');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
