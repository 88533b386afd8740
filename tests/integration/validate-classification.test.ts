/**
 * Classification as a hard rule of the content check (scripts/content/classification.ts): a
 * document with a 密级 is never public, whichever field or line prints it; a public policy has
 * 公开方式 主动公开 or 公开发布 unless it is a catalogue entry of what a published article printed;
 * a 文号 belongs to one document. Each problem names the file, the line and the field.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { validateContent, formatProblem } from '../../scripts/content/validate.ts';
import { copyContent, type ContentCopy } from '../helpers/content-copy.ts';

let copy: ContentCopy | undefined;
afterEach(() => {
  copy?.remove();
  copy = undefined;
});

function problemsAfter(breakIt: (copy: ContentCopy) => void): string[] {
  copy?.remove();
  copy = copyContent();
  breakIt(copy);
  return validateContent(copy.root).problems.map(formatProblem);
}

const CATALOGUE = 'content/policies/1331-gongcheng-yijian.mdx';
const ARTICLE = 'content/articles/2017-02/05.mdx';
const ISSUE = 'content/issues/2017-02.mdx';
const NEW = 'content/policies/hecheng-ceshi.mdx';

/** A synthetic policy (合成测试数据) with the frontmatter lines given after its title, and a body. */
const policy = (fields: string, body = '本段为合成测试数据，不是官方文件。') => `---\ntitle: 合成测试数据办法\ncategory: 办法\nstatus: in-force\n${fields}---\n\n${body}\n`;

describe('a 密级 is never public', () => {
  it('a public policy with secrecy, whatever its 公开方式', () => {
    expect(problemsAfter((c) => c.write(NEW, policy('visibility: public\nsecrecy: 绝密\ndisclosure: 主动公开\n')))).toEqual([
      `${NEW}:6 secrecy：标有密级“绝密”的文件不能放在公开版：visibility 应为 internal`,
    ]);
  });

  it('a public policy with a 保密期限 alone, or a 密级 mark in a field or a line of its body', () => {
    // (The schema already refuses a 保密期限 without its 密级.)
    expect(problemsAfter((c) => c.write(NEW, policy('visibility: public\nsecrecyPeriod: 30年\ndisclosure: 主动公开\n')))).toEqual([
      `${NEW}:6 secrecyPeriod：写了保密期限 secrecyPeriod，却没有写密级 secrecy`,
    ]);
    const problems = problemsAfter((c) => c.write(NEW, policy('visibility: public\ndisclosure: 公开发布\nnotes:\n  - 机密★10年\n', '绝密★30年\n\n本段为合成测试数据。')));
    expect(problems).toContain(`${NEW}:8 notes[0]：“机密★10年”是密级标志：有密级的文件不能放在公开版，visibility 应为 internal`);
    expect(problems).toContain(`${NEW}:11：“绝密★30年”是密级标志：有密级的文件不能放在公开版，visibility 应为 internal`);
  });

  it('the same document marked internal is fine', () => {
    expect(problemsAfter((c) => c.write(NEW, policy('visibility: internal\nsecrecy: 绝密\nsecrecyPeriod: 30年\n', '绝密★30年\n\n本段为合成测试数据。')))).toEqual([]);
  });

  it('an article, which is always published, may carry none', () => {
    const problems = problemsAfter((c) => c.edit(ARTICLE, (t) => t.replace(/\n---\n\n/, '\n---\n\n秘密★1年\n\n')));
    expect(problems).toEqual([`${ARTICLE}:23：“秘密★1年”是密级标志：工作要讯的期和文章都公开发布，不能收入有密级的内容`]);
    expect(problemsAfter((c) => c.edit(ARTICLE, (t) => t.replace('issue: 2017-02\n', 'issue: 2017-02\nsecrecy: 绝密\n')))).toEqual([
      `${ARTICLE}:4 secrecy：未知字段：请检查字段名的拼写，或删去该字段`,
    ]);
  });
});

