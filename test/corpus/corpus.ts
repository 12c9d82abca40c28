// The loader lives in scripts/fixtures/corpus.ts so that the bench can use it too (scripts/ never imports
// test code); tests may import it from here or from there.
export * from '../../scripts/fixtures/corpus.ts';
