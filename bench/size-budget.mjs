// CI size budget: bundles the client apps for the browser (esbuild, minified,
// tree-shaken, ESM) from the built dist/, gzips them (level 9) and exits 1 when
// one is over its enforced budget (CI_BUDGETS: the sizes reached, rounded up to
// the next 0.5 KB). Each line also shows the target (BUDGETS) and says
// "target missed" while a bundle is over it. 1 KB = 1000 bytes. Run after `pnpm build`:
//   node bench/size-budget.mjs
import { BUDGETS, CI_BUDGETS, KB, measureBundles } from './bundles.mjs';

const MEASURED = ['cancelOnly', 'wholeClient', 'clientWithEstimator'];
const kb = (bytes, digits = 2) => `${(bytes / KB).toFixed(digits)} KB`;

const started = performance.now();
let results;
try {
  results = await measureBundles(MEASURED);
} catch (error) {
  console.error(`size budget: cannot bundle: ${error.message}`);
  process.exit(1);
}

let over = 0;
let missed = 0;
console.log(
  'bundle (min+gz, 1 KB = 1000 bytes)          min+gz    enforced      target    minified  verdict',
);
for (const result of results) {
  const budget = CI_BUDGETS[result.name];
  const target = BUDGETS[result.name];
  const overBudget = budget !== undefined && result.gzBytes > budget;
  const targetMissed = target !== undefined && result.gzBytes > target;
  if (overBudget) over++;
  if (targetMissed) missed++;
  const verdict =
    budget === undefined
      ? 'measured, not budgeted'
      : [overBudget ? 'OVER BUDGET' : 'ok', ...(targetMissed ? ['target missed'] : [])].join(', ');
  console.log(
    `${result.label.padEnd(42)} ${kb(result.gzBytes).padStart(10)} ${(budget === undefined ? '-' : kb(budget, 1)).padStart(11)} ${(target === undefined ? '-' : kb(target, 1)).padStart(11)} ${kb(result.minBytes, 1).padStart(11)}  ${verdict}`,
  );
  if (overBudget || targetMissed) {
    console.log('  heaviest inputs (minified bytes in the bundle):');
    for (const { input, bytes } of result.top.slice(0, 8))
      console.log(`    ${String(bytes).padStart(7)}  ${input}`);
  }
}
console.log(
  `size budget: ${over === 0 ? 'ok' : `${over} over budget`}${missed === 0 ? ', every target met' : `, ${missed} target${missed === 1 ? '' : 's'} missed`} (${Math.round(performance.now() - started)} ms)`,
);
process.exit(over === 0 ? 0 : 1);
