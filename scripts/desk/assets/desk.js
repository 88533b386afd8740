// The 编辑台 in the browser: validation as the editor types (the server checks with the
// collections' schemas), the body's live preview, saving (with a conflict shown as both
// versions), the import's drop zone and review, publishing with progress, undo.

const nameInput = document.getElementById('editor-name');
if (nameInput) {
  nameInput.value = localStorage.getItem('desk-editor') ?? '';
  nameInput.addEventListener('input', () => localStorage.setItem('desk-editor', nameInput.value.trim()));
}
const editor = () => nameInput?.value.trim() ?? '';

async function send(url, data, headers = { 'content-type': 'application/json' }) {
  let response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: headers['content-type'] ? JSON.stringify(data) : data });
  } catch {
    return { status: 0, error: '无法连接编辑台：它是否已关闭？' };
  }
  let answer = {};
  try {
    answer = await response.json();
  } catch {
    answer = { error: `编辑台答复了 ${response.status}` };
  }
  return { status: response.status, ...answer };
}

const debounce = (fn, ms) => {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
};

function say(box, text, kind = '') {
  if (!box) return;
  box.className = `status ${kind}`;
  box.textContent = text;
}

/** The values of a block of generated fields, by their form names. */
function valuesOf(fields) {
  const values = {};
  for (const el of fields.querySelectorAll('[name]')) {
    if (el.closest('template')) continue;
    if (el.type === 'checkbox') {
      if (el.checked) values[el.name] = true;
    } else values[el.name] = el.value;
  }
  return values;
}

/** Puts each message under its field (or the nearest field above it: eventDates.0 under eventDates); returns the ones with no field. */
function showMessages(fields, messages) {
  for (const p of fields.querySelectorAll('[data-msg-for]')) p.textContent = '';
  for (const el of fields.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const rest = [];
  for (const m of messages) {
    let name = m.name;
    let box = null;
    while (name && !(box = fields.querySelector(`[data-msg-for="${CSS.escape(name)}"]`))) name = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : '';
    if (!box) {
      rest.push(m.message);
      continue;
    }
    box.textContent = box.textContent ? `${box.textContent}；${m.message}` : m.message;
    fields.querySelector(`[name="${CSS.escape(name)}"]`)?.setAttribute('aria-invalid', 'true');
  }
  return rest;
}

/** Checks a block of fields against its collection's schema as the editor types. */
function liveCheck(fields, collection) {
  const check = debounce(async () => {
    const answer = await send('/desk/api/check', { collection, values: valuesOf(fields) });
    if (answer.messages) showMessages(fields, answer.messages);
  }, 300);
  fields.addEventListener('input', check);
  fields.addEventListener('change', check);
}

// A list of objects (附件说明, 照片): one more item from the template.
document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-add-item]');
  if (!button) return;
  const group = button.closest('[data-items]');
  const template = group.querySelector(':scope > template');
  const n = group.querySelectorAll(':scope > .item').length;
  const item = template.content.firstElementChild.cloneNode(true);
  for (const el of item.querySelectorAll('*')) {
    for (const attr of ['id', 'name', 'for', 'aria-describedby', 'data-msg-for']) if (el.hasAttribute(attr)) el.setAttribute(attr, el.getAttribute(attr).replaceAll('__i__', String(n)));
  }
  const number = item.querySelector('[data-n]');
  if (number) number.outerHTML = String(n + 1);
  template.before(item);
  item.querySelector('input, select, textarea')?.focus();
});

/**
 * The body editor of the edit and new-entry pages, in `box`: the live preview (and, with
 * `checks`, the body's check under it), the component buttons, the uploads. `where()`: the entry's
 * path now ('' while a new entry's is not known); `uploads`: the form's upload session.
 */
