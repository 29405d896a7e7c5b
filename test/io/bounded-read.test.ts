import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { describeRefusal, readBoundedFile, readRegularFile } from '../../src/io/bounded-read.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'psttm-read-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (name: string, limit = 100) => readBoundedFile(path.join(dir, name), name, limit);

describe('readBoundedFile', () => {
  it('reads a regular file whole, up to and including the limit', () => {
    writeFileSync(path.join(dir, 'a.yaml'), 'x'.repeat(100));
    expect(read('a.yaml').bytes?.toString()).toBe('x'.repeat(100));
    writeFileSync(path.join(dir, 'empty.yaml'), '');
    expect(read('empty.yaml').bytes?.length).toBe(0);
  });

  it('refuses a file one byte over the limit without reading it', () => {
    writeFileSync(path.join(dir, 'a.yaml'), 'x'.repeat(101));
    expect(read('a.yaml')).toEqual({ refusal: { reason: 'too-large', limit: 100 } });
  });

  it('stops one byte past the limit when the file holds more than its size says', () => {
    // Files under /proc report a size of 0 and hold more: the read itself must stop.
    expect(readBoundedFile('/proc/self/status', 'status', 64)).toEqual({ refusal: { reason: 'too-large', limit: 64 } });
    expect(readBoundedFile('/proc/self/status', 'status', 1024 * 1024).bytes?.toString()).toMatch(/^Name:/);
  });

  it('follows a link to a regular file', () => {
    writeFileSync(path.join(dir, 'target.yaml'), 'id: x\n');
    symlinkSync('target.yaml', path.join(dir, 'link.yaml'));
    expect(read('link.yaml').bytes?.toString()).toBe('id: x\n');
  });

  it('refuses a named pipe at once, with no writer and without blocking', () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
    expect(read('pipe.yaml')).toEqual({ refusal: { reason: 'not-regular', kind: 'fifo' } });
  });

  it('refuses links to endless devices, a folder and a socket', async () => {
    symlinkSync('/dev/zero', path.join(dir, 'zero.yaml'));
    symlinkSync('/dev/urandom', path.join(dir, 'random.yaml'));
    mkdirSync(path.join(dir, 'folder.yaml'));
    expect(read('zero.yaml')).toEqual({ refusal: { reason: 'not-regular', kind: 'character-device' } });
    expect(read('random.yaml')).toEqual({ refusal: { reason: 'not-regular', kind: 'character-device' } });
    expect(read('folder.yaml')).toEqual({ refusal: { reason: 'not-regular', kind: 'folder' } });
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(path.join(dir, 'socket.yaml'), resolve));
    try {
      expect(read('socket.yaml')).toEqual({ refusal: { reason: 'not-regular', kind: 'socket' } });
    } finally {
      server.close();
    }
  });

  it('stops the run on a missing file or a link loop, naming the file', () => {
    symlinkSync('loop.yaml', path.join(dir, 'loop.yaml'));
    expect(() => read('gone.yaml')).toThrow(new InputError('cannot read gone.yaml: no such file or folder'));
    expect(() => read('loop.yaml')).toThrow(new InputError('cannot read loop.yaml: a link points back to itself (a link loop)'));
  });
});

describe('readRegularFile', () => {
  it('stops the run on a refusal, saying what the file is and what to do', () => {
    execFileSync('mkfifo', [path.join(dir, 'report.hbs')]);
    writeFileSync(path.join(dir, 'big.css'), 'x'.repeat(2 * 1024 * 1024 + 1));
    expect(() => readRegularFile(path.join(dir, 'report.hbs'), 'templates/report.hbs', 100)).toThrow(
      new InputError('templates/report.hbs is a named pipe (FIFO), not a regular file; replace it with a regular file or remove it'),
    );
    expect(() => readRegularFile(path.join(dir, 'big.css'), 'templates/big.css', 2 * 1024 * 1024)).toThrow(
      new InputError('templates/big.css is larger than 2 MiB, the limit for this kind of file; split it or shorten it'),
    );
  });

  it('names a limit that is not a whole number of MiB in bytes', () => {
    expect(describeRefusal({ reason: 'too-large', limit: 100 })).toBe('is larger than 100 bytes, the limit for this kind of file; split it or shorten it');
  });
});
