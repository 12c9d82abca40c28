import ts from 'typescript';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
function files(dir: string): string[] { return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : []); }
const TAG = /<\/?[A-Za-z][\w:.-]*(?=[\s>/])|<\?xml|<!DOCTYPE|<!--/i;
const RE = /<|href=|&(?:amp|lt|gt|quot);/;
for (const f of files('scripts')) {
  const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (n: ts.Node) => {
    let hit = false;
    if (ts.isRegularExpressionLiteral(n)) hit = RE.test(n.text.slice(0, n.text.lastIndexOf('/')));
    else if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) hit = TAG.test(n.text);
    if (hit) console.log(f + ':' + (sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1), JSON.stringify(n.getText(sf).slice(0, 90)));
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
