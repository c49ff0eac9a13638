/**
 * What a file really is, from its bytes: the type is sniffed from the content (magic numbers,
 * file-type), never taken from the client's name or header; images are decoded and re-encoded
 * without their metadata (EXIF with GPS position, XMP, comments), turned upright first.
 */
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { AppError } from './errors.js';
import type { FilePurpose } from './files-schema.js';

const JPEG = 'image/jpeg';
const PNG = 'image/png';
const WEBP = 'image/webp';
const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv';

const IMAGES = new Set([JPEG, PNG, WEBP]);

/** The types each purpose accepts. */
export const acceptedTypes: Record<FilePurpose, readonly string[]> = {
  photo: [JPEG, PNG, WEBP],
  attachment: [JPEG, PNG, WEBP, PDF],
  certificate: [PDF],
  export: [XLSX, PDF, CSV],
};

export const extensionOf: Record<string, string> = {
  [JPEG]: 'jpg',
  [PNG]: 'png',
  [WEBP]: 'webp',
  [PDF]: 'pdf',
  [XLSX]: 'xlsx',
  [CSV]: 'csv',
};

/** Decoding a small file into a huge bitmap (a decompression bomb) stops here. */
const MAX_PIXELS = 40_000_000;

function refuseType(purpose: FilePurpose): AppError {
  const list = acceptedTypes[purpose].map((t) => extensionOf[t]).join('、');
  return new AppError('FILE_TYPE_NOT_ALLOWED', [
    {
      field: 'body',
      message: `只能上传以下类型的文件：${list}`,
      messageEn: `Only these types are accepted: ${list.replaceAll('、', ', ')}`,
    },
  ]);
}

function looksLikeText(body: Buffer): boolean {
  if (body.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return true;
  } catch {
    return false;
  }
}

export interface CheckedContent {
  body: Buffer;
  contentType: string;
}

/**
 * Checks an upload's size and real type for its purpose, and strips image metadata.
 * Too large: 413 FILE_TOO_LARGE; not an accepted type (an .exe named .jpg, a broken image): 415.
 */
export async function checkContent(body: Buffer, purpose: FilePurpose, maxBytes: number): Promise<CheckedContent> {
  if (body.length > maxBytes) {
    const mb = Math.floor(maxBytes / 1024 / 1024);
    throw new AppError('FILE_TOO_LARGE', [
      { field: 'body', message: `文件不能超过 ${mb} MB`, messageEn: `Files may be at most ${mb} MB` },
    ]);
  }
  if (body.length === 0) throw refuseType(purpose);
  const sniffed = (await fileTypeFromBuffer(body))?.mime ?? (looksLikeText(body) ? CSV : null);
  if (!sniffed || !acceptedTypes[purpose].includes(sniffed)) throw refuseType(purpose);
  if (!IMAGES.has(sniffed)) return { body, contentType: sniffed };
  try {
    // sharp writes no metadata unless asked to; rotate() first applies the EXIF orientation.
    const image = sharp(body, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
    const out =
      sniffed === JPEG ? image.jpeg({ quality: 90 }) : sniffed === PNG ? image.png() : image.webp({ quality: 90 });
    return { body: await out.toBuffer(), contentType: sniffed };
  } catch {
    throw refuseType(purpose);
  }
}
