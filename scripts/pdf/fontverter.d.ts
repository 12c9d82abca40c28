declare module 'fontverter' {
  const fontverter: {
    convert(buffer: Uint8Array, toFormat: 'sfnt' | 'truetype' | 'woff' | 'woff2', fromFormat?: string): Promise<Buffer>;
    detectFormat(buffer: Uint8Array): 'sfnt' | 'woff' | 'woff2';
  };
  export default fontverter;
}
