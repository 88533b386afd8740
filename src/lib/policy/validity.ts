/**
 * 时效性: its values and their addresses, in a module of its own that imports nothing, so that
 * the browser's search code can read a result's 时效性 without the schemas (facts.ts works it out).
 */

/**
 * 时效性, as 国家法律法规数据库 and 北大法宝 name it, plus 起草中 for drafts and 不详 where the
 * dates that decide it are unknown (an entry known only from a bulletin's mention).
 */
export const VALIDITIES = ['现行有效', '尚未施行', '已修订', '已废止', '已失效', '起草中', '不详'] as const;
export type Validity = (typeof VALIDITIES)[number];

/** Each 时效性's address on the policy list (/policies/status/<slug>/) and its class (status--<slug>): the status slugs of old, kept. */
export const VALIDITY_SLUGS: Record<Validity, string> = {
  现行有效: 'in-force',
  尚未施行: 'pending',
  已修订: 'amended',
  已废止: 'repealed',
  已失效: 'expired',
  起草中: 'draft',
  不详: 'unknown',
};

/** The 时效性 a reader is warned of wherever they land: the text is not (or not yet) the text in force. */
export const NOT_IN_FORCE = ['尚未施行', '已修订', '已废止', '已失效', '起草中'] as const satisfies readonly Validity[];

export const isInForce = (validity: string) => !(NOT_IN_FORCE as readonly string[]).includes(validity);

/** The slug of a value read back from the index (a string), if it is a 时效性. */
export const validitySlug = (value: string): string | undefined => (VALIDITIES as readonly string[]).includes(value) ? VALIDITY_SLUGS[value as Validity] : undefined;
