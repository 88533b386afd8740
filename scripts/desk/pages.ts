/**
 * The 编辑台's pages, in Chinese: each gathers what it shows (the entries, an import under review,
 * the publish state, the history) and renders it with html.ts; the browser side (assets/desk.js)
 * checks, previews and saves.
 */
import { randomUUID } from 'node:crypto';
import type { CollectionName } from '../../src/schemas/common.ts';
import { versionOf } from './conflict.ts';
import { collectionOf, COLLECTION_NAMES, entryOfText, entryTitle, listEntries, readEntry, type EntrySummary } from './entries.ts';
import { recentChanges } from './history.ts';
import { formFields, html, page, raw } from './html.ts';
import { placeMarks, type Mark } from './marks.ts';
import type { Edition, PublishState } from './publish.ts';
import type { ReviewSession } from './review.ts';
import { checkData, dataToForm, FORMS } from './schema-form.ts';
import { previewEntryBody } from './preview.ts';
import { COMPONENTS } from './components.ts';
import { newFields, planNewEntry } from './new-entry.ts';

/** Who is editing: the signed-in editor (office network), or null (asked on the page); whether there is a session to end. */
export interface Frame {
  editor: string | null;
  session: boolean;
}

const paragraphsOf = (body: string) => body.split('\n\n');

export function homePage(root: string, frame: Frame): string {
  const entries = listEntries(root);
  const item = (e: EntrySummary) => html`<li><a href="/desk/edit?path=${encodeURIComponent(e.path)}">${e.title}</a> <span class="id">${e.id}</span>${e.draft ? html` <span class="badge">待核对</span>` : ''}</li>`;
  const of = (collection: CollectionName) => entries.filter((e) => e.collection === collection);
  // An issue with its articles under it (folded: an archive has thousands), newest first.
  const issues = of('issues').reverse();
  const articles = of('articles');
  const bulletins = html`<section><h2>工作要讯（${issues.length} 期，${articles.length} 篇文章）</h2><ul class="issues">${issues.map((issue) => {
    const own = articles.filter((a) => a.id.startsWith(`${issue.id}/`));
    return html`<li><a href="/desk/edit?path=${encodeURIComponent(issue.path)}">${issue.title}</a> <span class="id">${issue.id}</span>${issue.draft ? html` <span class="badge">待核对</span>` : ''} · <a href="/desk/new?collection=articles&amp;issue=${encodeURIComponent(issue.id)}">新建这一期的文章</a><details><summary>${own.length} 篇文章</summary><ul>${own.map(item)}</ul></details></li>`;
  })}</ul></section>`;
  const others = (['policies', 'topics'] as const).map((collection) => html`<section><h2>${COLLECTION_NAMES[collection]}（${of(collection).length}）</h2><ul class="entries">${of(collection).map(item)}</ul></section>`);
  return page({ ...frame, title: '编辑台' }, html`<p class="lead">导入 Word、PDF、OFD、文本或扫描件，对照原件核对后保存；修改任何一期、文章、政策文件或主题；发布网站；查看和撤销修改。</p><p class="actions"><a class="button" href="/desk/import">导入文件</a> <a class="button" href="/desk/publish">发布网站</a> <a class="button" href="/desk/history">修改记录</a></p>
<p class="actions">新建：<a href="/desk/new?collection=issues">一期工作要讯</a> · <a href="/desk/new?collection=policies">政策文件</a> · <a href="/desk/new?collection=topics">主题</a>（文章在所属的一期下新建）</p>${bulletins}${others}`);
}

export function importPage(frame: Frame): string {
  return page(
    { ...frame, title: '导入文件' },
    html`<form class="drop" data-import>
<p>把一期《工作要讯》或一份公文拖到这里，或选择文件：Word（.docx）、PDF、OFD、纯文本、另存的网页，扫描件（没有文字层的 PDF）会做文字识别。</p>
<label for="import-file">选择文件</label> <input id="import-file" type="file" name="file" accept=".docx,.pdf,.ofd,.txt,.html,.htm">
<p class="hint">导入只读取文件，不写入任何内容：核对页面上改好后点“保存”才写入。</p>
<p class="status" role="status" aria-live="polite"></p>
</form>`,
  );
}

