/**
 * The 编辑台's forms, generated from the collections' own Zod schemas (src/schemas/): each field
 * is found by walking the schema (its wrappers: optional, default, pipe), labelled by the
 * `.meta({ title })` the schema gives it, and checked by the same schema as the editor types.
 * No second description of the content to keep in step: a field added to a schema is a field in
 * the form.
 *
 * Zod 4's toJSONSchema was tried first: it cannot represent the dates (a union with z.date() and
 * a transform) or Astro's references without losing what the form needs (a date input, a list of
 * ids), so the schema is walked instead.
 */
import type { z } from 'astro/zod';
import { plainImage, plainReference, type CollectionName } from '../../src/schemas/common.ts';
import { issueSchema } from '../../src/schemas/issue.ts';
import { articleSchema } from '../../src/schemas/article.ts';
import { policySchema } from '../../src/schemas/policy.ts';
import { topicSchema } from '../../src/schemas/topic.ts';
import { describeIssues } from '../content/messages.ts';

/** The schemas as the content check uses them (references and images as plain strings). */
export const SCHEMAS: Record<CollectionName, z.ZodType> = {
  issues: issueSchema(plainReference),
  articles: articleSchema(plainReference, plainImage),
  policies: policySchema(plainReference),
  topics: topicSchema(),
};

export type FieldKind = 'text' | 'number' | 'date' | 'enum' | 'boolean' | 'literal' | 'list' | 'object' | 'objects';

export interface FieldSpec {
  key: string;
  /** The schema's `.meta({ title })`, or the key when it gives none. */
  label: string;
  kind: FieldKind;
  /** Must be filled in (neither optional nor with a default). */
  required: boolean;
  /** enum: the values, with the schema's names for them where it gives them. */
  options?: Array<{ value: string; label: string }>;
  /** literal: its one value (an issue's review: 待核对). */
  value?: string;
  /** list: what each line is. */
  item?: 'text' | 'date';
  /** object, objects: the fields of the object (of each item). */
  fields?: FieldSpec[];
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
  entries?: Record<string, string>;
  shape?: Record<string, z.ZodType>;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;
const metaOf = (schema: z.ZodType) => (schema as unknown as { meta: () => Record<string, unknown> | undefined }).meta();

/** What a schema takes, its wrappers taken off: the kind of input, whether it may be left out, its meta. */
function unwrap(schema: z.ZodType): { core: z.ZodType; optional: boolean; meta: Record<string, unknown> } {
  let core = schema;
  let optional = false;
  const meta: Record<string, unknown> = {};
  for (;;) {
    Object.assign(meta, { ...metaOf(core), ...meta });
    const def = defOf(core);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') {
      optional = true;
      core = def.innerType!;
    } else if (def.type === 'pipe' && defOf(def.in!).type !== 'union') {
      // A string checked then handed on (a photo's path into image()): the form edits the input.
      core = def.in!;
    } else return { core, optional, meta };
  }
}

/** A pipe from a union with z.date() is a date (isoDate); from a union of string and number, an id (a reference). */
function inputKind(core: z.ZodType): 'text' | 'date' | 'number' | 'boolean' | undefined {
  const def = defOf(core);
  if (def.type === 'string') return 'text';
  if (def.type === 'number') return 'number';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'pipe' && defOf(def.in!).type === 'union') {
    const members = defOf(def.in!).options!.map((o) => defOf(o).type);
    return members.includes('date') ? 'date' : 'text';
  }
  return undefined;
}

function fieldOf(key: string, schema: z.ZodType): FieldSpec {
  const { core, optional, meta } = unwrap(schema);
  const label = typeof meta['title'] === 'string' ? meta['title'] : key;
  const base = { key, label, required: !optional };
  const def = defOf(core);
  const simple = inputKind(core);
  if (simple) return { ...base, kind: simple };
  if (def.type === 'enum') {
    const names = (meta['options'] ?? {}) as Record<string, string>;
    return { ...base, kind: 'enum', options: Object.values(def.entries!).map((value) => ({ value, label: names[value] ? `${names[value]}（${value}）` : value })) };
  }
  if (def.type === 'literal') return { ...base, kind: 'literal', value: String(def.values![0]) };
  if (def.type === 'object') return { ...base, kind: 'object', fields: fieldsOf(core) };
  if (def.type === 'array') {
    const element = unwrap(def.element!).core;
    if (defOf(element).type === 'object') return { ...base, kind: 'objects', fields: fieldsOf(element) };
    const item = inputKind(element);
    if (item === 'text' || item === 'date') return { ...base, kind: 'list', item };
  }
  throw new Error(`schema-form: field ${key} is of a kind the form cannot show (${def.type})`);
}

