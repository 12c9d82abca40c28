import { englishCandidates } from './index/en.ts';
import { isEnglishPlace } from './index/gazetteer.ts';
console.log(isEnglishPlace('American'), isEnglishPlace('Russian'));
console.log(englishCandidates('The American people want it. We met American workers in Ohio. The Russian troops moved.').map(c=>c.term+':'+c.kind));