export function reviewPage(frame: Frame, session: ReviewSession): string {
  const { prepared } = session;
  const files = prepared.files.map((f) => {
    const collection = collectionOf(`content/${f.path}`)!;
    return { ...f, collection, ...entryOfText(collection, f.text), paragraphs: paragraphsOf(entryOfText(collection, f.text).body) };
  });
  const marks = placeMarks(files, FORMS, prepared);
  const at = (i: number, where: (m: Mark) => boolean) => marks.filter((m) => m.file === i && where(m));
  const source = session.pages.length
    ? session.pages.map(
        (p, i) => html`<figure class="source-page"><div class="page-image"><img src="/desk/review/${session.id}/page/${i}" width="${p.width}" height="${p.height}" alt="原件第 ${i + 1} 页">${p.marks.map((m) => html`<span class="ocr-low" style="left:${(m.left * 100).toFixed(2)}%;top:${(m.top * 100).toFixed(2)}%;width:${(m.width * 100).toFixed(2)}%;height:${(m.height * 100).toFixed(2)}%" title="置信度 ${m.confidence}：${m.text}"></span>`)}</div><figcaption>第 ${i + 1} 页${p.marks.length ? `，${p.marks.length} 行识别置信度低（框出）` : ''}</figcaption></figure>`,
      )
    : html`${session.pagesNote ? html`<p class="note">${session.pagesNote}</p>` : ''}<pre class="source-text">${session.sourceText ?? ''}</pre>`;
  const entries = files.map((f, i) => {
    const fieldMarks = new Map<string, string[]>();
    for (const m of at(i, (m) => m.field !== undefined)) fieldMarks.set(m.field!, [...(fieldMarks.get(m.field!) ?? []), m.message]);
    const top = at(i, (m) => m.field === undefined && m.paragraph === undefined);
    const values = dataToForm(FORMS[f.collection], f.data);
    return html`<section class="entry" data-entry data-path="${f.path}" data-collection="${f.collection}">
<h2>content/${f.path}${prepared.titles.has(f.path) ? html` <span class="id">${prepared.titles.get(f.path)}</span>` : ''}</h2>
${f.data['review'] ? html`<p class="note">文字识别草稿：保存后仍标为“待核对”，不会发布；逐段核对后在编辑页点“已核对”。</p>` : ''}
${top.map((m) => html`<p class="mark">⚠ ${m.message}</p>`)}
<div class="fields" data-fields>${formFields(FORMS[f.collection], values, [], '', fieldMarks)}</div>
${f.collection === 'topics' ? '' : html`<h3>正文（${f.paragraphs.filter((p) => p.trim()).length} 段）</h3>
<ol class="paragraphs">${f.paragraphs.map((p, n) => {
      const pm = at(i, (m) => m.paragraph === n);
      return html`<li class="${pm.length ? 'flagged' : ''}">${pm.map((m) => html`<p class="mark ${m.kind}">⚠ ${m.message}</p>`)}<label class="visually-hidden" for="p-${i}-${n}">第 ${n + 1} 段</label><textarea id="p-${i}-${n}" data-paragraph rows="${Math.max(2, Math.ceil(p.length / 40))}">${p}</textarea></li>`;
    })}</ol>`}
</section>`;
  });
  return page(
    { ...frame, title: `核对导入：${session.name}` },
    html`<div class="summary">${prepared.summary.map((l) => html`<p>${l}</p>`)}
<h2>未能确定，请核对（${prepared.undecided.length + prepared.joins.length + prepared.low.length} 处）</h2>
${prepared.undecided.length || prepared.joins.length || prepared.low.length ? html`<ul class="undecided">${[...prepared.undecided, ...prepared.joins.map((j) => `分页接缝：${j}`), ...prepared.low.map((l) => `识别置信度低：${l}`)].map((l) => html`<li>${l}</li>`)}</ul>` : html`<p>没有。</p>`}
${prepared.closing.map((l) => html`<p class="hint">${l.replace(/；?改动后运行 npm run check:content。?$/, '。')}</p>`)}</div>
<div class="review">
<section class="source" aria-label="原件" tabindex="0">${source}</section>
<form class="read" data-review="${session.id}" novalidate>
${entries}
<div class="save-bar">
<p class="check"><input type="checkbox" id="replace" name="replace"> <label for="replace">替换已有的条目（同一期或同一文号已导入过时）</label></p>
<button type="submit">保存</button> <button type="button" data-cancel>放弃这次导入</button>
<div class="status" role="status" aria-live="polite"></div>
</div>
</form>
</div>`,
  );
}