function bodyEditor(box, { collection, where, uploads, checks = true }) {
  const body = box.querySelector('[data-body]');
  if (!body) return;
  const preview = box.querySelector('[data-preview]');
  const bodyMessage = box.querySelector('[data-msg-for="__body"]');
  const render = debounce(async () => {
    const path = where();
    if (!path) return;
    const [answer, check] = await Promise.all([send('/desk/api/preview', { body: body.value, path, uploads }), checks ? send('/desk/api/check', { collection, path, body: body.value, uploads }) : {}]);
    if (typeof answer.html === 'string') preview.innerHTML = answer.html;
    if (check.messages) {
      bodyMessage.textContent = check.messages.map((m) => m.message).join('\n');
      if (check.messages.length) body.setAttribute('aria-invalid', 'true');
      else body.removeAttribute('aria-invalid');
    }
  }, 300);
  body.addEventListener('input', render);
  const insert = (text) => {
    const { selectionStart: at, selectionEnd: end, value } = body;
    body.value = value.slice(0, at) + text + value.slice(end);
    body.focus();
    body.selectionStart = body.selectionEnd = at + text.length;
    body.dispatchEvent(new Event('input', { bubbles: true }));
  };
  for (const button of box.querySelectorAll('[data-insert]')) button.addEventListener('click', () => insert(button.dataset.insert));
  // 图片, 附件, 表格 from CSV: the file chosen is uploaded and checked, then the component inserted with it.
  const uploadStatus = box.querySelector('[data-upload-status]');
  for (const button of box.querySelectorAll('[data-upload]')) {
    const kind = button.dataset.upload;
    const input = box.querySelector(`[data-upload-input="${kind}"]`);
    button.addEventListener('click', () => input.click());
    input.addEventListener('change', async () => {
      const file = input.files[0];
      input.value = '';
      if (!file) return;
      if (!where()) return say(uploadStatus, `没有上传 ${file.name}：先填写决定文件名的栏目（所属一期，或年份和期号），文件按文章的文件名命名`, 'error');
      say(uploadStatus, `正在上传 ${file.name}…`);
      const query = new URLSearchParams({ path: where(), kind, uploads });
      const answer = await send(`/desk/api/upload?${query}`, file, { 'x-file-name': encodeURIComponent(file.name) });
      if (answer.snippet) {
        insert(answer.snippet);
        say(uploadStatus, `已上传 ${file.name}，存为 ${answer.name}：点“保存”时与文章一起写入。`, 'ok');
      } else say(uploadStatus, answer.error, 'error');
    });
  }
}

// ── Edit ──
const edit = document.querySelector('[data-edit]');
if (edit) {
  const fields = edit.querySelector('[data-fields]');
  const status = edit.querySelector('.save-bar .status');
  const body = edit.querySelector('[data-body]');
  const conflict = document.querySelector('[data-conflict]');
  liveCheck(fields, edit.dataset.collection);
  // The files uploaded in this form (held by the desk until 保存): every check, preview and save names them.
  const uploads = edit.dataset.uploads;
  bodyEditor(edit, { collection: edit.dataset.collection, where: () => edit.dataset.path, uploads });
  const save = async (base) => {
    say(status, '正在保存…');
    const answer = await send('/desk/api/save', { path: edit.dataset.path, base, values: valuesOf(fields), body: body?.value, editor: editor(), uploads });
    if (answer.status === 200) {
      edit.dataset.base = answer.version;
      conflict.hidden = true;
      say(status, answer.unchanged ? '没有改动，无需保存。' : `已保存${answer.commit ? `，并记入修改记录（${answer.commit.slice(0, 8)}）` : ''}：${answer.changed.join('、') || '格式'}。发布后网站上才会更新。`, 'ok');
    } else if (answer.status === 409 && answer.conflict) {
      say(status, '没有保存：有人先保存了另一个版本。', 'error');
      showConflict(answer.conflict);
    } else if (answer.messages) {
      const rest = showMessages(fields, answer.messages);
      say(status, `没有保存：有 ${answer.messages.length} 处需要改正${rest.length ? `（${rest.join('；')}）` : '，见各栏下方'}。`, 'error');
    } else say(status, `没有保存：${answer.error}`, 'error');
  };
  const showConflict = (c) => {
    conflict.hidden = false;
    conflict.replaceChildren();
    const h = document.createElement('h2');
    h.textContent = '两个版本';
    const p = document.createElement('p');
    p.textContent = c.message;
    const columns = document.createElement('div');
    columns.className = 'versions';
    for (const [title, text] of [['别人保存的版本（现在的文件）', c.theirs ?? '（文件已被删除）'], ['你的版本（没有保存）', c.mine]]) {
      const section = document.createElement('section');
      const h3 = document.createElement('h3');
      h3.textContent = title;
      const pre = document.createElement('pre');
      pre.textContent = text;
      section.append(h3, pre);
      columns.append(section);
    }
    const diff = document.createElement('pre');
    diff.className = 'diff';
    diff.setAttribute('aria-label', '不同之处');
    for (const part of c.diff) {
      if (!part.added && !part.removed) continue;
      const span = document.createElement(part.added ? 'ins' : 'del');
      span.textContent = part.value.replace(/^/gm, part.added ? '+ ' : '- ');
      diff.append(span);
    }
    const mine = document.createElement('button');
    mine.type = 'button';
    mine.textContent = '用我的版本替换';
    mine.addEventListener('click', () => save(c.version));
    const reload = document.createElement('a');
    reload.href = location.href;
    reload.textContent = '放弃我的修改，打开别人保存的版本';
    conflict.append(h, p, columns, diff, mine, ' ', reload);
    h.tabIndex = -1;
    h.focus();
  };
  edit.addEventListener('submit', (event) => {
    event.preventDefault();
    save(edit.dataset.base);
  });
  document.querySelector('[data-release]')?.addEventListener('click', async () => {
    say(status, '正在保存…');
    const answer = await send('/desk/api/release', { path: edit.dataset.path, base: edit.dataset.base, editor: editor() });
    if (answer.status === 200) {
      document.querySelector('[data-draft]').remove();
      edit.dataset.base = answer.version;
      say(status, `已核对，已记入修改记录${answer.commit ? `（${answer.commit.slice(0, 8)}）` : ''}：这一期发布后就会出现在网站上。`, 'ok');
    } else if (answer.status === 409 && answer.conflict) showConflict(answer.conflict);
    else say(status, `没有改动：${answer.error}`, 'error');
  });
}

