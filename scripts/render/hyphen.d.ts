// The `hyphen` package (Liang's patterns from CTAN) ships no types; this is the part the renderer uses.
declare module 'hyphen/*' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] }): string;
}
