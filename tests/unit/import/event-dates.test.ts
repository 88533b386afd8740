import { describe, expect, it } from 'vitest';
import { eventDates, firstSentence } from '../../../scripts/import/event-dates.ts';

const dates = (paragraph: string) => eventDates(paragraph, 2017).dates;

describe('event dates from the first sentence', () => {
  it('reads one day, two days of a month, and days of different months', () => {
    expect(dates('3月20日下午，高校工委、教育厅党组召开专项活动动员会。')).toEqual(['2017-03-20']);
    expect(dates('4月15日、16日，吴俊清厅长深入吕梁市有关高校调研。')).toEqual(['2017-04-15', '2017-04-16']);
    expect(dates('4月17日下午、4月26日下午、5月3日上午，孙世新主持召开三次专题研讨会。')).toEqual(['2017-04-17', '2017-04-26', '2017-05-03']);
  });

  it('finds the date inside the sentence, not in a later one', () => {
    expect(dates('为全面总结第一阶段工作，4月17日，省教育厅召开推进会。5月1日另行部署。')).toEqual(['2017-04-17']);
  });

  it('fills in a range and honours a written year', () => {
    expect(dates('4月30日至5月2日，举办培训班。')).toEqual(['2017-04-30', '2017-05-01', '2017-05-02']);
    expect(dates('2016年12月30日，召开会议。')).toEqual(['2016-12-30']);
  });

  it('gives nothing where the sentence names no day, and skips impossible days and cited titles', () => {
    expect(eventDates('按照会议部署，专项活动于3月启动。', 2017)).toMatchObject({ dates: [], invalid: [] });
    expect(eventDates('2月30日，召开会议。', 2017)).toMatchObject({ dates: [], invalid: ['2月30日'] });
    expect(dates('《关于5月1日放假的通知》印发后，5月3日召开会议。')).toEqual(['2017-05-03']);
  });

  it('does not end the first sentence inside a cited title', () => {
    expect(firstSentence('学习《讲话。》精神，提高认识。后句。')).toBe('学习《讲话。》精神，提高认识。');
  });
});