/** The fields of an object schema, in the schema's order. */
export function fieldsOf(schema: z.ZodType): FieldSpec[] {
  const def = defOf(unwrap(schema).core);
  if (def.type !== 'object') throw new Error(`schema-form: not an object schema (${def.type})`);
  return Object.entries(def.shape!).map(([key, field]) => fieldOf(key, field));
}

/** The form's fields of each collection. */
export const FORMS: Record<CollectionName, FieldSpec[]> = {
  issues: fieldsOf(SCHEMAS.issues),
  articles: fieldsOf(SCHEMAS.articles),
  policies: fieldsOf(SCHEMAS.policies),
  topics: fieldsOf(SCHEMAS.topics),
};

/**
 * A form's values (as the browser sends them: `name` → string, a checkbox true or absent;
 * `recipients.bao`, `attachments.0.title`; a list one item a line) back to the entry's data, as
 * it is written in the file. An empty field is left out; a number that is not one stays text,
 * for the schema to refuse with its own message.
 */
export function formToData(fields: readonly FieldSpec[], values: Readonly<Record<string, string | boolean>>, prefix = ''): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const name = prefix + field.key;
    const raw = values[name];
    const text = typeof raw === 'string' ? raw.trim() : '';
    switch (field.kind) {
      case 'boolean':
        if (raw === true || raw === 'true' || raw === 'on') data[field.key] = true;
        break;
      case 'number':
        if (text) data[field.key] = /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : text;
        break;
      case 'list': {
        const items = String(raw ?? '').split('\n').map((line) => line.trim()).filter(Boolean);
        if (items.length || values[`${name}`] !== undefined) data[field.key] = items;
        break;
      }
      case 'object': {
        const inner = formToData(field.fields!, values, `${name}.`);
        if (Object.keys(inner).length) data[field.key] = inner;
        break;
      }
      case 'objects': {
        const indexes = [...new Set(Object.keys(values).flatMap((k) => (k.startsWith(`${name}.`) ? [Number(k.slice(name.length + 1).split('.')[0])] : [])))].filter(Number.isInteger).sort((a, b) => a - b);
        const items = indexes.map((i) => formToData(field.fields!, values, `${name}.${i}.`)).filter((item) => Object.keys(item).length);
        if (items.length || indexes.length) data[field.key] = items;
        break;
      }
      default:
        if (text) data[field.key] = text;
    }
  }
  return data;
}

/** The entry's data as form values: the inverse of formToData. */
export function dataToForm(fields: readonly FieldSpec[], data: Readonly<Record<string, unknown>>, prefix = ''): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const field of fields) {
    const value = data[field.key];
    const name = prefix + field.key;
    if (value === undefined || value === null) continue;
    if (field.kind === 'boolean') values[name] = value === true;
    else if (field.kind === 'list') values[name] = Array.isArray(value) ? value.map(String).join('\n') : String(value);
    else if (field.kind === 'object') Object.assign(values, dataToForm(field.fields!, value as Record<string, unknown>, `${name}.`));
    else if (field.kind === 'objects' && Array.isArray(value)) value.forEach((item, i) => Object.assign(values, dataToForm(field.fields!, item as Record<string, unknown>, `${name}.${i}.`)));
    else if (value instanceof Date) values[name] = value.toISOString().slice(0, 10);
    else values[name] = String(value);
  }
  return values;
}

/** A problem with a field, by the form's name for it (recipients.bao, attachments.0.title). */
export interface FieldMessage {
  name: string;
  message: string;
}

/** The schema's problems with the data, each named by the form field it belongs to ('' for the entry as a whole). */
export function checkData(collection: CollectionName, data: unknown): FieldMessage[] {
  const result = SCHEMAS[collection].safeParse(data);
  if (result.success) return [];
  return describeIssues(result.error.issues).map((p) => ({ name: p.path.join('.'), message: p.message }));
}
