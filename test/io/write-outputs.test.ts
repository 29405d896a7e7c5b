import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stageOutputs, writeOutputs, type OutputFile } from '../../src/io/write-outputs.ts';

vi.mock('node:fs', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:fs')>();
  return { ...original, renameSync: vi.fn(original.renameSync) };
});

const made: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'psttm-write-'));
  made.push(dir);
  return dir;
}

const output = (dir: string, name: string, content: OutputFile['content']): OutputFile => ({ path: path.join(dir, name), displayPath: name, content });

describe('writeOutputs', () => {
  it('writes new files and replaces allowed ones, leaving nothing else', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'b.txt'), 'old');
    await writeOutputs([output(dir, 'a.txt', 'alpha'), output(dir, 'b.txt', Buffer.from('beta'))], { force: true });
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe('beta');
  });

  it('keeps the mode of the file it replaces', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'a.txt'), 'old', { mode: 0o640 });
    await writeOutputs([output(dir, 'a.txt', 'new')], { force: true });
    expect(fs.statSync(path.join(dir, 'a.txt')).mode & 0o777).toBe(0o640);
  });

  it('a write that stops short (a disk filling up) fails, and the old file and folder stay as they were', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'a.txt'), 'old');
    const probe = await open(path.join(dir, 'a.txt'));
    const fileHandle = Object.getPrototypeOf(probe) as { write: (...args: unknown[]) => Promise<{ bytesWritten: number }> };
    await probe.close();
    // The first call writes 3 bytes of the 8 asked, the next ones none.
    let calls = 0;
    vi.spyOn(fileHandle, 'write').mockImplementation(async () => ({ bytesWritten: calls++ === 0 ? 3 : 0 }));
    await expect(writeOutputs([output(dir, 'a.txt', 'new text')], { force: true })).rejects.toThrow('cannot write a.txt: no space left on the device; nothing was written');
    expect(calls).toBe(2);
    expect(readdirSync(dir)).toEqual(['a.txt']);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('old');
  });

  it('a rename that fails midway puts back the files already renamed: all or none', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'a.txt'), 'old a');
    writeFileSync(path.join(dir, 'b.txt'), 'old b');
    // The first rename goes through, the second fails.
    const realRename = vi.mocked(fs.renameSync).getMockImplementation()!;
    vi.mocked(fs.renameSync)
      .mockImplementationOnce(realRename)
      .mockImplementationOnce(() => {
        throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
      });
    await expect(writeOutputs([output(dir, 'a.txt', 'new a'), output(dir, 'b.txt', 'new b'), output(dir, 'c.txt', 'new c')], { force: true })).rejects.toThrow(
      'cannot write a.txt, b.txt, c.txt: input/output error on the device; nothing was written',
    );
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
    expect([readFileSync(path.join(dir, 'a.txt'), 'utf8'), readFileSync(path.join(dir, 'b.txt'), 'utf8')]).toEqual(['old a', 'old b']);
  });

  it('a file another program creates between the check and the commit is not overwritten', async () => {
    const dir = folder();
    const staged = await stageOutputs([output(dir, 'new.yaml', 'ours')], { force: false });
    writeFileSync(path.join(dir, 'new.yaml'), 'theirs');
    await expect(staged.commit()).rejects.toThrow('new.yaml was created by another program while psttm was writing it; nothing was written');
    staged.discard();
    expect(readFileSync(path.join(dir, 'new.yaml'), 'utf8')).toBe('theirs');
    expect(readdirSync(dir)).toEqual(['new.yaml']);
  });

  it('refuses the whole run when one target exists without --force, writing none', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'b.txt'), 'theirs');
    await expect(writeOutputs([output(dir, 'a.txt', 'a'), output(dir, 'b.txt', 'b')], { force: false })).rejects.toThrow('b.txt already exists; pass --force to overwrite, or choose another path');
    expect(readdirSync(dir)).toEqual(['b.txt']);
  });

  it('refuses a target named twice', async () => {
    const dir = folder();
    await expect(writeOutputs([output(dir, 'a.txt', 'one'), output(dir, 'a.txt', 'two')], { force: true })).rejects.toThrow('a.txt is named twice as an output; give each output its own file');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('sweeps the temporaries of runs that no longer exist, and keeps those of running ones', async () => {
    const dir = folder();
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const dead = `.a.txt.${deadPid}-0badcafe.psttm-tmp`;
    const alive = `.a.txt.${process.pid}-0badcafe.psttm-bak`;
    for (const name of [dead, alive, '.notes.txt']) writeFileSync(path.join(dir, name), 'x');
    await writeOutputs([output(dir, 'a.txt', 'a')], { force: false });
    expect(readdirSync(dir).sort()).toEqual(['.a.txt.' + process.pid + '-0badcafe.psttm-bak', '.notes.txt', 'a.txt'].sort());
  });

  it('streams content to the temporary and counts every byte', async () => {
    const dir = folder();
    const writeTo = async (stream: NodeJS.WritableStream) => {
      for (let chunk = 0; chunk < 64; chunk++) stream.write(Buffer.alloc(16 * 1024, chunk));
      stream.end();
    };
    const staged = await stageOutputs([output(dir, 'big.bin', { writeTo })], { force: false });
    expect(staged.files[0]!.bytes).toBe(1024 * 1024);
    await staged.commit();
    staged.discard();
    expect(fs.statSync(path.join(dir, 'big.bin')).size).toBe(1024 * 1024);
  });
});
