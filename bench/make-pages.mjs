// Builds the benchmark's comparison pages from the content pack, into bench/out/:
// - surveyjs/: the peer a webmaster would otherwise pick, SurveyJS (survey-core + survey-js-ui,
//   the fontless theme so that it requests no third-party font), carrying the same 88 questions
//   with the same answer scale and the same help text;
// - pack-2000.json: a synthetic content pack of 2,000 sub-practices, to show that the cost of
//   an answer does not grow with the catalogue.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, 'out');
const pack = JSON.parse(readFileSync(join(HERE, '..', 'content', 'hicp-2018.json'), 'utf8'));

// --- SurveyJS page
const peer = join(OUT, 'surveyjs');
mkdirSync(peer, { recursive: true });
const nm = join(HERE, 'node_modules');
cpSync(join(nm, 'survey-core', 'survey.core.min.js'), join(peer, 'survey.core.min.js'));
cpSync(join(nm, 'survey-js-ui', 'survey-js-ui.min.js'), join(peer, 'survey-js-ui.min.js'));
cpSync(join(nm, 'survey-core', 'survey-core.fontless.min.css'), join(peer, 'survey-core.fontless.min.css'));
const choices = pack.answer_scale.choices.map((c) => ({ value: c.id, text: c.label }));
const model = {
  title: 'HICP self-assessment',
  showProgressBar: 'top',
  pages: pack.practices.map((p) => ({
    name: p.id,
    title: `${p.number}. ${p.name}`,
    description: p.summary,
    elements: pack.sub_practices.filter((s) => s.practice === p.id).flatMap((s) => [
      { type: 'radiogroup', name: s.id, title: `${s.id} ${s.title}: ${s.questions[0]}`,
        description: `${s.in_place} ${s.why} ${s.technical}`, choices },
      { type: 'comment', name: `${s.id}-note`, title: 'Note (optional)' },
    ]),
  })),
};
writeFileSync(join(peer, 'model.js'), `window.HICP_MODEL = ${JSON.stringify(model)};\n`);
writeFileSync(join(peer, 'app.js'), `const survey = new Survey.Model(window.HICP_MODEL);
survey.onValueChanged.add((s) => localStorage.setItem('hicp-surveyjs', JSON.stringify(s.data)));
survey.render(document.getElementById('survey'));
`);
writeFileSync(join(peer, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>HICP self-assessment (SurveyJS)</title><link rel="icon" href="data:," />
<link rel="stylesheet" href="survey-core.fontless.min.css" /></head>
<body><main id="survey"></main>
<script src="survey.core.min.js"></script><script src="survey-js-ui.min.js"></script>
<script src="model.js"></script><script src="app.js"></script></body></html>
`);

// --- A synthetic pack of exactly 2,000 sub-practices: 26 practices x 3 tiers x up to 26
// letters, every tier in the large scope.
const synthetic = structuredClone(pack);
synthetic.id = 'synthetic-2000';
synthetic.title = 'Synthetic pack of 2,000 sub-practices (benchmark only)';
synthetic.tiers.find((t) => t.id === 'large').required = ['small', 'medium', 'large'];
synthetic.practices = Array.from({ length: 26 }, (_, i) => ({
  id: `practice.${i + 1}`, number: i + 1, name: `Practice ${i + 1}`,
  threats: pack.practices[i % 10].threats, summary: 'A generated practice for the benchmark.',
}));
synthetic.threats.forEach((t) => { t.cited = []; });
synthetic.sub_practices = [];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const template = pack.sub_practices.find((s) => s.id === '1.M.A');
outer: for (let p = 1; p <= 26; p++) {
  for (const [tier, key] of [['small', 'S'], ['medium', 'M'], ['large', 'L']]) {
    for (const letter of LETTERS) {
      if (synthetic.sub_practices.length === 2000) break outer;
      synthetic.sub_practices.push({ ...template, id: `${p}.${key}.${letter}`, practice: `practice.${p}`, tier,
        title: `Generated ${p}.${key}.${letter}`, nist_csf: tier === 'small' ? undefined : template.nist_csf });
    }
  }
}
synthetic.sub_practices.sort((a, b) => parseInt(a.id, 10) - parseInt(b.id, 10));
writeFileSync(join(OUT, 'pack-2000.json'), JSON.stringify(synthetic));
console.log(`pages written to ${OUT}: surveyjs/ (${pack.sub_practices.length} questions), pack-2000.json (${synthetic.sub_practices.length} sub-practices)`);
