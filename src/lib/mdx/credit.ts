/** Who took a photo or where it comes from, as printed after its 图注: 摄影：张三 / 来源：某单位. */
export function photoCredit({ photographer, source }: { photographer?: string | undefined; source?: string | undefined }): string | undefined {
  if (photographer?.trim()) return `摄影：${photographer.trim()}`;
  if (source?.trim()) return `来源：${source.trim()}`;
  return undefined;
}
