import { englishCandidates } from './index/en.ts';
for (const t of ['I refer you to the State Department for details.', 'We met the State Department today.', 'The State Department said so.']) console.log(englishCandidates(t).map(c=>c.term+':'+c.kind));
