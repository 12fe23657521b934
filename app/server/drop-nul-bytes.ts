import { Transform, type TransformCallback } from "node:stream";

/**
 * React 18.3's streaming renderer (writeStringChunk) flushes its whole 2 KB buffer when a
 * multi-byte character does not fit at the end, so the unused tail goes out as 0x00 bytes
 * inside the HTML ("В\0ёрстка"; browsers show "В�ёрстка"). A NUL byte is never part of a
 * UTF-8 multi-byte sequence and never belongs in our HTML, so dropping every 0x00 restores
 * exactly what React meant to send. Remove when React is upgraded past the bug.
 */
export class DropNulBytes extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk);
  }
}
