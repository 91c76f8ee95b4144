// Where the time goes between navigation and the start card's text, and on
// to ready: cold loads of the bench's host pages (cds17, and the floor
// beside it), each with a Chromium trace, at 4× CPU and on Slow 4G + 4×
// CPU. tests/bench/run.mjs calls it; `cargo xtask bench` writes the table
// into docs/speed.md.
//
// From the trace: the script's request and arrival, its compile and first
// run (EvaluateScript), the main thread's tasks and the style, layout and
// paint work in them, and the wasm's request. From the probe's marks
// (tests/e2e/hosts/bench-probe.js), in the same trace: the shadow root made,
// the wasm handed to WebAssembly (compile) and instantiated, the start
// card's text painted, cds17:ready.

import fs from 'node:fs';

const STYLE_LAYOUT_PAINT = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'RecalculateStyles']);
// What a long task is made of, as the trace names it.
const WHAT = new Set([
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'ParseHTML',
  'Layout',
  'UpdateLayoutTree',
  'Paint',
  'BlinkScheduler_PerformMicrotaskCheckpoint',
  'DocumentLoader::CommitNavigation',
]);
// No `v8`: its events slow the script they describe.
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'];

/**
 * When the probe says `name` has been measured (tests/e2e/hosts/
 * bench-probe.js): a console message, so that no script of Playwright's
 * runs in the page while it loads.
 */
export function measured(page, name) {
  return page.waitForEvent('console', { predicate: (message) => message.text() === `cds17-bench:${name}`, timeout: 60_000 });
}

/**
 * A page for one cold load: a fresh context (nothing cached), 4× CPU, and
 * `network`'s conditions if given; with its CDP session.
 */
export async function coldPage(browser, { viewport, network }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const client = await context.newCDPSession(page);
  await client.send('Network.enable');
  await client.send('Network.setCacheDisabled', { cacheDisabled: true });
  await client.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) await client.send('Network.emulateNetworkConditions', network);
  return { context, page, client };
}

/** One cold load of `page` (a bench host page) under `scenario`, traced. */
async function traced(browser, url, scenario) {
  const { context, page, client } = await coldPage(browser, scenario);
  const events = [];
  client.on('Tracing.dataCollected', (message) => events.push(...message.value));
  const complete = new Promise((done) => client.once('Tracing.tracingComplete', done));
  await client.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  const painted = measured(page, 'painted');
  await page.goto(url);
  await painted;
  await page.waitForTimeout(300);
  await client.send('Tracing.end');
  await complete;
  await context.close();
  return events;
}

