/**
 * The 编辑台's server: node:http and a dozen routes under /desk/, every other address the
 * published site (dist/), so that a page is previewed with the links, styles and search it has
 * when published. What each route does lives in the modules beside this one; this file only
 * checks who is asking and hands the request on.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { diffLines } from 'diff';
import type { CollectionName } from '../../src/schemas/common.ts';
import { bodyProblems } from '../content/validate.ts';
import { importFailure } from '../import/cli.ts';
import { existingFiles, validateImport, withImportLock, writeContentFiles } from '../import/write-content.ts';
import { ImportError } from '../import/errors.ts';
import { RateLimit, SESSION_COOKIE, SESSION_SECONDS, Sessions } from './auth.ts';
import { decideSave, versionOf } from './conflict.ts';
import { changedFields, collectionOf, COLLECTION_NAMES, composeFile, entryOfText, entryTitle, readEntry, releaseDraft } from './entries.ts';
import { commitChange, HistoryError, recentChanges, undoChange } from './history.ts';
import { html, page, type Html } from './html.ts';
import { OUT_DIRS, Publisher, type Edition } from './publish.ts';
import { Reviews, type ReviewSession } from './review.ts';
import { checkData, FORMS, formToData, type FieldMessage } from './schema-form.ts';
import { serveStatic } from './site-files.ts';
import { besideFiles, previewEntryBody } from './preview.ts';
import { Uploads, UPLOAD_KINDS } from './uploads.ts';
import { uploadedSnippet } from './components.ts';
import { contentTypeOf } from '../lib/files.ts';
import { MAX_BESIDE_FILE_BYTES } from '../lib/limits.ts';
import type { FileKind } from '../../src/lib/mdx/components.ts';
import { PHOTO_WIDTHS } from '../../src/lib/photos.ts';
import { editPage, historyPage, homePage, importPage, newPage, publishPage, reviewPage } from './pages.ts';
import { planNewEntry, type NewEntryRequest } from './new-entry.ts';

/** The width a photo is shown at in the preview: the widest the site's pages make (src/lib/photos.ts). */
const PREVIEW_PHOTO_WIDTH = PHOTO_WIDTHS.at(-1)!;

export interface DeskOptions {
  /** The project (its content/, its build, its git repository). */
  root: string;
  /** The password for `--host`; none: the desk answers only its own machine's browser. */
  password?: string | undefined;
  editions: readonly Edition[];
}