// ── New entry ──
const creating = document.querySelector('[data-new]');
if (creating) {
  const status = creating.querySelector('.save-bar .status');
  const entries = [...creating.querySelectorAll('[data-entry]')];
  const uploads = creating.dataset.uploads;
  const request = () => ({
    collection: creating.dataset.collection,
    uploads,
    entries: entries.map((entry) => ({ values: valuesOf(entry.querySelector('[data-fields]')), body: entry.querySelector('[data-body]')?.value })),
  });
  // An article's body as on the edit page, its preview and uploads under the file name worked out so far (the checks come with the form's).
  for (const entry of entries) bodyEditor(entry, { collection: entry.dataset.collection, where: () => entry.dataset.path ?? '', uploads, checks: false });
  // Each entry's messages under its fields, and where it will be saved.
  const show = (answer) => {
    const rest = [];
    entries.forEach((entry, i) => {
      rest.push(...showMessages(entry, (answer.messages ?? []).filter((m) => m.entry === i)));
      const path = entry.querySelector('[data-new-path]');
      path.textContent = answer.paths?.[i] ? `保存为 ${answer.paths[i]}` : path.dataset.pending;
      entry.dataset.path = answer.paths?.[i] ?? '';
    });
    return rest;
  };
  const check = debounce(async () => show(await send('/desk/api/new', request())), 300);
  creating.addEventListener('input', check);
  creating.addEventListener('change', check);
  creating.addEventListener('submit', async (event) => {
    event.preventDefault();
    say(status, '正在检查并保存…');
    const answer = await send('/desk/api/new', { ...request(), save: true, editor: editor() });
    if (answer.status === 200) {
      creating.querySelector('[type=submit]').disabled = true;
      status.className = 'status ok';
      status.replaceChildren(`已保存为 ${answer.paths.join('、')}，并记入修改记录（${answer.commit.slice(0, 8)}）。发布后网站上才会更新。`, ' ');
      const link = document.createElement('a');
      link.href = answer.edit;
      link.textContent = '打开保存的条目';
      status.append(link);
    } else if (answer.messages) {
      const rest = show(answer);
      say(status, `没有保存：有 ${answer.messages.length || 1} 处需要改正${rest.length ? `（${rest.join('；')}）` : '，见各栏下方'}。${answer.error ?? ''}`, 'error');
    } else say(status, `没有保存：${answer.error}`, 'error');
  });
}

// ── Import ──
const drop = document.querySelector('[data-import]');
if (drop) {
  const status = drop.querySelector('.status');
  const upload = async (file) => {
    if (!file) return;
    say(status, `正在读取 ${file.name}……（扫描件做文字识别要一两分钟）`);
    const answer = await send('/desk/api/import', file, { 'x-file-name': encodeURIComponent(file.name) });
    if (answer.review) location.href = answer.review;
    else say(status, answer.error, 'error');
  };
  drop.querySelector('input[type=file]').addEventListener('change', (event) => upload(event.target.files[0]));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    upload(event.dataTransfer.files[0]);
  });
}

