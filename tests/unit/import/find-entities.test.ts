import { describe, expect, it } from 'vitest';
import { articleEntities, peopleOfIssue } from '../../../scripts/import/find-entities.ts';

// Synthetic sentences, written for these tests: the names are made up (王小明, 赵大江 …)
// except the places, which are Shanxi's real cities and counties.
const article = (...paragraphs: string[]) => ({ title: '标题', paragraphs });
const entities = (...paragraphs: string[]) => {
  const a = article(...paragraphs);
  return articleEntities(a, peopleOfIssue([a]));
};

describe('people', () => {
  it('finds a 2–3 character name after or before a title word', () => {
    expect(entities('副厅长王云，厅长赵大江出席会议。').people).toEqual(['王云', '赵大江']);
    expect(entities('传达了钱小宝省长、孙大明副省长的指示。').people).toEqual(['钱小宝', '孙大明']);
    expect(entities('副主任王为民、李金碧、张存伟以及办公室全体人员参加。').people).toEqual(['王为民', '李金碧', '张存伟']);
  });

  it('does not take title words, organisations or verbs for names', () => {
    expect(entities('省教育厅党组书记、厅长，副厅长级督学出席。党委领导下的校长负责制。').people).toEqual([]);
    expect(entities('要认真学习楼省长、张省长的讲话。厅长关于此事作了说明。').people).toEqual([]);
  });

  it('lists a person the issue names with a title in every article that names them, headline first', () => {
    const first = article('督学孙世新出席会议。');
    const second = { title: '孙世新主持研讨', paragraphs: ['会议由王大力主持。'] };
    const people = peopleOfIssue([first, second]);
    expect(articleEntities(second, people).people).toEqual(['孙世新']);
  });
});

describe('organisations', () => {
  it('finds names that start with a region and end with an organisation word', () => {
    expect(entities('省教育厅与吕梁市人民政府签署协议，共同办好吕梁学院和山西医科大学汾阳学院。').organizations).toEqual([
      '省教育厅',
      '吕梁市人民政府',
      '吕梁学院',
      '山西医科大学汾阳学院',
    ]);
    expect(entities('省委专项巡视六组向省教育厅党组反馈，省委巡视办提出要求，1331办公室主任出席。').organizations).toEqual([
      '省委专项巡视六组',
      '省教育厅',
      '省委巡视办',
      '1331办公室',
    ]);
  });

  it('skips bare party committees, verbs, unnamed offices and cited titles', () => {
    expect(entities('按照省委、吕梁市委部署，把学校办成一流，学科建设办公室参加。').organizations).toEqual([]);
    expect(entities('学习《山西省人民政府关于某事的意见》。').organizations).toEqual([]);
    expect(entities('省教育厅召开厅机关会议，厅机关党委书记主持。').organizations).toEqual(['省教育厅']);
  });
});

describe('places', () => {
  it('finds cities and counties, a short form under its full name when both are written', () => {
    expect(entities('深入吕梁市调研，在兴县、方山的学校调研，为吕梁发展服务。').places).toEqual(['吕梁市', '兴县', '方山']);
  });

  it('takes a county short form only where its city is named, and not inside an organisation', () => {
    expect(entities('在方山的学校调研。').places).toEqual([]);
    expect(entities('长治医学院召开会议。').places).toEqual([]);
    expect(entities('在长治召开会议。').places).toEqual(['长治']);
  });

  it('does not list the province', () => {
    expect(entities('促进山西教育大发展。').places).toEqual([]);
  });
});
