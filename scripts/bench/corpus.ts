/**
 * A SYNTHETIC bulletin archive for the benchmark: issues, articles and policy documents in the
 * site's content format, written into a temporary project, never into content/. The text is
 * the seed issue's sentences recombined, with every person's name replaced by an invented one
 * (so that no real person is made to say anything), and places, organisations, dates and
 * numbers varied. Every file says in its first line that it is synthetic.
 *
 * A share of the articles (`componentShare`, 5 % by default) use the MDX components, with a
 * synthetic picture, CSV table or PDF beside them (scripts/samples/component-body.ts): what an
 * archive whose editors use them costs to build. Which articles do is drawn from a source of its
 * own, so the text is the same whatever the share.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { parseContentFile } from '../../src/lib/content/frontmatter.ts';
import { POLICY_CATEGORIES, POLICY_STATUSES } from '../../src/schemas/policy.ts';
import { seededRandom } from '../lib/random.ts';
import { drawComponents, writeComponentBody } from '../samples/component-body.ts';

export const SYNTHETIC_MARK = '# 合成测试数据（基准测试用），不是真实的公文或报道';

export interface CorpusOptions {
  articles: number;
  policies: number;
  seed: number;
  /** The share of articles whose bodies use components (0–1); 0.05 when not given. */
  componentShare?: number;
}

export interface CorpusSummary {
  issues: number;
  articles: number;
  policies: number;
  /** Characters of article body text. */
  characters: number;
  /** Articles whose bodies use components, and how many of each. */
  withComponents: { articles: number; photo: number; table: number; attachment: number; note: number };
}

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = [...'建国志明海军晓东立新文华国强春生秀英桂兰丽娟永刚俊杰红梅玉兰振华鹏飞宏伟瑞芳德胜学军敏慧雅琴博宇浩然子涵思远嘉怡'];
const PLACES = ['太原市', '大同市', '阳泉市', '长治市', '晋城市', '朔州市', '晋中市', '运城市', '忻州市', '临汾市', '吕梁市', '清徐县', '阳曲县', '娄烦县', '平遥县', '介休市', '太谷区', '祁县', '寿阳县', '昔阳县', '襄垣县', '沁源县', '高平市', '阳城县', '泽州县', '怀仁市', '应县', '定襄县', '五台县', '代县', '繁峙县', '岢岚县', '偏关县', '洪洞县', '霍州市', '乡宁县', '吉县', '永济市', '河津市', '芮城县', '闻喜县', '绛县', '兴县', '方山县', '孝义市', '汾阳市', '文水县', '交城县', '临县', '柳林县', '石楼县', '中阳县'];
const INSTITUTION_KINDS = ['学院', '职业技术学院', '师范学院', '医学院', '大学'];

/** The seed issue's committed articles: their sentences are the material. */
function seedArticles(projectRoot: string) {
  const dir = join(projectRoot, 'content', 'articles', '2017-02');
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const parsed = parseContentFile(readFileSync(join(dir, name), 'utf8'), 'frontmatter');
      return {
        title: String(parsed.data?.['title'] ?? ''),
        body: parsed.body.trim(),
        people: (parsed.data?.['people'] as string[] | undefined) ?? [],
        organizations: (parsed.data?.['organizations'] as string[] | undefined) ?? [],
        places: (parsed.data?.['places'] as string[] | undefined) ?? [],
      };
    });
}