export async function editPage(root: string, frame: Frame, path: string): Promise<string> {
  const collection = collectionOf(path);
  if (!collection) return page({ ...frame, title: '不能编辑' }, html`<p>“${path}”不是内容文件。<a href="/desk/">回到编辑台</a></p>`);
  const entry = readEntry(root, path);
  if (entry.text === null) return page({ ...frame, title: '找不到条目' }, html`<p>${path} 不存在（可能已被删除或撤销）。<a href="/desk/">回到编辑台</a></p>`);
  const values = dataToForm(FORMS[collection], entry.data);
  const messages = checkData(collection, entry.data);
  const draft = entry.data['review'];
  const published = publicAddress(collection, entry.data, path);
  return page(
    { ...frame, title: `编辑${COLLECTION_NAMES[collection]}：${entryTitle(collection, entry.data, path)}` },
    html`<p class="path">${path}${published ? html` · <a href="${published}">网站上的页面</a>` : ''}</p>
${draft ? html`<div class="draft" data-draft><p><strong>文字识别草稿（待核对）</strong>：这一期不会发布。请对照纸本逐段核对全部文章（标题、正文、版记），改正后点“已核对”。</p><button type="button" data-release>已核对</button></div>` : ''}
<form class="edit" data-edit data-path="${path}" data-collection="${collection}" data-base="${versionOf(entry.text)}" data-uploads="${randomUUID()}" novalidate>
<div class="fields" data-fields>${formFields(FORMS[collection], values, messages)}</div>
${collection === 'topics' ? '' : bodyEditor(collection, 'body', entry.body, await previewEntryBody(root, path, collection, entry.body), 'h2')}
<div class="save-bar"><button type="submit">保存</button> <div class="status" role="status" aria-live="polite"></div></div>
</form>
<div class="conflict" data-conflict hidden></div>`,
  );
}

export function publishPage(frame: Frame, editions: readonly Edition[], state: PublishState): string {
  return page(
    { ...frame, title: '发布网站' },
    html`<p>发布会检查全部内容，重新生成${editions.map((e) => (e === 'public' ? '公开版' : '内部版')).join('和')}的网页、搜索索引和 PDF。每一步都通过后才替换正在使用的网站；任何一步失败，网站保持原样，并显示出错的原因。</p>
<div data-publish><button type="button" data-start>发布</button>
<p><label for="publish-progress">进度</label> <progress id="publish-progress" value="${state.done}" max="${state.total || 1}"></progress> <span data-step>${state.step}</span></p>
<div class="result" data-result role="status" aria-live="polite"></div>
<details><summary>构建输出</summary><pre data-log></pre></details></div>`,
  );
}

export function historyPage(root: string, frame: Frame): string {
  const changes = recentChanges(root, 40);
  return page(
    { ...frame, title: '修改记录' },
    html`<p>最近 ${changes.length} 次对内容的修改，最新的在前。“撤销”会新增一次修改，把那次修改改回去；之后又改过同一处的，不能单独撤销。</p>
<div class="status" role="status" aria-live="polite" data-history-status></div>
<ol class="history">${changes.map((c) => html`<li><p><strong>${c.subject}</strong></p><p class="meta">${c.editor} · <time datetime="${c.date}">${c.date.slice(0, 16).replace('T', ' ')}</time> · ${c.hash.slice(0, 8)}</p>${c.body ? html`<pre class="meta">${c.body}</pre>` : ''}<p class="meta">${c.files.join('、')}</p><button type="button" data-undo="${c.hash}">撤销这次修改</button></li>`)}</ol>`,
  );
}

const NEW_TITLES: Record<CollectionName, string> = { issues: '新建一期工作要讯', articles: '新建文章', policies: '新建政策文件', topics: '新建主题' };

/**
 * A blank form for a new entry (new-entry.ts): the fields of its collection's schema, the body,
 * where it will be saved shown as the fields that name it are filled in; a new issue with its
 * first article.
 */
