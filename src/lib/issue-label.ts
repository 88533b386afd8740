/** 第2期: an issue's number within its year. */
export function formatIssueNumber(number: number): string {
  return `第${number}期`;
}

/** 总第02期: the running serial, zero-padded to two digits as the bulletin prints it. */
export function formatSerial(serial: number): string {
  return `总第${String(serial).padStart(2, '0')}期`;
}

/** 2017年第2期: how an issue is named in lists and search results. */
export function formatIssueLabel(issue: { year: number; number: number }): string {
  return `${issue.year}年${formatIssueNumber(issue.number)}`;
}

/** The series name on one line: the masthead's lines joined by a space. */
export function seriesName(series: readonly string[]): string {
  return series.join(' ');
}