const yamlList = (key: string, values: readonly string[]) => (values.length ? `${key}:\n${values.map((v) => `  - ${v}`).join('\n')}\n` : `${key}: []\n`);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export async function writeCorpus(projectRoot: string, targetRoot: string, options: CorpusOptions): Promise<CorpusSummary> {
  const random = seededRandom(options.seed);
  const componentRandom = seededRandom(options.seed + 0x5eed);
  const componentShare = options.componentShare ?? 0.05;
  const withComponents = { articles: 0, photo: 0, table: 0, attachment: 0, note: 0 };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const seeds = seedArticles(projectRoot);
  const realPeople = [...new Set(seeds.flatMap((s) => s.people))].sort((a, b) => b.length - a.length);
  const realOrganizations = [...new Set(seeds.flatMap((s) => s.organizations))].filter((o) => /学院|大学/.test(o));
  const realPlaces = [...new Set(seeds.flatMap((s) => s.places))].sort((a, b) => b.length - a.length);
  // An archive names the same officials and institutions again and again: a cast of a few
  // hundred people and institutions, each article drawing from it.
  const peoplePool = [...new Set(Array.from({ length: 400 }, () => pick(SURNAMES) + pick(GIVEN) + (random() < 0.6 ? pick(GIVEN) : '')))].slice(0, 300);
  const institutionPool = [...new Set(Array.from({ length: 200 }, () => pick(PLACES).replace(/[市县区]$/, '') + pick(INSTITUTION_KINDS)))].slice(0, 80);
  const inventName = () => pick(peoplePool);
  const inventInstitution = () => pick(institutionPool);

  // Sentences that name no real person's words beyond what substitution hides.
  const sentences = seeds
    .flatMap((s) => s.body.split('\n\n'))
    .flatMap((p) => p.match(/[^。]+。/g) ?? [])
    .filter((s) => !/总书记|习近平/.test(s));
  const openings = seeds.map((s) => s.body.split('\n\n')[0]!.match(/^[^。]+。/)?.[0] ?? '');

  /** Rewrites seed text with this article's invented cast; returns what it used. */
  function recast(text: string, cast: { people: Map<string, string>; places: Map<string, string>; organizations: Map<string, string> }) {
    let out = text;
    for (const org of realOrganizations) if (out.includes(org)) out = out.replaceAll(org, lookup(cast.organizations, org, inventInstitution));
    for (const person of realPeople) if (out.includes(person)) out = out.replaceAll(person, lookup(cast.people, person, inventName));
    for (const place of realPlaces) if (out.includes(place)) out = out.replaceAll(place, lookup(cast.places, place, () => pick(PLACES)));
    // Leaders named by surname and office (楼省长, 吴俊清厅长's 吴厅长) are invented too.
    out = out.replace(/[楼张吴孙王李郭](?=(?:副)?(?:省长|厅长|书记|秘书长))/g, () => pick(SURNAMES));
    out = out.replace(/(\d{1,3})(所|人|余人|项|个)/g, (_, _n, unit: string) => `${between(3, 180)}${unit}`);
    return out;
  }
  function lookup(map: Map<string, string>, key: string, invent: () => string) {
    let value = map.get(key);
    if (!value) {
      value = invent();
      map.set(key, value);
    }
    return value;
  }

  const topics = readdirSync(join(projectRoot, 'content', 'topics')).map((name) => {
    const parsed = parseContentFile(readFileSync(join(projectRoot, 'content', 'topics', name), 'utf8'), 'yaml');
    return { name: String(parsed.data?.['name']), keywords: (parsed.data?.['keywords'] as string[]) ?? [] };
  });
  cpSync(join(projectRoot, 'content', 'topics'), join(targetRoot, 'content', 'topics'), { recursive: true });

  const issuesPerYear = 100;
  const issueCount = Math.ceil(options.articles / 7);
  let articlesLeft = options.articles;
  let characters = 0;
  const articleIds: string[] = [];
  for (let i = 0; i < issueCount; i++) {
    const year = 2017 + Math.floor(i / issuesPerYear);
    const number = (i % issuesPerYear) + 1;
    const issueId = `${year}-${pad(number)}`;
    const dayOfYear = 5 + Math.floor(((number - 1) * 355) / issuesPerYear);
    const issueDate = new Date(Date.UTC(year, 0, dayOfYear));
    const date = issueDate.toISOString().slice(0, 10);
    // 5–9 articles an issue, as the real one's 7, kept so that every issue gets at least one.
    const issuesLeft = issueCount - i;
    const count = Math.min(Math.max(between(5, 9), articlesLeft - 9 * (issuesLeft - 1), 1), articlesLeft - (issuesLeft - 1));
    articlesLeft -= count;
    const ids: string[] = [];
    mkdirSync(join(targetRoot, 'content', 'articles', issueId), { recursive: true });
    for (let a = 1; a <= count; a++) {
      const id = `${issueId}/${pad(a)}`;
      ids.push(id);
      const cast = { people: new Map<string, string>(), places: new Map<string, string>(), organizations: new Map<string, string>() };
      // The seed's headlines with their cast replaced, and a few patterns of the same kind, so that headlines vary.
      const person = lookup(cast.people, '吴俊清', inventName);
      const place = lookup(cast.places, '吕梁市', () => pick(PLACES));
      const title = pick([
        () => recast(pick(seeds).title, cast),
        () => `${person}在${place}调研“1331工程”${pick(['实施进展情况', '重点学科建设', '协同创新中心建设', '校地合作'])}`,
        () => `省教育厅与${place}签署“1331工程”${pick(['战略合作协议', '共建协议', '人才培养合作协议'])}`,
        () => `${person}主持召开“1331工程”${pick(['推进座谈会', '专题研讨会', '工作调度会', '绩效考评工作会'])}`,
      ])();
      const eventDate = new Date(issueDate.getTime() - between(3, 40) * 86_400_000);
      const month = eventDate.getUTCMonth() + 1;
      const day = eventDate.getUTCDate();
      const opening = recast(pick(openings), cast).replace(/^\d{1,2}月\d{1,2}日[上下]?午?(、\d{1,2}月?\d{1,2}日[上下]?午?)*/, `${month}月${day}日`);
      const target = between(300, 1500);
      const paragraphs: string[] = [];
      let paragraph = opening;
      let length = opening.length;
      while (length < target) {
        const sentence = recast(pick(sentences), cast);
        paragraph += sentence;
        length += sentence.length;
        if (random() < 0.3) {
          paragraphs.push(paragraph);
          paragraph = '';
        }
      }
      if (paragraph) paragraphs.push(paragraph);
      characters += paragraphs.join('\n\n').length;
      let body = paragraphs.join('\n\n');
      if (componentRandom() < componentShare) {
        const draw = drawComponents(componentRandom);
        body = (await writeComponentBody(join(targetRoot, 'content', 'articles', issueId), pad(a), paragraphs, draw, withComponents.articles)).body;
        withComponents.articles += 1;
        for (const kind of ['photo', 'table', 'attachment', 'note'] as const) if (draw[kind]) withComponents[kind] += 1;
      }
      const text = title + paragraphs.join('\n\n');
      const frontmatter =
        '---\n' +
        `${SYNTHETIC_MARK}\n` +
        `title: ${title}\n` +
        `issue: ${issueId}\n` +
        yamlList('eventDates', [eventDate.toISOString().slice(0, 10)]) +
        yamlList('people', [...new Set(cast.people.values())].filter((p) => text.includes(p))) +
        yamlList('organizations', [...new Set(cast.organizations.values())].filter((o) => text.includes(o))) +
        yamlList('places', [...new Set(cast.places.values())].filter((p) => text.includes(p))) +
        yamlList('topics', topics.filter((t) => t.keywords.some((k) => text.includes(k))).map((t) => t.name)) +
        '---\n\n';
      writeFileSync(join(targetRoot, 'content', 'articles', issueId, `${pad(a)}.mdx`), frontmatter + body + '\n');
    }
    articleIds.push(...ids);
    mkdirSync(join(targetRoot, 'content', 'issues'), { recursive: true });
    writeFileSync(
      join(targetRoot, 'content', 'issues', `${issueId}.mdx`),
      '---\n' +
        `${SYNTHETIC_MARK}\n` +
        'series:\n  - 实施“1331工程” 推进“双一流”建设\n  - 工作要讯\n' +
        `year: ${year}\nnumber: ${number}\nserial: ${i + 1}\ndate: ${date}\n` +
        'publisher: 山西省教育厅1331办公室\nemail: sxs1331bgs@163.com\ntelephone: 0351-8723363\n' +
        'recipients:\n  bao: 合成数据：报送单位\n  song: 合成数据：抄送单位\n  fa: 合成数据：发送单位\n' +
        `copies: ${between(100, 300)}\n` +
        yamlList('articles', ids) +
        '---\n',
    );
  }

  mkdirSync(join(targetRoot, 'content', 'policies'), { recursive: true });
  const statuses = POLICY_STATUSES;
  for (let p = 1; p <= options.policies; p++) {
    const year = between(2017, 2026);
    const status = random() < 0.6 ? 'in-force' : pick(statuses);
    const written = new Date(Date.UTC(year, between(0, 11), between(1, 28)));
    const published = new Date(written.getTime() + between(1, 20) * 86_400_000);
    const place = pick(PLACES);
    const category = pick(POLICY_CATEGORIES);
    const title = `${place}${pick(['推进', '实施', '加强', '深化'])}“1331工程”${pick(['重点学科', '协同创新中心', '重点实验室', '创新团队', '产业技术研究院'])}建设${category === '其他' ? '规定' : category}（合成第${p}号）`;
    const cast = { people: new Map<string, string>(), places: new Map<string, string>(), organizations: new Map<string, string>() };
    const paragraphs: string[] = [];
    for (let length = 0, target = between(500, 3000); length < target; ) {
      const paragraph = Array.from({ length: between(2, 5) }, () => recast(pick(sentences), cast)).join('');
      paragraphs.push(paragraph);
      length += paragraph.length;
    }
    const mentions = random() < 0.3 ? [pick(articleIds)] : [];
    const lines = [
      '---',
      SYNTHETIC_MARK,
      `title: ${title}`,
      `issuer: 山西省教育厅`,
      `docNumber: 晋教合〔${year}〕${p}号`,
      `writtenDate: ${written.toISOString().slice(0, 10)}`,
      `publishedDate: ${published.toISOString().slice(0, 10)}`,
      `status: ${status}`,
      ...(status === 'repealed' ? [`repealedDate: ${year + 1}-06-30`] : []),
      `category: ${category}`,
      `visibility: ${status === 'draft' ? 'internal' : 'public'}`,
      // A document with text may be public only when its 附注 says 此件主动公开 (the content check).
      ...(status === 'draft' ? [] : ['disclosure: 主动公开']),
      yamlList('mentionedIn', [...new Set(mentions)]).trimEnd(),
      yamlList('supersedes', p > 1 && random() < 0.1 ? [`synthetic-${pad(p - 1, 4)}`] : []).trimEnd(),
      '---',
      '',
    ];
    writeFileSync(join(targetRoot, 'content', 'policies', `synthetic-${pad(p, 4)}.mdx`), lines.join('\n') + paragraphs.join('\n\n') + '\n');
  }
  return { issues: issueCount, articles: options.articles, policies: options.policies, characters, withComponents };
}