describe('a public policy says it is public', () => {
  it('with no 公开方式 and no text, and no article it comes from', () => {
    expect(problemsAfter((c) => c.write(NEW, policy('visibility: public\ndocNumber: 合成〔2019〕7号\nrecipients: 合成测试单位\n', '')))).toEqual([
      `${NEW}:5 visibility：放在公开版的文件须写明公开方式（disclosure: 主动公开 或 公开发布）；没有正文的目录条目也可以，但只能写公开的工作要讯文章印出的内容，并在 mentionedIn 中列出那篇文章。否则 visibility 应为 internal`,
    ]);
  });

  it('with text and no 公开方式', () => {
    expect(problemsAfter((c) => c.write(NEW, policy('visibility: public\n')))).toEqual([
      `${NEW}:5 visibility：收录了正文的文件只有附注写明“此件主动公开”或“此件公开发布”（disclosure: 主动公开 / 公开发布）才能放在公开版；此件未写明公开方式，visibility 应为 internal`,
    ]);
  });

  it('a catalogue entry shows only what its article printed: the real one passes, a 文号 or 主送 the article does not print is refused by field', () => {
    expect(problemsAfter((c) => c.edit(CATALOGUE, (t) => t.replace('issuer: 山西省人民政府\n', 'issuer: 山西省人民政府\nwrittenDate: 2017-04-25\n')))).toEqual([]);
    const problems = problemsAfter((c) => c.edit(CATALOGUE, (t) => t.replace('issuer: 山西省人民政府\n', 'issuer: 山西省人民政府\ndocNumber: 晋政发〔2017〕5号\nrecipients: 各市人民政府\n')));
    expect(problems).toEqual([
      `${CATALOGUE}:4 docNumber：没有写明公开方式的目录条目只能写工作要讯文章印出的内容：发文字号“晋政发〔2017〕5号”没有出现在 ${ARTICLE} 中；删去该字段，或写明 disclosure（主动公开 / 公开发布），或 visibility 改为 internal`,
      `${CATALOGUE}:5 recipients：没有写明公开方式的目录条目只能写工作要讯文章印出的内容：主送机关“各市人民政府”没有出现在 ${ARTICLE} 中；删去该字段，或写明 disclosure（主动公开 / 公开发布），或 visibility 改为 internal`,
    ]);
  });

  it('a catalogue entry whose title its article does not quote; its article’s issue still a draft (printed all the same) is fine', () => {
    expect(problemsAfter((c) => c.edit(CATALOGUE, (t) => t.replace(/^title: .*$/m, 'title: 合成测试数据意见')))).toEqual([
      `${CATALOGUE}:2 title：没有写明公开方式的目录条目只能写工作要讯文章印出的内容：标题“合成测试数据意见”没有出现在 ${ARTICLE} 中；照文章印出的写，或 visibility 改为 internal`,
    ]);
    expect(problemsAfter((c) => c.edit(ISSUE, (t) => t.replace('---\n', '---\nreview: 待核对\n')))).toEqual([]);
  });
});

describe('a 文号 belongs to one document', () => {
  it('two policies with the same docNumber, however bracketed, are named together', () => {
    const problems = problemsAfter((c) => {
      c.write('content/policies/hecheng-a.mdx', policy('visibility: internal\ndocNumber: 合成〔2019〕7号\n'));
      c.write('content/policies/hecheng-b.mdx', policy('visibility: internal\ndocNumber: 合成〔2019〕7号\n'));
    });
    expect(problems).toEqual([
      'content/policies/hecheng-b.mdx:6 docNumber：发文字号“合成〔2019〕7号”已属于 content/policies/hecheng-a.mdx：一个文号只属于一份文件（content/policies/hecheng-a.mdx 与 content/policies/hecheng-b.mdx 重复）；同一文件的修订版另有文号，并用 supersedes 指向旧版',
    ]);
  });
});
