/**
 * Reads a content file's frontmatter the strict way: YAML 1.2 core schema, so that dates stay
 * the strings the editor typed (js-yaml, which Astro uses, would turn 2017-13-45 into a real
 * date in 2018), and with positions, so that a problem can name its line.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';

export interface ParsedFile {
  /** The parsed frontmatter (or YAML data file), or undefined when it is not a mapping. */
  data: Record<string, unknown> | undefined;
  /** The Markdown/MDX after the frontmatter; empty for YAML data files. */
  body: string;
  /** The line in the file where `body` starts. */
  bodyLine: number;
  /** YAML syntax errors, each with its line. */
  syntaxErrors: Array<{ line: number; message: string }>;
  /** The line in the file where the value at `path` starts (or the frontmatter's first line). */
  lineOf: (path: ReadonlyArray<string | number>) => number;
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/;

/** The body of a content file with a frontmatter block, split off as parseContentFile splits it, without reading the YAML. */
export function bodyOf(source: string): string {
  const match = FRONTMATTER.exec(source);
  return match ? source.slice(match[0].length) : source;
}

export function parseContentFile(source: string, kind: 'frontmatter' | 'yaml'): ParsedFile {
  let yamlText: string;
  let body = '';
  // Lines before the YAML starts: the opening --- of a frontmatter block.
  let lineOffset = 0;
  if (kind === 'frontmatter') {
    const match = FRONTMATTER.exec(source);
    if (!match) {
      return {
        data: undefined,
        body: source,
        bodyLine: 1,
        syntaxErrors: [{ line: 1, message: '文件应以 --- 开头的 YAML 头信息（frontmatter）开始，以 --- 结束' }],
        lineOf: () => 1,
      };
    }
    yamlText = match[1] ?? '';
    body = source.slice(match[0].length);
    lineOffset = 1;
  } else {
    yamlText = source;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { schema: 'core', lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxErrors = doc.errors.map((error) => ({
    line: lineOffset + (error.linePos?.[0]?.line ?? 1),
    message: `YAML 格式错误：${error.message.split('\n')[0]}`,
  }));
  const value: unknown = syntaxErrors.length ? undefined : doc.toJS();
  const data = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const lineOf = (path: ReadonlyArray<string | number>) => {
    // The deepest node that exists along the path: a missing field points at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return lineOffset + lineCounter.linePos(node.range[0]).line;
    }
    return lineOffset + 1;
  };
  if (!syntaxErrors.length && !data) {
    syntaxErrors.push({ line: lineOffset + 1, message: '头信息应为“字段: 值”形式的映射' });
  }
  // The frontmatter block ends with a line break, so the body starts on the line after it.
  const bodyLine = source.slice(0, source.length - body.length).split('\n').length;
  return { data, body, bodyLine, syntaxErrors, lineOf };
}
