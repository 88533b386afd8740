/**
 * The suite's runner (tests/run-all.ts): a phase's lanes run at once and each lane's steps in
 * order, the phases one after the other; the first failure stops the other lanes' processes and
 * names its step; a command's lines come out under its lane's name.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAll, type Lane } from '../run-all.ts';

const node = (code: string) => [process.execPath, '-e', code];

afterEach(() => vi.restoreAllMocks());

describe('the suite runner', () => {
  it('runs the lanes of a phase at once, the steps of a lane in order, and the phases in order', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const events: string[] = [];
    // Each of the first phase's lanes waits for the other to have started: run one after the
    // other, they would wait for ever (and the test time out).
    let started!: () => void;
    const otherStarted = new Promise<void>((done) => (started = done));
    let startedToo!: () => void;
    const firstStarted = new Promise<void>((done) => (startedToo = done));
    const phases: Lane[][] = [
      [
        { name: 'a', steps: [{ name: 'a1', run: async () => (startedToo(), await otherStarted, events.push('a1')) }, { name: 'a2', run: async () => events.push('a2') }] },
        { name: 'b', steps: [{ name: 'b1', run: async () => (started(), await firstStarted, events.push('b1')) }] },
      ],
      [{ name: 'c', steps: [{ name: 'c1', run: async () => events.push('c1') }] }],
    ];
    const { timings, failure } = await runAll(phases);
    expect(failure).toBeUndefined();
    expect(events.indexOf('a2')).toBeGreaterThan(events.indexOf('a1'));
    expect(events.at(-1)).toBe('c1');
    expect(timings.map((t) => t.step).sort()).toEqual(['a1', 'a2', 'b1', 'c1']);
  }, 10_000);

  it('prefixes a command’s lines with its lane, and on a failure stops the other lanes and names the step', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const later: string[] = [];
    const phases: Lane[][] = [
      [
        { name: 'fails', steps: [{ name: '会失败的一步', command: node('console.log("合成测试输出"); setTimeout(() => process.exit(3), 200)') }] },
        // Stopped by the failure: it would otherwise run for a minute, past the test's time.
        { name: 'slow', steps: [{ name: 'slow', command: node('setTimeout(() => {}, 60_000)') }, { name: 'after slow', run: async () => later.push('after slow') }] },
      ],
      [{ name: 'next', steps: [{ name: 'next phase', run: async () => later.push('next phase') }] }],
    ];
    const { failure, timings } = await runAll(phases);
    expect(failure).toBe('会失败的一步：退出码 3');
    expect(lines).toContain('[fails] 合成测试输出');
    expect(later).toEqual([]);
    expect(timings).toEqual([]);
  }, 10_000);
});
