import { describe, expect, it } from 'vitest';
import { nearlyContains } from '../../../scripts/import/cli.ts';

describe('a flagged OCR line is placed in the headline it nearly is', () => {
  const title = '吴俊清在省委专项巡视情况反馈会上强调坚决贯彻省委省政府决策部署切实抓好“1331工程”建设';
  it('when a character or two are misread, wherever in the headline the line falls', () => {
    expect(nearlyContains(title, '吴俊清在省委专项巡视情况反则会上', 0.25)).toBe(true);
    expect(nearlyContains(title, '强调坚决贯彻省委省政府决策部署切', 0.25)).toBe(true);
  });
  it('and not in a headline it is not', () => {
    expect(nearlyContains(title, '省教育厅与吕梁市签署“1331工程', 0.25)).toBe(false);
  });
});
