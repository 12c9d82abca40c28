import { scoreAll, figures } from './index-gold.ts';
const NEW = new Set(process.env.NEW_IDS!.split(','));
const all = scoreAll().filter((s) => s.split === 'dev');
const show = process.argv.includes('--new') ? all.filter((s) => NEW.has(s.id)) : process.argv.includes('--old') ? all.filter((s) => !NEW.has(s.id)) : [];
for (const s of show) {
  console.log(`\n== ${s.id}`);
  console.log('  entries:', s.entries.map((e) => `${e.term}[${e.kind[0]}]${e.verdict === 'gold' ? '' : e.verdict === 'unjudged' ? '?' : e.verdict === 'judged-useful' ? '+' : e.verdict === 'neutral' ? '~' : '✗'}`).join(' '));
  console.log('  missed:', s.names.filter((n) => !n.found).map((n) => n.gold).join(' | '));
}
const p = (x: number) => (100 * x).toFixed(1);
for (const [name, part] of [['dev all', all], ['dev old', all.filter((s) => !NEW.has(s.id))], ['dev new', all.filter((s) => NEW.has(s.id))]] as const) {
  const f = figures(part);
  console.log(`${name}: ${f.books} books, ${f.entries} entries, useful ${f.useful} (${p(f.precisionStrict)} %), wrong ${f.wrong}, unjudged ${f.unjudged}; found ${f.found}/${f.names} = ${p(f.recall)} %`);
}
