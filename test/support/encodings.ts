// Text as bytes, encoded independently of the codec under test: MS932 (Shift_JIS) by iconv-lite, UTF-8 by
// TextEncoder.
import iconv from 'iconv-lite';

export const sjis = (text: string) => new Uint8Array(iconv.encode(text, 'cp932'));
export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
