/**
 * Zips the built Lambda (dist/lambda/: index.js, the DynamoDB chunk and their source maps, at the
 * zip's root so the handler is `index.handler`) into the file given as the first argument. ask-cli's build hook
 * (hooks/build.sh) calls this after `npm run build`; the zip is what `ask deploy` uploads.
 *
 * A plain zip writer (deflate, CRC-32) so deploying needs nothing beyond Node.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { BUILD, LAMBDA_FILES } from './build-output';

/** The skill, and the DynamoDB store it loads only when DYNAMODB_TABLE is set (see scripts/build.ts). */
const FILES = LAMBDA_FILES;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** A zip archive (deflated entries, fixed 1980-01-01 dates so the same build gives the same bytes). */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // rw-r--r-- regular file
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

function main(): void {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: tsx scripts/package-lambda.ts <zip file to write>');
    process.exit(2);
  }
  const entries = FILES.map((name) => {
    const file = path.join(BUILD.lambdaDir, name);
    if (!existsSync(file)) {
      console.error(`${path.relative(process.cwd(), file)} is missing: run npm run build first`);
      process.exit(1);
    }
    return { name, data: readFileSync(file) };
  });
  const out = path.resolve(target);
  mkdirSync(path.dirname(out), { recursive: true });
  const archive = zip(entries);
  writeFileSync(out, archive);
  console.log(`packaged ${FILES.join(', ')} into ${out} (${Math.round(archive.length / 1024)} KB)`);
}

if (require.main === module) main();
