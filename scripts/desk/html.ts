/**
 * The 编辑台's HTML: a tagged template that escapes what it is given (a value is text unless it
 * is already `Html`), the page frame, and the form controls generated from the schema's fields.
 */
import type { FieldSpec, FieldMessage } from './schema-form.ts';
import { escapeHtml } from '../lib/escape-html.ts';

export class Html {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toString(): string {
    return this.text;
  }
}

function piece(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? piece(values[i]) : ''), ''));
}

export const raw = (text: string) => new Html(text);

export interface PageOptions {
  title: string;
  /** The signed-in editor (office network), whose name every save carries; otherwise asked on the page. */
  editor?: string | null;
  /** Whether the desk asks for a password (a 退出 link then). */
  session?: boolean;
}

export function page({ title, editor, session }: PageOptions, body: Html): string {
  return `<!doctype html>${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · 编辑台</title>
<link rel="stylesheet" href="/desk/assets/desk.css">
<link rel="stylesheet" href="/desk/site-styles/body-components.css">
<script type="module" src="/desk/assets/desk.js"></script>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="bar">
<nav aria-label="编辑台">
<a href="/desk/">编辑台</a>
<a href="/desk/import">导入</a>
<a href="/desk/publish">发布</a>
<a href="/desk/history">修改记录</a>
<a href="/">查看网站</a>
</nav>
<p class="editor">${
    editor
      ? html`编辑人：<strong data-editor-fixed>${editor}</strong>${session ? html` <a href="/desk/logout">退出</a>` : ''}`
      : html`<label for="editor-name">编辑人</label> <input id="editor-name" name="editor" autocomplete="name" size="8" required>`
  }</p>
</header>
<main id="main">
<h1>${title}</h1>
${body}
</main>
</body>
</html>`.text}`;
}

const id = (name: string) => `f-${name.replace(/[^\w-]/g, '-')}`;

/** The controls of `fields`, filled with `values` (form names as schema-form.ts makes them), with `messages` under them. */
export function formFields(fields: readonly FieldSpec[], values: Readonly<Record<string, string | boolean>>, messages: readonly FieldMessage[] = [], prefix = '', marks: ReadonlyMap<string, readonly string[]> = new Map()): Html {
  return html`${fields.map((field) => {
    const name = prefix + field.key;
    const fieldMarks = (marks.get(field.key) ?? []).map((m) => html`<p class="mark">⚠ ${m}</p>`);
    const message = messages.filter((m) => m.name === name).map((m) => m.message).join('；');
    const msg = html`<p class="msg" id="${id(name)}-msg" data-msg-for="${name}" aria-live="polite">${message}</p>`;
    const required = field.required ? html`<span class="req" aria-hidden="true">*</span>` : '';
    const value = values[name];
    const text = typeof value === 'string' ? value : '';
    const common = html`id="${id(name)}" name="${name}" aria-describedby="${id(name)}-msg"${field.required ? raw(' required') : ''}${message ? raw(' aria-invalid="true"') : ''}`;
    switch (field.kind) {
      case 'literal':
        return '';
      case 'boolean':
        return html`<div class="field check" data-field="${name}">${fieldMarks}<input type="checkbox" ${common}${value === true ? raw(' checked') : ''}> <label for="${id(name)}">${field.label}</label>${msg}</div>`;
      case 'enum':
        return html`<div class="field" data-field="${name}">${fieldMarks}<label for="${id(name)}">${field.label}${required}</label><select ${common}>${field.required ? '' : html`<option value="">（不填）</option>`}${field.options!.map((o) => html`<option value="${o.value}"${o.value === text ? raw(' selected') : ''}>${o.label}</option>`)}</select>${msg}</div>`;
      case 'list':
        return html`<div class="field" data-field="${name}">${fieldMarks}<label for="${id(name)}">${field.label}${required} <span class="hint">每行一项${field.item === 'date' ? '，日期写作 2017-05-18' : ''}</span></label><textarea ${common} rows="${Math.max(2, text.split('\n').length + 1)}">${text}</textarea>${msg}</div>`;
      case 'object':
        return html`<fieldset class="field group" data-field="${name}">${fieldMarks}<legend>${field.label}</legend>${formFields(field.fields!, values, messages, `${name}.`)}${msg}</fieldset>`;
      case 'objects': {
        const count = new Set(Object.keys(values).filter((k) => k.startsWith(`${name}.`)).map((k) => k.slice(name.length + 1).split('.')[0])).size;
        const item = (i: number | string) => html`<fieldset class="item"><legend>第 ${typeof i === 'number' ? i + 1 : raw('<span data-n></span>')} 项</legend>${formFields(field.fields!, values, messages, `${name}.${i}.`)}</fieldset>`;
        return html`<fieldset class="field group" data-field="${name}" data-items="${name}">${fieldMarks}<legend>${field.label}</legend>${Array.from({ length: count }, (_, i) => item(i))}<template>${item('__i__')}</template><button type="button" data-add-item>添加一项</button> <span class="hint">清空一项的所有格子即删去这一项</span>${msg}</fieldset>`;
      }
      default: {
        const type = field.kind === 'date' ? 'date' : 'text';
        return html`<div class="field" data-field="${name}">${fieldMarks}<label for="${id(name)}">${field.label}${required}</label><input type="${type}" ${common}${field.kind === 'number' ? raw(' inputmode="numeric"') : ''} value="${text}">${msg}</div>`;
      }
    }
  })}`;
}
