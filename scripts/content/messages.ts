/** Turns Zod's issues into lines an editor can act on: the field, what was expected, in Chinese. */
import type { z } from 'astro/zod';

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（每项一行，以“- ”开头）',
  object: '“字段: 值”形式的映射',
  date: '日期，如 2017-05-18',
};

function describe(input: unknown): string {
  if (Array.isArray(input)) return '列表';
  if (input === null) return '空值';
  if (typeof input === 'object') return '映射';
  return `“${String(input)}”`;
}

/** A field path as an editor reads it: recipients.bao, eventDates[0]. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`))
    .join('');
}

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

export interface FieldProblem {
  path: Array<string | number>;
  message: string;
}

/** One problem per Zod issue, with unknown keys split into one problem per key. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] => {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key], message: '未知字段：请检查字段名的拼写，或删去该字段' }));
    }
    const input = (issue as { input?: unknown }).input;
    // The schemas carry Chinese messages of their own; Zod's English defaults are translated here.
    if (hasChinese(issue.message)) {
      const actual = issue.code === 'invalid_value' && input !== undefined ? `，实际为${describe(input)}` : '';
      return [{ path, message: issue.message + actual }];
    }
    switch (issue.code) {
      case 'invalid_type': {
        const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
        return [{ path, message: input === undefined ? `缺少必填字段，应为${expected}` : `应为${expected}，实际为${describe(input)}` }];
      }
      case 'too_small':
        return [{ path, message: issue.origin === 'array' ? `至少需要 ${String(issue.minimum)} 项` : `不能小于 ${String(issue.minimum)}` }];
      case 'too_big':
        return [{ path, message: issue.origin === 'array' ? `最多 ${String(issue.maximum)} 项` : `不能大于 ${String(issue.maximum)}` }];
      case 'invalid_value':
        return [{ path, message: `应为 ${issue.values.map(String).join(' / ')} 之一，实际为${describe(input)}` }];
      default:
        return [{ path, message: issue.message }];
    }
  });
}
