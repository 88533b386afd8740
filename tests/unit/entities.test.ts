import { describe, expect, it } from 'vitest';
import { compareNames, ENTITY_KIND_TEXT, ENTITY_KINDS, gatherByName } from '../../src/lib/entities.ts';

describe('gatherByName', () => {
  const articles = [
    { id: '2017-03/01', people: ['孙世新', '吴俊清'] },
    { id: '2017-02/04', people: ['吴俊清', '王云', '吴俊清'] },
    { id: '2017-02/05', people: [' 孙世新 ', ''] },
  ];
  const gathered = gatherByName(articles, (a) => a.people);

  it('gives every name once, in pinyin order', () => {
    // sūn, wáng, wú
    expect(gathered.map((g) => g.name)).toEqual(['孙世新', '王云', '吴俊清']);
  });
  it('keeps the order the items came in (newest first in, newest first out)', () => {
    expect(gathered.find((g) => g.name === '吴俊清')!.items.map((a) => a.id)).toEqual(['2017-03/01', '2017-02/04']);
    expect(gathered.find((g) => g.name === '孙世新')!.items.map((a) => a.id)).toEqual(['2017-03/01', '2017-02/05']);
  });
  it('counts an item that lists a name twice once, and skips blank names', () => {
    expect(gathered.find((g) => g.name === '吴俊清')!.items).toHaveLength(2);
    expect(gathered.some((g) => g.name === '')).toBe(false);
  });
  it('gives nothing for no items', () => {
    expect(gatherByName([], () => [])).toEqual([]);
  });
});

describe('compareNames', () => {
  it('orders Chinese names by pinyin, and is a total order', () => {
    expect(['省教育厅', '吕梁学院', '山西医科大学汾阳学院', '1331办公室'].sort(compareNames)).toEqual([
      '1331办公室',
      '吕梁学院',
      '山西医科大学汾阳学院',
      '省教育厅',
    ]);
    expect(compareNames('吴俊清', '吴俊清')).toBe(0);
  });
});

describe('what each kind’s pages say', () => {
  it('has the words for every kind; only topics are described', () => {
    expect(ENTITY_KINDS.filter((kind) => ENTITY_KIND_TEXT[kind].described)).toEqual(['topics']);
    expect(ENTITY_KIND_TEXT.people.indexSubject).toBe('工作要讯文章中提及的人物');
    expect(ENTITY_KIND_TEXT.topics.indexSubject).toBe('工作要讯文章的主题');
    expect(ENTITY_KIND_TEXT.places.articlesOf('吕梁市')).toBe('提及吕梁市的文章');
    expect(ENTITY_KIND_TEXT.topics.articlesOf('两提一创')).toBe('归入主题“两提一创”的文章');
  });
});
