import { describe, expect, it } from 'vitest';
import { absoluteIri, absoluteUrl, entityIndexUrl, entityUrl, organizationUrl, personUrl, placeUrl, timelineMonthUrl, topicUrl } from '../../src/lib/urls.ts';

describe('URLs of names', () => {
  it('keeps Chinese readable in each kind’s folder', () => {
    expect(personUrl('吴俊清')).toBe('/people/吴俊清/');
    expect(organizationUrl('吕梁学院')).toBe('/organizations/吕梁学院/');
    expect(placeUrl('吕梁市')).toBe('/places/吕梁市/');
    expect(topicUrl('两提一创')).toBe('/topics/两提一创/');
    expect(entityIndexUrl('people')).toBe('/people/');
  });
  it('escapes what would split or end the path', () => {
    expect(entityUrl('organizations', 'A/B 学院?#1%')).toBe('/organizations/A%2FB%20学院%3F%231%25/');
  });
  it('points at a month of the timeline', () => {
    expect(timelineMonthUrl('2017-04')).toBe('/timeline/#m2017-04');
  });
});

describe('absolute addresses', () => {
  const site = 'https://example.gov.cn';
  it('are percent-encoded URLs for links and tags', () => {
    expect(absoluteUrl(personUrl('吴俊清'), site)).toBe('https://example.gov.cn/people/%E5%90%B4%E4%BF%8A%E6%B8%85/');
  });
  it('are readable IRIs for JSON-LD, with reserved escapes kept', () => {
    expect(absoluteIri(personUrl('吴俊清'), site)).toBe('https://example.gov.cn/people/吴俊清/');
    expect(absoluteIri(entityUrl('organizations', '甲/乙%'), site)).toBe('https://example.gov.cn/organizations/甲%2F乙%25/');
  });
});