export function newPage(root: string, frame: Frame, collection: CollectionName, issue: string | null): string {
  // Where it will be saved, as far as the form says already (a new article's issue); the messages wait for the editor's typing.
  const known = planNewEntry(root, { collection, entries: [{ values: issue ? { issue } : {} }, { values: {} }] }).paths;
  const section = (of: CollectionName, heading: string, withIssue: boolean, values: Record<string, string>, path: string | null | undefined) => html`<section class="entry" data-entry data-collection="${of}">
<h2>${heading}</h2>
<p class="path" data-new-path data-pending="${PATH_PENDING[of]}" aria-live="polite">${path ? `保存为 ${path}` : PATH_PENDING[of]}</p>
<div class="fields" data-fields>${formFields(newFields(of, withIssue), values)}</div>
${of === 'topics' ? '' : bodyEditor(of, `body-${of}`, '', '', 'h3')}
</section>`;
  const sections =
    collection === 'issues'
      ? [section('issues', '这一期', true, {}, known[0]), section('articles', '第一篇文章（其余文章保存后在首页“新建这一期的文章”）', false, {}, known[1])]
      : [section(collection, COLLECTION_NAMES[collection], true, issue ? { issue } : {}, known[0])];
  return page(
    { ...frame, title: NEW_TITLES[collection] },
    html`<p class="lead">填写下面的栏目（带 * 的必填），边填边检查；点“保存”之前不写入任何文件。文件名按导入的规则由${FILE_NAMED_BY[collection]}确定。</p>
<form class="new" data-new data-collection="${collection}" data-uploads="${randomUUID()}" novalidate>
${sections}
<div class="save-bar"><button type="submit">保存</button> <div class="status" role="status" aria-live="polite"></div></div>
</form>`,
  );
}

const PATH_PENDING: Record<CollectionName, string> = { issues: '填写年份和期号后确定文件名', articles: '填写所属一期后确定文件名', policies: '填写标题（和发文字号）后确定文件名', topics: '填写名称后确定文件名' };
const FILE_NAMED_BY: Record<CollectionName, string> = { issues: '年份和期号', articles: '所属一期和文章的序号', policies: '发文字号（没有文号时由成文日期和标题）', topics: '名称的拼音' };

/** The body's editor (assets/desk.js bodyEditor): the text, the component buttons, the preview beside it. `id`: the text box's, unique on its page. */
function bodyEditor(collection: CollectionName, id: string, body: string, preview: string, heading: 'h2' | 'h3') {
  return html`<div class="body-editor">
<div class="body-source"><label for="${id}">正文</label>
${bodyToolbar(collection)}
<textarea id="${id}" name="__body" data-body rows="${heading === 'h2' ? 24 : 12}" aria-describedby="${id}-msg">${body}</textarea><p class="msg" id="${id}-msg" data-msg-for="__body" aria-live="polite"></p></div>
<div class="body-preview">${raw(`<${heading}>预览</${heading}>`)}<div class="preview prose" data-preview aria-live="polite">${raw(preview)}</div></div>
</div>`;
}

/** The body editor's buttons: the components, in an article's body only (the others' bodies take none); a file chooser for those that need a file. */
function bodyToolbar(collection: CollectionName) {
  if (collection !== 'articles') return '';
  return html`<div class="toolbar" role="toolbar" aria-label="插入组件">${COMPONENTS.map((c) =>
    c.upload
      ? html`<button type="button" data-upload="${c.upload.kind}" title="${c.help}">${c.label}</button><input type="file" hidden accept="${c.upload.accept}" data-upload-input="${c.upload.kind}" tabindex="-1" aria-hidden="true">`
      : html`<button type="button" data-insert="${c.snippet}" title="${c.help}">${c.label}</button>`,
  )}</div><p class="status" data-upload-status role="status" aria-live="polite"></p>`;
}

/** The entry's page on the site. */
function publicAddress(collection: CollectionName, data: Record<string, unknown>, path: string): string | null {
  const stem = path.replace(/^content\/[^/]+\//, '').replace(/\.(mdx|yaml)$/, '');
  if (collection === 'policies') return `/policies/${stem}/`;
  if (collection === 'issues' || collection === 'articles') return `/bulletins/${stem}/`;
  if (collection === 'topics' && typeof data['name'] === 'string') return `/topics/${data['name']}/`;
  return null;
}
