import { describe, expect, it } from 'vitest';
import { decideSave, versionOf } from '../../../scripts/desk/conflict.ts';

describe('two editors saving the same entry', () => {
  const opened = 'title: 甲\n';
  const base = versionOf(opened);

  it('the first save is written', () => {
    expect(decideSave(base, opened, 'title: 乙\n')).toEqual({ action: 'write' });
  });

  it('the second, opened on the same version, is told and shown the file as it now is', () => {
    const firstSaved = 'title: 乙\n';
    expect(decideSave(base, firstSaved, 'title: 丙\n')).toEqual({ action: 'conflict', theirs: firstSaved });
  });

  it('saving what the file already says writes nothing, whoever saved it', () => {
    expect(decideSave(base, 'title: 乙\n', 'title: 乙\n')).toEqual({ action: 'unchanged' });
    expect(decideSave(base, opened, opened)).toEqual({ action: 'unchanged' });
  });

  it('after seeing both, saving on the version shown is written', () => {
    const firstSaved = 'title: 乙\n';
    expect(decideSave(versionOf(firstSaved), firstSaved, 'title: 丙\n')).toEqual({ action: 'write' });
  });

  it('a file removed since the form was opened is a conflict; a new file is written only while it does not exist', () => {
    expect(decideSave(base, null, 'title: 丙\n')).toEqual({ action: 'conflict', theirs: null });
    expect(decideSave(versionOf(null), null, 'title: 丙\n')).toEqual({ action: 'write' });
    expect(decideSave(versionOf(null), 'title: 乙\n', 'title: 丙\n')).toEqual({ action: 'conflict', theirs: 'title: 乙\n' });
  });
});
