/**
 * The links between bulletin articles and policies, both ways, worked out once from the
 * policies' `mentionedIn`: the policies an article page lists under 本文提及的政策文件, and the
 * articles (with the sentences that name the policy) a policy page lists under 工作要讯中的记载.
 * Pages only render them. Plain shapes, so that they are tested without building the site.
 */
import { isQuotedIn } from '../lib/edition.ts';
import { sentencesMentioning } from '../lib/quoted-sentences.ts';

interface ArticleLike {
  id: string;
}

interface PolicyLike {
  id: string;
  data: { title: string; mentionedIn: ReadonlyArray<{ id: string }> };
}

const names = (policy: PolicyLike, article: ArticleLike) => policy.data.mentionedIn.some((ref) => ref.id === article.id);

/**
 * The policies `article` mentions: those this edition shows, and those it hides that the
 * article's own published text (`text`: src/lib/article-text.ts) quotes by title
 * (src/lib/edition.ts), which a page names without a link. Each list keeps the order it is given in.
 */
export function policiesMentionedBy<P extends PolicyLike>(article: ArticleLike, text: string, shown: readonly P[], hidden: readonly P[]): { policies: P[]; hiddenPolicies: P[] } {
  return {
    policies: shown.filter((policy) => names(policy, article)),
    hiddenPolicies: hidden.filter((policy) => names(policy, article) && isQuotedIn(policy.data.title, text)),
  };
}

/**
 * The articles that mention `policy`, in the order given, each with its issue and the sentences
 * of its text (`textOf`: src/lib/article-text.ts) that name the policy's title.
 */
export function articlesMentioning<A extends ArticleLike, I>(
  policy: PolicyLike,
  articles: readonly A[],
  issueOf: (article: A) => I,
  textOf: (article: A) => string,
): Array<{ article: A; issue: I; quotes: string[] }> {
  return articles
    .filter((article) => names(policy, article))
    .map((article) => ({ article, issue: issueOf(article), quotes: sentencesMentioning(textOf(article), policy.data.title) }));
}