/** The milestones of one load, in ms from navigation start. */
function milestones(events, scriptName) {
  const navigation = events.find((event) => event.name === 'navigationStart' && event.args?.data?.isLoadingMainFrame !== false);
  const origin = navigation ? navigation.ts : Math.min(...events.filter((event) => event.ts > 0).map((event) => event.ts));
  const at = (ts) => (ts === undefined ? null : (ts - origin) / 1000);
  const mark = (name) => at(events.find((event) => event.name === `bench:${name}`)?.ts);
  // The renderer's main thread: the one that evaluated our script.
  const requests = new Map();
  for (const event of events) {
    const data = event.args?.data;
    if (event.name === 'ResourceSendRequest') requests.set(data.requestId, { url: data.url, sent: event.ts });
    if (event.name === 'ResourceFinish' && requests.has(data.requestId)) requests.get(data.requestId).finished = event.ts;
  }
  const request = (test) => [...requests.values()].find((entry) => test(entry.url)) ?? {};
  const script = request((url) => url.endsWith(`/${scriptName}`));
  const wasm = request((url) => /\/cds17\.[0-9a-f]+\.wasm$/.test(url));
  const evaluation = events.find((event) => event.name === 'EvaluateScript' && event.args?.data?.url?.endsWith(`/${scriptName}`));
  const mainThread = evaluation ? [evaluation.pid, evaluation.tid] : null;
  const onMain = (event) => mainThread && event.pid === mainThread[0] && event.tid === mainThread[1];
  const tasks = events.filter((event) => event.name === 'RunTask' && event.ph === 'X' && onMain(event));
  const text = mark('text');
  const shadow = mark('shadow');
  // The frame that first lays the text out paints it: the end of that
  // frame's commit is when the text is on screen.
  const laidOut = mark('laidOut');
  const commit = laidOut !== null && events.find((event) => onMain(event) && event.name === 'Commit' && event.ph === 'X' && at(event.ts) > laidOut);
  const onScreen = commit ? at(commit.ts + commit.dur) : text;
  // Tasks that end before the text is on screen, from the script's arrival.
  const before = tasks.filter((task) => at(task.ts) >= (at(script.finished) ?? 0) && at(task.ts + task.dur) <= onScreen);
  // How long the script itself runs in a task (its evaluation, its
  // callbacks, and the wasm they call), apart from the page's own style
  // and layout that the task may hold.
  const ownRuns = events.filter(
    (event) =>
      onMain(event) &&
      event.ph === 'X' &&
      (event.name === 'EvaluateScript' || event.name === 'FunctionCall') &&
      event.args?.data?.url?.endsWith(`/${scriptName}`),
  );
  const ownRun = (task) =>
    ownRuns
      .filter((event) => event.ts >= task.ts && event.ts + event.dur <= task.ts + task.dur)
      .reduce((sum, event) => sum + event.dur / 1000, 0);
  const firstTask = evaluation && tasks.find((task) => task.ts <= evaluation.ts && task.ts + task.dur >= evaluation.ts + evaluation.dur);
  // Style, layout and paint on the main thread between the shadow root and the text.
  const renderingWork = events
    .filter((event) => STYLE_LAYOUT_PAINT.has(event.name) && event.ph === 'X' && onMain(event))
    .filter((event) => shadow !== null && at(event.ts) >= shadow && at(event.ts) <= text)
    .reduce((sum, event) => sum + event.dur / 1000, 0);
  // Each task over 50 ms up to ready, with what took most of it.
  const ready = mark('ready') ?? text;
  const long = tasks
    .filter((task) => task.dur > 50_000 && at(task.ts) <= ready)
    .map((task) => {
      const inside = events
        .filter((event) => onMain(event) && event.ph === 'X' && event !== task && event.ts >= task.ts && event.ts + event.dur <= task.ts + task.dur)
        // The probe's own frame callbacks only read the page: the layout they force is the page's.
        .filter((event) => WHAT.has(event.name) && !event.args?.data?.url?.endsWith('bench-probe.js'))
        .sort((a, b) => b.dur - a.dur)
        .slice(0, 2)
        .map((event) => `${event.name}${event.args?.data?.url ? ` ${event.args.data.url.split('/').pop()}` : ''} ${Math.round(event.dur / 1000)}`);
      return `${Math.round(at(task.ts))}: ${Math.round(task.dur / 1000)} ms (${inside.join(', ') || 'other'})`;
    });
  return {
    longTasks: long,
    scriptSent: at(script.sent),
    scriptArrived: at(script.finished),
    scriptEvaluated: evaluation ? at(evaluation.ts) : null,
    scriptEvaluation: evaluation ? evaluation.dur / 1000 : null,
    firstTask: firstTask ? firstTask.dur / 1000 : null,
    shadow,
    renderingWork,
    text,
    onScreen,
    longestOwnRunBeforeText: before.reduce((max, task) => Math.max(max, ownRun(task)), 0),
    longTasksBeforeText: before.filter((task) => task.dur > 50_000).length,
    longestTaskBeforeText: before.reduce((max, task) => Math.max(max, task.dur / 1000), 0),
    wasmSent: at(wasm.sent),
    wasmArrived: at(wasm.finished),
    compile: mark('compile'),
    instantiated: mark('instantiated'),
    ready: mark('ready'),
  };
}

export const median = (values) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Runs `runs` traced cold loads of cds17 and the floor in each scenario,
 * alternating, and returns the medians and a markdown table; the last
 * load's trace of each goes into `out`.
 */
