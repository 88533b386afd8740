import { describe, expect, it } from 'vitest';
import { articlesMentioning, policiesMentionedBy } from '../../src/data/mentions.ts';

// Synthetic entries, shaped as the collections' are; an article's text as src/lib/article-text.ts gives it.
const article = (id: string, text: string) => ({ id, text });
const textOf = (a: { text: string }) => a.text;
const policy = (id: string, title: string, mentionedIn: string[]) => ({ id, data: { title, mentionedIn: mentionedIn.map((ref) => ({ id: ref })) } });

const a1 = article('2099-01/01', '会议传达了《甲办法》。随后讨论了乙。');
const a2 = article('2099-01/02', '与甲无关的一篇。');
const shownA = policy('jia', '甲办法', ['2099-01/01', '2099-01/02']);
const shownB = policy('bing', '丙方案', ['2099-01/02']);
const hiddenQuoted = policy('yi-quoted', '随后讨论了乙', ['2099-01/01']);
const hiddenUnquoted = policy('ding', '丁细则', ['2099-01/01']);

describe('policiesMentionedBy', () => {
  it('lists the shown policies that name the article, in order', () => {
    expect(policiesMentionedBy(a1, a1.text, [shownA, shownB], []).policies.map((p) => p.id)).toEqual(['jia']);
    expect(policiesMentionedBy(a2, a2.text, [shownA, shownB], []).policies.map((p) => p.id)).toEqual(['jia', 'bing']);
  });

  it('names a hidden policy only when the article’s own text quotes its title', () => {
    expect(policiesMentionedBy(a1, a1.text, [], [hiddenQuoted, hiddenUnquoted]).hiddenPolicies.map((p) => p.id)).toEqual(['yi-quoted']);
    expect(policiesMentionedBy(a2, a2.text, [], [hiddenQuoted, hiddenUnquoted]).hiddenPolicies).toEqual([]);
  });
});

describe('articlesMentioning', () => {
  it('lists the articles a policy names, with their issue and the sentences that name its title', () => {
    const issueOf = (a: { id: string }) => a.id.slice(0, 7);
    expect(articlesMentioning(shownA, [a1, a2], issueOf, textOf)).toEqual([
      { article: a1, issue: '2099-01', quotes: ['会议传达了《甲办法》。'] },
      { article: a2, issue: '2099-01', quotes: [] },
    ]);
    expect(articlesMentioning(shownB, [a1], issueOf, textOf)).toEqual([]);
  });

  it('is the converse of policiesMentionedBy', () => {
    const policies = [shownA, shownB];
    for (const a of [a1, a2]) {
      for (const p of policies) {
        const forward = policiesMentionedBy(a, a.text, policies, []).policies.includes(p);
        const backward = articlesMentioning(p, [a1, a2], () => undefined, textOf).some((m) => m.article === a);
        expect(backward, `${a.id} ↔ ${p.id}`).toBe(forward);
      }
    }
  });
});
