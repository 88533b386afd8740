import { describe, expect, it } from 'vitest';
import { blocksFromDocxParagraphs } from '../../../scripts/import/read-docx.ts';

describe('Word paragraphs', () => {
  it('makes each paragraph a block that starts a paragraph, list items marked, empty ones dropped', () => {
    expect(
      blocksFromDocxParagraphs([
        { text: '工作要讯', listItem: false },
        { text: '', listItem: false },
        { text: '甲单位召开座谈会', listItem: true },
        { text: '某某办公室\t\t2020年3月9日', listItem: false },
        { text: '送：各市市委书记、\n国资委主要负责同志', listItem: false },
      ]),
    ).toEqual([
      { text: '工作要讯', startsParagraph: true },
      { text: '甲单位召开座谈会', startsParagraph: true, listItem: true },
      { text: '某某办公室 2020年3月9日', startsParagraph: true },
      { text: '送：各市市委书记、国资委主要负责同志', startsParagraph: true },
    ]);
  });
});