export async function breakdown(browser, host, scenarios, runs, out) {
  const pages = { cds17: ['bench-cds17.html', 'cds17.js'], floor: ['bench-floor.html', 'floor.js'] };
  const raw = {};
  for (const contender of Object.keys(pages)) raw[contender] = Object.fromEntries(Object.keys(scenarios).map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const [name, scenario] of Object.entries(scenarios)) {
      for (const [contender, [file, script]] of Object.entries(pages)) {
        const events = await traced(browser, `${host}/test/${file}`, scenario);
        raw[contender][name].push(milestones(events, script));
        // The last load's trace, for Chromium's Performance panel (Load profile).
        if (run === runs - 1) fs.writeFileSync(`${out}/trace-${contender}-${name}.json`, JSON.stringify({ traceEvents: events }));
        process.stdout.write('·');
      }
    }
  }
  process.stdout.write('\n');
  const medians = {};
  for (const contender of Object.keys(raw)) {
    medians[contender] = {};
    for (const [name, loads] of Object.entries(raw[contender])) {
      const numbers = Object.keys(loads[0]).filter((key) => key !== 'longTasks');
      medians[contender][name] = Object.fromEntries(numbers.map((key) => [key, median(loads.map((load) => load[key]))]));
      // The long tasks of the load whose text came at the median.
      const byText = [...loads].sort((a, b) => a.text - b.text);
      medians[contender][name].longTasks = byText[Math.floor((byText.length - 1) / 2)].longTasks;
    }
  }
  return { raw, medians, table: table(medians, Object.keys(scenarios), runs) };
}

function table(medians, scenarioNames, runs) {
  const ms = (value) => (value === null || value === undefined ? '–' : `${Math.round(value)}`);
  const rows = [
    ['script requested', 'scriptSent'],
    ['script arrived', 'scriptArrived'],
    ['script compiled and run (EvaluateScript): starts', 'scriptEvaluated'],
    ['… and lasts', 'scriptEvaluation'],
    ['the task that runs it lasts', 'firstTask'],
    ['shadow root made', 'shadow'],
    ['style, layout and paint between the shadow root and the text', 'renderingWork'],
    ['start card’s text on screen (the commit of the frame that lays it out)', 'onScreen'],
    ['start card’s text painted (two frames after that frame, as `cargo xtask bench` measures it)', 'text'],
    ['tasks over 50 ms before the text is on screen (the page’s own style and layout included)', 'longTasksBeforeText', true],
    ['longest task before the text is on screen', 'longestTaskBeforeText'],
    ['longest run of the script itself in one task before the text is on screen', 'longestOwnRunBeforeText'],
    ['wasm requested', 'wasmSent'],
    ['wasm arrived', 'wasmArrived'],
    ['wasm handed to WebAssembly', 'compile'],
    ['wasm compiled and instantiated', 'instantiated'],
    ['cds17:ready (hydrated, listening)', 'ready'],
  ];
  const labels = { cpu4: '4× CPU', slow4g: 'Slow 4G + 4× CPU' };
  let out = `Medians of ${runs} traced cold loads each (ms from navigation start, durations in ms).\n\n`;
  out += `| | ${scenarioNames.map((name) => `cds17, ${labels[name] ?? name} | floor, ${labels[name] ?? name}`).join(' | ')} |\n`;
  out += `| --- |${scenarioNames.map(() => ' --- | --- |').join('')}\n`;
  for (const [label, key, count] of rows) {
    const cells = scenarioNames.flatMap((name) =>
      ['cds17', 'floor'].map((contender) => {
        const value = medians[contender][name][key];
        return count ? (value === null ? '–' : String(value)) : ms(value);
      }),
    );
    out += `| ${label} | ${cells.join(' | ')} |\n`;
  }
  out += '\nThe main thread\'s tasks over 50 ms until ready, in the load whose text came at the median (start in ms: length, and what took most of it, in ms):\n\n';
  for (const name of scenarioNames) {
    for (const contender of ['cds17', 'floor']) {
      out += `- ${contender}, ${labels[name] ?? name}: ${medians[contender][name].longTasks.join('; ') || 'none'}\n`;
    }
  }
  return out;
}
