// Dependencies run one way (STYLE.md, issue #12):
//   core → model → config → reader → index, render → pdf, epub, markdown → writers → book, prepare,
//   build, corpus, check → cli, with the benchmarks on top. Tests may use any of scripts/ but not the
//   benchmarks, and nothing in scripts/ uses test code. test/dependencies.test.ts enforces these rules.
const layer = (name) => `^scripts/${name}(/|\\.ts$)`;
const top = '^scripts/(book|prepare|build|corpus|check|cli|inspect)\\.ts$';
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'A cycle makes "one way" impossible.', from: { path: '^scripts/' }, to: { circular: true } },
    { name: 'core-is-the-bottom', severity: 'error', comment: 'core/ (diagnostics, context, files) depends on nothing else of ours.',
      from: { path: layer('core') }, to: { path: '^scripts/', pathNot: layer('core') } },
    { name: 'model-only-core', severity: 'error', comment: 'The document model depends only on core/.',
      from: { path: layer('model') }, to: { path: '^scripts/', pathNot: [layer('core'), layer('model')] } },
    { name: 'config-below-reader', severity: 'error', comment: 'book.yaml loading depends only on core/ and model/.',
      from: { path: layer('config') }, to: { path: '^scripts/', pathNot: [layer('core'), layer('model'), layer('config')] } },
    { name: 'reader-below-writers', severity: 'error', comment: 'The reader builds the tree; it knows no renderer, writer, index or medium. It may read the template set\'s words (default headings are in the book\'s language): render/strings.ts and render/templates.ts are data loaders.',
      from: { path: layer('reader') }, to: { path: [layer('render'), layer('index'), layer('pdf'), layer('epub'), layer('writers'), layer('markdown'), layer('bench'), top], pathNot: '^scripts/render/(strings|templates)\\.ts$' } },
    { name: 'template-data-is-data', severity: 'error', comment: 'The template-set loaders (words, files) render nothing and depend only on core/ and each other.',
      from: { path: '^scripts/render/(strings|templates)\\.ts$' }, to: { path: '^scripts/', pathNot: [layer('core'), '^scripts/render/(strings|templates)\\.ts$'] } },
    { name: 'render-below-media', severity: 'error', comment: 'The shared renderer reads the tree; it knows no reader internals, medium or writer.',
      from: { path: layer('render') }, to: { path: [layer('reader'), layer('pdf'), layer('epub'), layer('writers'), layer('bench'), top] } },
    { name: 'index-below-media', severity: 'error', comment: 'The index transform and its rendering know no medium or writer.',
      from: { path: layer('index') }, to: { path: [layer('pdf'), layer('epub'), layer('writers'), layer('bench'), top] } },
    { name: 'media-below-writers', severity: 'error', comment: 'pdf/ and epub/ are the writers\' helpers: they never call a writer, the reader or each other.',
      from: { path: [layer('pdf'), layer('epub')] }, to: { path: [layer('writers'), layer('reader'), layer('bench'), top] } },
    { name: 'pdf-epub-apart', severity: 'error', comment: 'The media differ only where the medium differs: no cross-imports.',
      from: { path: layer('pdf') }, to: { path: layer('epub') } },
    { name: 'epub-pdf-apart', severity: 'error', comment: 'The media differ only where the medium differs: no cross-imports.',
      from: { path: layer('epub') }, to: { path: layer('pdf') } },
    { name: 'writers-read-the-tree', severity: 'error', comment: 'Writers read the tree, never the reader.',
      from: { path: layer('writers') }, to: { path: [layer('reader'), layer('bench'), top] } },
    { name: 'bench-on-top', severity: 'error', comment: 'Nothing in the product uses the benchmarks.',
      from: { path: '^scripts/', pathNot: layer('bench') }, to: { path: layer('bench') } },
    { name: 'no-test-code-in-scripts', severity: 'error', comment: 'The product and the benchmarks never import test code; shared fixtures live in scripts/ or test/fixtures data.',
      from: { path: '^scripts/' }, to: { path: '^test/' } },
    { name: 'tests-not-bench', severity: 'error', comment: 'Tests and the benchmark share fixtures from one place, not each other\'s code.',
      from: { path: '^test/' }, to: { path: layer('bench') } },
    // Every package a file imports is declared in package.json, and the product needs no dev dependency
    // (issue 24: fontverter and harfbuzzjs came in through subset-font undeclared).
    { name: 'declared-packages-only', severity: 'error', comment: 'An import of a package package.json does not declare works only while another package happens to bring it.',
      from: {}, to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] } },
    { name: 'resolvable-imports', severity: 'error', comment: 'An import that does not resolve fails at run time.',
      from: {}, to: { couldNotResolve: true } },
    { name: 'product-needs-no-dev-dependency', severity: 'error', comment: 'npm install --omit=dev must give a working build; the benchmarks may use dev tools.',
      from: { path: '^scripts/', pathNot: layer('bench') }, to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve packages through their "exports" maps as Node does (opencc-js/t2cn is an export, not a file).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types'] },
  },
};