// ── Review ──
const review = document.querySelector('[data-review]');
if (review) {
  const status = review.querySelector('.save-bar .status');
  const entries = [...review.querySelectorAll('[data-entry]')];
  for (const entry of entries) liveCheck(entry.querySelector('[data-fields]'), entry.dataset.collection);
  review.addEventListener('submit', async (event) => {
    event.preventDefault();
    say(status, '正在检查并保存…');
    const files = entries.map((entry) => ({
      path: entry.dataset.path,
      values: valuesOf(entry.querySelector('[data-fields]')),
      body: [...entry.querySelectorAll('[data-paragraph]')].map((t) => t.value).join('\n\n'),
    }));
    const answer = await send(`/desk/api/review/${review.dataset.review}/save`, { editor: editor(), replace: review.querySelector('#replace').checked, files });
    if (answer.status === 200) {
      review.querySelector('[type=submit]').disabled = true;
      status.className = 'status ok';
      status.replaceChildren(answer.commit ? `已保存，并记入修改记录（${answer.commit.slice(0, 8)}）。发布后网站上才会更新。` : '已保存：与已有的文件完全相同，没有新的修改。', ' ');
      const link = document.createElement('a');
      link.href = answer.edit;
      link.textContent = '打开保存的条目';
      const publish = document.createElement('a');
      publish.href = '/desk/publish';
      publish.textContent = '去发布';
      status.append(link, ' · ', publish);
    } else if (answer.messages) {
      for (const entry of entries) showMessages(entry.querySelector('[data-fields]'), answer.messages.filter((m) => m.path === entry.dataset.path));
      say(status, `没有保存：有 ${answer.messages.length} 处需要改正，见各栏下方。`, 'error');
    } else say(status, `没有保存：${answer.error}`, 'error');
  });
  review.querySelector('[data-cancel]').addEventListener('click', async () => {
    await send(`/desk/api/review/${review.dataset.review}/cancel`, {});
    location.href = '/desk/import';
  });
}

// ── Publish ──
const publish = document.querySelector('[data-publish]');
if (publish) {
  const progress = publish.querySelector('progress');
  const step = publish.querySelector('[data-step]');
  const result = publish.querySelector('[data-result]');
  const log = publish.querySelector('[data-log]');
  const button = publish.querySelector('[data-start]');
  const list = (title, pages) => {
    const section = document.createElement('section');
    const h = document.createElement('h3');
    h.textContent = `${title}（${pages.length}）`;
    section.append(h);
    if (pages.length) {
      const ul = document.createElement('ul');
      for (const page of pages) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = page;
        a.textContent = decodeURI(page);
        li.append(a);
        ul.append(li);
      }
      section.append(ul);
    }
    return section;
  };
  const show = (state) => {
    progress.max = state.total || 1;
    progress.value = state.done;
    step.textContent = state.step;
    log.textContent = state.log.join('\n');
    button.disabled = state.running;
    if (state.running || !state.result) return false;
    result.replaceChildren();
    const head = document.createElement('p');
    head.className = state.result.ok ? 'ok' : 'error';
    head.textContent = state.result.ok ? '发布完成：网站已更新。' : '发布失败：网站保持原样，没有改动。';
    result.append(head);
    for (const line of state.result.messages) {
      const p = document.createElement('pre');
      p.className = 'error';
      p.textContent = line;
      result.append(p);
    }
    for (const edition of state.result.editions) {
      if (!edition.changes) continue;
      const h = document.createElement('h2');
      h.textContent = edition.edition;
      result.append(h, list('新增的页面', edition.changes.added), list('有改动的页面', edition.changes.changed), list('删去的页面', edition.changes.removed));
    }
    return true;
  };
  const poll = async () => {
    const response = await fetch('/desk/api/publish');
    const state = await response.json();
    if (!show(state) && state.running) setTimeout(poll, 1000);
  };
  button.addEventListener('click', async () => {
    result.replaceChildren();
    const state = await send('/desk/api/publish', {});
    show(state);
    setTimeout(poll, 500);
  });
  fetch('/desk/api/publish').then((r) => r.json()).then((state) => state.running && poll());
}

// ── History ──
const historyStatus = document.querySelector('[data-history-status]');
for (const button of document.querySelectorAll('[data-undo]')) {
  button.addEventListener('click', async () => {
    say(historyStatus, '正在撤销…');
    const answer = await send('/desk/api/undo', { hash: button.dataset.undo, editor: editor() });
    if (answer.status === 200) {
      say(historyStatus, `已撤销（${answer.commit.slice(0, 8)}）：${answer.files.join('、')} 已改回。发布后网站上才会更新。`, 'ok');
      setTimeout(() => location.reload(), 1500);
    } else say(historyStatus, `没有撤销：${answer.error}`, 'error');
  });
}