/** A request's JSON body, at most `limit` bytes. */
async function body(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new ImportError(`文件太大（超过 ${Math.round(limit / 1024 / 1024)} MB）`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const json = (res: ServerResponse, status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(value));
const sendHtml = (res: ServerResponse, status: number, text: string) => res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(text);

function cookies(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries((req.headers.cookie ?? '').split(';').flatMap((c) => {
    const at = c.indexOf('=');
    return at > 0 ? [[c.slice(0, at).trim(), c.slice(at + 1).trim()]] : [];
  }));
}

/** A save's editor: the signed-in one, or the name the page sends. */
function editorName(signedIn: string | null, given: unknown): string {
  const name = signedIn ?? (typeof given === 'string' ? given.trim() : '');
  if (!name) throw new ImportError('请先在页面上方填写编辑人姓名：每次保存都记下是谁改的');
  if (name.length > 40 || /[<>\n\r\t]/.test(name)) throw new ImportError('编辑人姓名应为 40 字以内、不含 < > 或换行的文字');
  return name;
}

export function createDesk(options: DeskOptions): { server: Server; close: () => void } {
  const root = options.root;
  const sessions = options.password ? new Sessions(options.password) : null;
  const limit = new RateLimit();
  const reviews = new Reviews(root);
  const publisher = new Publisher(root, options.editions);
  const uploads = new Uploads();
  const assets = join(import.meta.dirname, 'assets');

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The desk's own fault, not the content's: said so, without a stack trace (DEBUG=1 prints it).
      const message = error instanceof ImportError || error instanceof HistoryError ? error.message : `编辑台出错（${(error as Error)?.name ?? 'Error'}：${String((error as Error)?.message ?? error).split('\n')[0]}）：这不是内容的问题，请把这条信息告诉网站的维护者`;
      if (process.env['DEBUG']) console.error(error);
      if (!res.headersSent) json(res, 400, { error: message });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const url = new URL(req.url ?? '/', 'http://desk.invalid');
    const path = url.pathname;
    // A page elsewhere in the browser may not post to the desk (it answers on 127.0.0.1 without a password).
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}`) return json(res, 403, { error: '只接受编辑台本身页面的请求' });
    }
    if (!sessions && !/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(req.headers.host ?? '')) {
      // Without --host, only this machine's own names for itself (a page cannot reach the desk by another name: DNS rebinding).
      return sendHtml(res, 421, '编辑台只在本机开放（127.0.0.1）');
    }
    let editor: string | null = null;
    if (sessions) {
      editor = sessions.editorOf(cookies(req)[SESSION_COOKIE]);
      if (!editor) {
        if (!limit.allow(req.socket.remoteAddress ?? '')) return res.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' }).end('请求过于频繁，请稍后再试');
        if (path === '/desk/login') return login(req, res, sessions);
        if (path.startsWith('/desk/assets/')) return serveStatic(assets, path.slice('/desk/assets'.length), res);
        if (req.method === 'GET') return res.writeHead(303, { location: '/desk/login' }).end();
        return json(res, 401, { error: '请先登录编辑台' });
      }
    }
    if (path === '/desk/logout') return res.writeHead(303, { location: '/desk/login', 'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0` }).end();
    if (path.startsWith('/desk/assets/')) return serveStatic(assets, path.slice('/desk/assets'.length), res);
    if (!path.startsWith('/desk')) return serveStatic(join(root, OUT_DIRS[options.editions[0] ?? 'public']), path, res);
    const frame = { editor, session: Boolean(sessions) };
    const route = `${req.method} ${path}`;
    const review = /^\/desk\/review\/([\w-]+)(?:\/page\/(\d+))?$/.exec(path);
    const reviewApi = /^\/desk\/api\/review\/([\w-]+)\/(save|cancel)$/.exec(path);
    if (route === 'GET /desk/' || route === 'GET /desk') return sendHtml(res, 200, homePage(root, frame));
    if (route === 'GET /desk/import') return sendHtml(res, 200, importPage(frame));
    if (route === 'POST /desk/api/import') {
      const name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'file'));
      try {
        const session = await reviews.open(name, await body(req, 64 * 1024 * 1024 + 1));
        return json(res, 200, { review: `/desk/review/${session.id}` });
      } catch (error) {
        return json(res, 422, { error: `导入失败：${name}：${importFailure(error)}。没有写入任何文件。` });
      }
    }
    if (review && req.method === 'GET') {
      const session = reviews.get(review[1]!);
      if (!session) return sendHtml(res, 404, page({ ...frame, title: '找不到这次导入' }, html`<p>这次导入已保存、已放弃或已过期，请重新导入文件。<a href="/desk/import">导入</a></p>`));
      if (review[2] !== undefined) {
        const image = session.pages[Number(review[2])];
        if (!image) return json(res, 404, { error: '没有这一页' });
        return res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(readFileSync(image.file));
      }
      return sendHtml(res, 200, reviewPage(frame, session));
    }
    if (reviewApi && req.method === 'POST') {
      const session = reviews.get(reviewApi[1]!);
      if (!session) return json(res, 404, { error: '这次导入已保存、已放弃或已过期，请重新导入文件' });
      if (reviewApi[2] === 'cancel') {
        reviews.close(session.id);
        return json(res, 200, { ok: true });
      }
      const request = JSON.parse((await body(req, 8 * 1024 * 1024)).toString('utf8')) as { editor?: string; replace?: boolean; files: Array<{ path: string; values: Record<string, string | boolean>; body: string }> };
      return saveReview(res, session, request, editorName(editor, request.editor));
    }
    if (route === 'GET /desk/edit') return sendHtml(res, 200, await editPage(root, frame, url.searchParams.get('path') ?? ''));
    if (route === 'POST /desk/api/check') {
      const request = JSON.parse((await body(req, 4 * 1024 * 1024)).toString('utf8')) as { collection: CollectionName; values?: Record<string, string | boolean>; path?: string; body?: string; uploads?: string };
      if (!(request.collection in FORMS)) return json(res, 400, { error: '未知的集合' });
      if (typeof request.body === 'string') {
        // The body as the content check reads it (MDX it refuses, a component's properties and files, links), by the body's lines.
        const path = String(request.path ?? '');
        if (collectionOf(path) !== request.collection) return json(res, 400, { error: '未知的条目' });
        const staged = uploads.files(request.uploads, path);
        return json(res, 200, { messages: bodyProblems(root, path, request.collection, request.body, new Set(), staged).map((p) => ({ name: '__body', message: `第 ${p.line} 行：${p.message}` })) });
      }
      return json(res, 200, { messages: checkData(request.collection, formToData(FORMS[request.collection], request.values ?? {})) });
    }
    if (route === 'POST /desk/api/preview') {
      const request = JSON.parse((await body(req, 4 * 1024 * 1024)).toString('utf8')) as { body: string; path: string; uploads?: string };
      const path = String(request.path ?? '');
      const collection = collectionOf(path);
      if (!collection) return json(res, 400, { error: '未知的条目' });
      return json(res, 200, { html: await previewEntryBody(root, path, collection, String(request.body ?? ''), uploads.files(request.uploads, path), request.uploads) });
    }
    if (route === 'POST /desk/api/upload') {
      // A file for the body's 图片, 附件 or 表格: held until the entry is saved (uploads.ts).
      const path = url.searchParams.get('path') ?? '';
      const kind = url.searchParams.get('kind') as FileKind;
      const name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'file'));
      if (collectionOf(path) !== 'articles' || !UPLOAD_KINDS.includes(kind)) return json(res, 400, { error: '只有文章的正文可以插入照片、附件和表格' });
      try {
        const upload = await uploads.add(root, url.searchParams.get('uploads') ?? '', path, kind, name, await body(req, MAX_BESIDE_FILE_BYTES));
        return json(res, 200, { name: upload.name, snippet: uploadedSnippet(kind, upload.name, upload.original) });
      } catch (error) {
        if (error instanceof ImportError) return json(res, 422, { error: `没有上传：${error.message.startsWith('文件太大') ? `“${name}”${error.message}` : error.message}` });
        throw error;
      }
    }
    if (route === 'GET /desk/file') {
      // A file beside an article, saved or uploaded, as the preview shows it: a photo made smaller by sharp, as the site's pages are.
      const path = url.searchParams.get('path') ?? '';
      if (collectionOf(path) !== 'articles') return json(res, 404, { error: '没有这个文件' });
      const token = url.searchParams.get('uploads') ?? undefined;
      const name = `./${url.searchParams.get('name') ?? ''}`;
      const file = besideFiles(root, path, uploads.files(token, path), token).find(name);
      if (!file) return json(res, 404, { error: '没有这个文件' });
      if (/\.(jpe?g|png|webp|avif|tiff?)$/i.test(file)) {
        const small = await sharp(file).rotate().resize({ width: PREVIEW_PHOTO_WIDTH, withoutEnlargement: true }).webp().toBuffer();
        return res.writeHead(200, { 'content-type': 'image/webp', 'cache-control': 'no-store' }).end(small);
      }
      return res.writeHead(200, { 'content-type': contentTypeOf(file), 'content-disposition': 'attachment', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' }).end(readFileSync(file));
    }
    if (route === 'GET /desk/site-styles/body-components.css') {
      // The site's own stylesheet of the components, for the preview (preview.ts).
      return res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' }).end(readFileSync(join(import.meta.dirname, '../../src/styles/body-components.css')));
    }
    if (route === 'POST /desk/api/save' || route === 'POST /desk/api/release') {
      const request = JSON.parse((await body(req, 4 * 1024 * 1024)).toString('utf8')) as { path: string; base: string; values?: Record<string, string | boolean>; body?: string; editor?: string; uploads?: string };
      return saveEntry(res, request, editorName(editor, request.editor), route.endsWith('release'));
    }
    if (route === 'GET /desk/new') {
      const collection = url.searchParams.get('collection') as CollectionName;
      if (!(collection in FORMS)) return sendHtml(res, 404, page({ ...frame, title: '没有这个页面' }, html`<p><a href="/desk/">回到编辑台</a></p>`));
      return sendHtml(res, 200, newPage(root, frame, collection, url.searchParams.get('issue')));
    }
    if (route === 'POST /desk/api/new') {
      const request = JSON.parse((await body(req, 4 * 1024 * 1024)).toString('utf8')) as NewEntryRequest & { save?: boolean; editor?: string; uploads?: string };
      if (!(request.collection in FORMS) || !Array.isArray(request.entries)) return json(res, 400, { error: '未知的集合' });
      if (!request.save) {
        const { files: _files, besides: _besides, ...plan } = checkNewEntry(request);
        return json(res, 200, plan);
      }
      return createEntry(res, request, editorName(editor, request.editor));
    }
    if (route === 'GET /desk/publish') return sendHtml(res, 200, publishPage(frame, options.editions, publisher.state));
    if (route === 'POST /desk/api/publish') return json(res, publisher.start() ? 202 : 409, publisher.state);
    if (route === 'GET /desk/api/publish') return json(res, 200, publisher.state);
    if (route === 'GET /desk/history') return sendHtml(res, 200, historyPage(root, frame));
    if (route === 'POST /desk/api/undo') {
      const request = JSON.parse((await body(req, 64 * 1024)).toString('utf8')) as { hash: string; editor?: string };
      const undone = undoChange(root, String(request.hash), editorName(editor, request.editor));
      return json(res, 200, { ok: true, commit: undone.hash, files: undone.files });
    }
    return sendHtml(res, 404, page({ ...frame, title: '没有这个页面' }, html`<p><a href="/desk/">回到编辑台</a></p>`));
  }

  async function login(req: IncomingMessage, res: ServerResponse, s: Sessions): Promise<unknown> {
    const form = (message = '') =>
      page(
        { title: '登录编辑台' },
        html`<form method="post" action="/desk/login" class="login">${message ? html`<p class="error" role="alert">${message}</p>` : ''}<div class="field"><label for="login-name">姓名</label><input id="login-name" name="name" autocomplete="name" required></div><div class="field"><label for="login-password">密码</label><input id="login-password" name="password" type="password" autocomplete="current-password" required></div><button>登录</button></form>`,
      );
    if (req.method !== 'POST') return sendHtml(res, 200, form());
    const fields = new URLSearchParams((await body(req, 16 * 1024)).toString('utf8'));
    const name = (fields.get('name') ?? '').trim();
    if (!name || name.length > 40 || /[<>\n\r\t]/.test(name) || !s.passwordMatches(fields.get('password') ?? '')) return sendHtml(res, 401, form('姓名或密码不对'));
    const secure = req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
    return res.writeHead(303, { location: '/desk/', 'set-cookie': `${SESSION_COOKIE}=${s.issue(name)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_SECONDS}${secure}` }).end();
  }

  /** Writes an edited entry, or tells of a conflict or of problems; commits what it wrote. */
  async function saveEntry(res: ServerResponse, request: { path: string; base: string; values?: Record<string, string | boolean>; body?: string; uploads?: string }, editor: string, release: boolean): Promise<unknown> {
    const entry = readEntry(root, String(request.path));
    const collection = entry.collection;
    let mine: string;
    if (release) {
      if (entry.text === null) return json(res, 404, { error: '这个条目已不存在' });
      mine = releaseDraft(entry.text);
    } else {
      const data = formToData(FORMS[collection], request.values ?? {});
      const messages = checkData(collection, { ...data, ...(entry.data['review'] ? { review: entry.data['review'] } : {}) });
      if (messages.length) return json(res, 422, { messages });
      mine = composeFile(collection, entry.text, data, String(request.body ?? entry.body));
    }
    const decision = decideSave(String(request.base), entry.text, mine);
    if (decision.action === 'unchanged') return json(res, 200, { ok: true, unchanged: true, version: versionOf(mine) });
    if (decision.action === 'conflict') {
      return json(res, 409, {
        conflict: {
          message: `在你打开这个条目之后，有人保存了另一个版本（${recentChanges(root, 1).filter((c) => c.files.includes(entry.path)).map((c) => `${c.editor}，${c.date.slice(0, 16).replace('T', ' ')}`)[0] ?? '编辑台之外的修改'}）。你的修改没有保存，也没有丢失：下面是两个版本，请对照后决定。`,
          theirs: decision.theirs,
          mine,
          version: versionOf(decision.theirs),
          diff: diffLines(decision.theirs ?? '', mine).map((part) => ({ added: Boolean(part.added), removed: Boolean(part.removed), value: part.value })),
        },
      });
    }
    const contentPath = entry.path.slice('content/'.length);
    // The files uploaded for this body that it names (an upload it no longer names is dropped): written with it, in its commit.
    const staged = uploads.files(request.uploads, entry.path);
    const named = new Set<string>();
    if (!release && collection === 'articles') bodyProblems(root, entry.path, collection, entryOfText(collection, mine).body, named, staged);
    const besides = [...staged].filter(([name]) => named.has(`${dirname(entry.path)}/${name}`)).map(([name, full]) => ({ path: `${dirname(contentPath)}/${name}`, text: readFileSync(full) }));
    const target = { projectRoot: root, contentDir: join(root, 'content'), paths: [contentPath, ...besides.map((f) => f.path)] };
    const title = `${COLLECTION_NAMES[collection]} ${entryTitle(collection, entryOfText(collection, mine).data, entry.path)}`;
    const written = withImportLock(target, target.paths, title, () => {
      // Again under the lock: another save may have been written since the file was read above.
      const now = readEntry(root, entry.path).text;
      if (now !== entry.text) return false;
      const taken = besides.filter((f) => existsSync(join(root, 'content', f.path)));
      if (taken.length) throw new ImportError(`${taken.map((f) => `content/${f.path}`).join('、')} 已由别人保存：你上传的同名文件没有保存，请重新上传后再保存`);
      const files = [{ path: contentPath, text: mine }, ...besides];
      const problems = validateImport(target, files, (p) => p.slice(root.length + 1));
      if (problems.length) throw new ImportError(`没有通过内容检查：\n${problems.join('\n')}`);
      writeContentFiles(target, files);
      return true;
    });
    if (!written) return saveEntry(res, request, editor, release);
    const changed = [...(release ? ['已核对（去掉“待核对”）'] : changedFields(collection, entry, entryOfText(collection, mine))), ...besides.map((f) => `上传 ${f.path.split('/').pop()}`)];
    const paths = [entry.path, ...besides.map((f) => `content/${f.path}`)];
    const commit = commitChange(root, paths, editor, `编辑台：${editor}${release ? '核对并发布了' : '修改了'}${title}`, [`改动：${changed.join('、') || '格式'}`, ...paths.map((p) => `文件：${p}`)]);
    uploads.clear(request.uploads, entry.path);
    return json(res, 200, { ok: true, commit, changed, version: versionOf(mine) });
  }

  /**
   * A new entry's plan with its bodies checked too (an article's by the content check's rule for
   * one body, with the files uploaded for it), and those files its body names, to write with it.
   */
  function checkNewEntry(request: NewEntryRequest & { uploads?: string }) {
    const plan = planNewEntry(root, request);
    const besides: Array<{ path: string; text: Uint8Array }> = [];
    request.entries.forEach((entry, i) => {
      const path = plan.paths[i];
      const collection = path ? collectionOf(path) : null;
      if (path && collection && typeof entry.body === 'string') {
        const staged = uploads.files(request.uploads, path);
        const named = new Set<string>();
        for (const p of bodyProblems(root, path, collection, entry.body, named, staged)) plan.messages.push({ entry: i, name: '__body', message: `第 ${p.line} 行：${p.message}` });
        for (const [name, full] of staged) if (named.has(`${dirname(path)}/${name}`)) besides.push({ path: `${dirname(path)}/${name}`, text: readFileSync(full) });
      }
    });
    return { ...plan, besides };
  }

  /** Writes a new entry (and the issue whose 要目 takes a new article), all or none, and commits it. */
  async function createEntry(res: ServerResponse, request: NewEntryRequest & { uploads?: string }, editor: string): Promise<unknown> {
    const first = checkNewEntry(request);
    if (first.messages.length || first.paths.some((p) => !p)) return json(res, 422, { messages: first.messages, paths: first.paths });
    const relative = (path: string) => path.slice('content/'.length);
    const target = { projectRoot: root, contentDir: join(root, 'content'), paths: [...first.files, ...first.besides].map((f) => relative(f.path)) };
    const [path] = first.paths as string[];
    const collection = collectionOf(path!)!;
    const title = `${COLLECTION_NAMES[collection]} ${entryTitle(collection, entryOfText(collection, first.files[0]!.text).data, path!)}`;
    const result = withImportLock(target, target.paths, title, () => {
      // Again under the lock: another editor may have made the same entry, or another article of the issue, since.
      const plan = checkNewEntry(request);
      if (plan.messages.length || JSON.stringify(plan.paths) !== JSON.stringify(first.paths)) return { messages: plan.messages, paths: plan.paths };
      const files = [...plan.files, ...plan.besides].map((f) => ({ path: relative(f.path), text: f.text }));
      const problems = validateImport(target, files, (p) => p.slice(root.length + 1));
      if (problems.length) return { problems };
      writeContentFiles(target, files);
      return { written: files.map((f) => `content/${f.path}`) };
    });
    if ('problems' in result) return json(res, 422, { error: `没有通过内容检查：\n${result.problems!.join('\n')}` });
    if (!('written' in result)) return json(res, 409, { ...result, error: '在你填写时，别人保存了同名的条目或同一期的文章：请看各栏下方的说明和新的文件名，再保存一次' });
    const commit = commitChange(root, result.written!, editor, `编辑台：${editor}新建了${title}`, result.written!.map((p) => `文件：${p}`));
    for (const path of first.paths) uploads.clear(request.uploads, path!);
    return json(res, 200, { ok: true, commit, paths: first.paths, edit: `/desk/edit?path=${encodeURIComponent(path!)}` });
  }

  async function saveReview(res: ServerResponse, session: ReviewSession, request: { replace?: boolean; files: Array<{ path: string; values: Record<string, string | boolean>; body: string }> }, editor: string): Promise<unknown> {
    const { prepared } = session;
    const messages: Array<FieldMessage & { path: string }> = [];
    const files = prepared.files.map((file) => {
      const given = request.files.find((f) => f.path === file.path);
      const collection = collectionOf(`content/${file.path}`)!;
      if (!given) return file;
      const data = formToData(FORMS[collection], given.values);
      const original = entryOfText(collection, file.text);
      for (const m of checkData(collection, { ...data, ...(original.data['review'] ? { review: original.data['review'] } : {}) })) messages.push({ ...m, path: file.path });
      return { path: file.path, text: composeFile(collection, file.text, data, given.body) };
    });
    if (messages.length) return json(res, 422, { messages });
    const { target, describe } = prepared;
    const result = withImportLock(target, [...target.paths, ...prepared.lockKeys], describe, () => {
      const existing = existingFiles(target);
      if (existing.length && !request.replace) return { exists: existing.map((p) => `content/${p}`) };
      const problems = validateImport(target, files, (p) => p.slice(root.length + 1));
      if (problems.length) return { problems };
      writeContentFiles(target, files);
      return { written: true as const, replaced: existing.length > 0 };
    });
    if ('exists' in result) return json(res, 409, { error: `${describe}已存在：${result.exists!.join('、')}。勾选“替换已有的条目”再保存，才会用这次导入替换它。`, exists: true });
    if ('problems' in result) return json(res, 422, { error: `没有通过内容检查：\n${result.problems!.join('\n')}` });
    const corrected = files.filter((f, i) => f.text !== prepared.files[i]!.text).map((f) => f.path);
    const commit = commitChange(root, target.paths.map((p) => `content/${p}`), editor, `编辑台：${editor}导入了${describe}（${session.name}）${result.replaced ? '，替换了原有的' : ''}`, [
      ...files.map((f) => `文件：content/${f.path}${corrected.includes(f.path) ? '（核对时改过）' : ''}`),
    ]);
    reviews.close(session.id);
    const first = `content/${files[0]!.path}`;
    return json(res, 200, { ok: true, commit, edit: `/desk/edit?path=${encodeURIComponent(first)}` });
  }

  return {
    server,
    close: () => {
      reviews.dispose();
      uploads.dispose();
    },
  };
}

export type { Html };
