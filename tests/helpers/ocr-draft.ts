/**
 * An OCR draft, as the importer writes a scan: an issue after the real one marked
 * `review: 待核对` with the importer's note above it, and its one article (合成测试数据, not an
 * official text). The editions' tests prove no edition publishes it; the 编辑台's release it.
 */
export const OCR_DRAFT = { id: '2017-03', file: 'content/issues/2017-03.mdx', page: '/bulletins/2017-03/' } as const;

/** The draft's files by path, its article with `headline` and one paragraph, `paragraph`. */
export function ocrDraftFiles(headline: string, paragraph: string): Record<string, string> {
  return {
    [OCR_DRAFT.file]: `---
# 文字识别草稿：对照纸本逐段核对全文（标题、正文、版记），改正后删去下面 review 这一行，这一期才会发布。
review: 待核对
series:
  - 合成测试数据
  - 工作要讯
year: 2017
number: 3
serial: 3
date: 2017-06-20
publisher: 合成测试单位
email: test@example.cn
telephone: 0351-0000000
articles:
  - ${OCR_DRAFT.id}/01
---
`,
    [`content/articles/${OCR_DRAFT.id}/01.mdx`]: `---
title: ${headline}
issue: ${OCR_DRAFT.id}
eventDates: []
people: []
organizations: []
places: []
topics: []
---

${paragraph}
`,
  };
}
