/**
 * A new entry from a blank form (新建): its files worked out from what the editor has typed so
 * far, as the import names them (an issue by its year and number, build-issue.ts issueId; its
 * articles 01, 02… in its folder; a policy by its 文号, or its date and title, build-policy.ts
 * policyId; a topic by its name in pinyin), checked by the collections' schemas as the editor
 * types, and written only on 保存 (server.ts).
 *
 * An issue needs at least one article (its 要目), and an article must be listed by its issue:
 * a new issue is made with its first article, its 要目 and the article's 所属一期 filled in
 * here; a new article of an issue is added to the end of that issue's 要目, in the same commit.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectionName } from '../../src/schemas/common.ts';
import { issueId } from '../import/build-issue.ts';
import { policyId, romanised } from '../import/build-policy.ts';
import { composeFile, entryOfText } from './entries.ts';
import { checkData, FORMS, formToData, type FieldMessage, type FieldSpec } from './schema-form.ts';

/** The form's values of one entry of a new-entry page, and its body. */
export interface NewEntryValues {
  values: Record<string, string | boolean>;
  body?: string;
}

export interface NewEntryRequest {
  collection: CollectionName;
  /** For an issue: the issue's values, then its first article's; otherwise the one entry's. */
  entries: NewEntryValues[];
}

export interface NewEntryPlan {
  /** The files to write, relative to the project (content/…), with their text: the new ones, and an issue whose 要目 takes a new article. */
  files: Array<{ path: string; text: string }>;
  /** What is wrong, by the entry of the page it belongs to (its index in `entries`) and its field. */
  messages: Array<FieldMessage & { entry: number }>;
  /** The new entries' files, by entry (null while the fields that name it are not filled in). */
  paths: Array<string | null>;
}

/** The fields of a new entry's form: all its schema's, but those the plan fills in (a new issue's 要目, its first article's 所属一期). */
export const newFields = (collection: CollectionName, withIssue: boolean): FieldSpec[] =>
  FORMS[collection].filter((f) => !(collection === 'issues' && f.key === 'articles') && !(collection === 'articles' && !withIssue && f.key === 'issue'));

/** The body a file is written with: after a blank line under the frontmatter, ending in one line break. */
const bodyText = (body: string | undefined) => (body?.trim() ? `\n${body.trim()}\n` : '');

/** The next article number free in an issue's folder: 01, 02… */
function nextArticle(root: string, issue: string): string {
  const folder = join(root, 'content/articles', issue);
  const taken = existsSync(folder) ? readdirSync(folder).flatMap((name) => (/^(\d+)\.mdx$/.exec(name) ? [Number(/^(\d+)/.exec(name)![1])] : [])) : [];
  return String(Math.max(0, ...taken) + 1).padStart(2, '0');
}

/** What saving the new entry would write, and what is wrong with it. */
export function planNewEntry(root: string, request: NewEntryRequest): NewEntryPlan {
  const plan: NewEntryPlan = { files: [], messages: [], paths: [] };
  const say = (entry: number, name: string, message: string) => plan.messages.push({ entry, name, message });
  const check = (entry: number, collection: CollectionName, data: Record<string, unknown>, skip: string[] = []) => {
    for (const m of checkData(collection, data)) if (!skip.includes(m.name.split('.')[0]!)) plan.messages.push({ ...m, entry });
  };
  const exists = (path: string) => existsSync(join(root, path));
  const [first, second] = request.entries;
  const data = formToData(newFields(request.collection, true), first?.values ?? {});

  switch (request.collection) {
    case 'issues': {
      const article = formToData(newFields('articles', false), second?.values ?? {});
      const id = typeof data['year'] === 'number' && typeof data['number'] === 'number' ? issueId(data['year'], data['number']) : null;
      if (id) {
        data['articles'] = [`${id}/01`];
        article['issue'] = id;
      }
      check(0, 'issues', data, id ? [] : ['articles']);
      check(1, 'articles', article, id ? [] : ['issue']);
      const paths = id ? [`content/issues/${id}.mdx`, `content/articles/${id}/01.mdx`] : [null, null];
      if (id && exists(paths[0]!)) say(0, 'number', `${String(data['year'])}年第${String(data['number'])}期已经有了（${paths[0]}）：请在编辑台首页打开它，或改正年份和期号`);
      else if (id && existsSync(join(root, 'content/articles', id))) say(0, 'number', `content/articles/${id}/ 已有文件：请先处理这个文件夹，或改正年份和期号`);
      plan.paths = paths;
      if (id) plan.files = [{ path: paths[0]!, text: composeFile('issues', null, data, bodyText(first?.body)) }, { path: paths[1]!, text: composeFile('articles', null, article, bodyText(second?.body)) }];
      return plan;
    }
    case 'articles': {
      check(0, 'articles', data);
      const issue = typeof data['issue'] === 'string' ? data['issue'] : null;
      const issuePath = issue ? `content/issues/${issue}.mdx` : null;
      if (!issue || !/^[\w-]+$/.test(issue) || !exists(issuePath!)) {
        if (issue) say(0, 'issue', `没有这一期：${issue}（应为 content/issues/ 中某一期的 id，如 2017-02）`);
        plan.paths = [null];
        return plan;
      }
      const path = `content/articles/${issue}/${nextArticle(root, issue)}.mdx`;
      const issueText = readFileSync(join(root, issuePath!), 'utf8');
      const issueEntry = entryOfText('issues', issueText);
      const listed = Array.isArray(issueEntry.data['articles']) ? issueEntry.data['articles'].map(String) : [];
      const withArticle = { ...issueEntry.data, articles: [...listed, path.slice('content/articles/'.length, -'.mdx'.length)] };
      plan.paths = [path];
      plan.files = [{ path, text: composeFile('articles', null, data, bodyText(first?.body)) }, { path: issuePath!, text: composeFile('issues', issueText, withArticle, issueEntry.body) }];
      return plan;
    }
    case 'policies': {
      check(0, 'policies', data);
      if (typeof data['title'] !== 'string') {
        plan.paths = [null];
        return plan;
      }
      const { id } = policyId({ title: data['title'], docNumber: typeof data['docNumber'] === 'string' ? data['docNumber'] : undefined, writtenDate: typeof data['writtenDate'] === 'string' ? data['writtenDate'] : undefined });
      const path = `content/policies/${id}.mdx`;
      if (exists(path)) say(0, data['docNumber'] ? 'docNumber' : 'title', `${path} 已经有了：同一文号（或同一日期、同一标题）的文件已收录，请在编辑台首页打开它`);
      plan.paths = [path];
      plan.files = [{ path, text: composeFile('policies', null, data, bodyText(first?.body)) }];
      return plan;
    }
    case 'topics': {
      check(0, 'topics', data);
      const slug = typeof data['name'] === 'string' ? romanised(data['name']) : '';
      if (!slug) {
        plan.paths = [null];
        return plan;
      }
      const path = `content/topics/${slug}.yaml`;
      if (exists(path)) say(0, 'name', `${path} 已经有了：这个主题已收录，请在编辑台首页打开它`);
      plan.paths = [path];
      plan.files = [{ path, text: composeFile('topics', null, data, '') }];
      return plan;
    }
  }
}
