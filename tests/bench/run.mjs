// `cargo xtask bench` runs this. It loads each contender's host page in
// headless Chromium, alternating them (A B C A B C …), cold cache, and
// reports medians. The contenders:
//   cds17   the widget as shipped: cds17.js, which fetches the wasm;
//   inline  the same with the wasm folded into the script: one request;
//   floor   tests/bench/floor: the same deck by hand in plain JS.
// Environment: CDS17_WIDGET_BASE, CDS17_HOST_ORIGIN, BENCH_RUNS, BENCH_OUT,
// BENCH_FILES (bytes per contender, gzip and brotli, from xtask).
import fs from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { breakdown, coldPage, measured, median } from './breakdown.mjs';

const BASE = process.env.CDS17_WIDGET_BASE;
const HOST = process.env.CDS17_HOST_ORIGIN;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const OUT = process.env.BENCH_OUT ?? 'target/bench';
const FILES = JSON.parse(process.env.BENCH_FILES ?? '{}');
// `cargo xtask bench --breakdown`: the traced breakdown alone.
const ONLY_BREAKDOWN = process.env.BENCH_ONLY === 'breakdown';
const BREAKDOWN_RUNS = Number(process.env.BENCH_BREAKDOWN_RUNS ?? 5);
const CONTENDERS = ['cds17', 'inline', 'floor'];
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

// The tests' flags (tests/e2e/chromium-args.json), and memory figures.
const CHROMIUM_ARGS = JSON.parse(fs.readFileSync(new URL('../e2e/chromium-args.json', import.meta.url), 'utf8'));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
});

/** One cold load of a contender: a fresh context, so nothing is cached. */
async function load(contender, { viewport, network, flips = 0, press = 0 }) {
  const { context, page, client } = await coldPage(browser, { viewport, network });
  const wire = new Map();
  client.on('Network.responseReceived', (event) => {
    if (event.response.url.startsWith(BASE)) wire.set(event.requestId, { url: event.response.url, bytes: 0 });
  });
  client.on('Network.loadingFinished', (event) => {
    if (wire.has(event.requestId)) wire.get(event.requestId).bytes = event.encodedDataLength;
  });
  const painted = measured(page, 'painted');
  const flipPainted = press ? measured(page, 'flipPainted') : null;
  await page.goto(`${HOST}/test/bench-${contender}.html${press ? `?press=${press}` : ''}`);
  await painted;
  await flipPainted;
  // Let late layout shifts and long tasks show up.
  await page.waitForTimeout(1000);
  const scriptName = { cds17: 'cds17.js', inline: 'cds17.inline.js', floor: 'floor.js' }[contender];
  const timings = await page.evaluate((scriptName) => {
    const bench = window.__bench;
    const script = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(`/${scriptName}`));
    const longTasks = bench.longTasks;
    return {
      painted: bench.painted,
      textPainted: bench.textPainted,
      ready: bench.ready,
      flipPainted: bench.flipPainted,
      scriptToReady: script ? bench.ready - script.responseEnd : null,
      longestTask: longTasks.reduce((max, task) => Math.max(max, task.duration), 0),
      totalBlocking: longTasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
      cls: bench.shifts.reduce((sum, shift) => sum + shift.value, 0),
    };
  }, scriptName);

  const flipTimes = [];
  for (let i = 0; i < flips; i++) {
    flipTimes.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const host = document.querySelector('[data-cds17]');
            const button =
              host.shadowRoot.querySelector('.cds17-slot[data-shown="true"] .cds17-flip') ||
              host.shadowRoot.querySelector('.card:not([hidden]) .flip');
            const start = performance.now();
            button.click();
            // The next frame that shows the change, and the one after: painted.
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start)));
          }),
      ),
    );
  }

  await client.send('HeapProfiler.collectGarbage');
  const heap = await client.send('Runtime.getHeapUsage');
  const prototype = await client.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const memories = await client.send('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId });
  const wasm = await client.send('Runtime.callFunctionOn', {
    objectId: memories.objects.objectId,
    functionDeclaration: 'function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  await context.close();
  return {
    ...timings,
    flips: flipTimes,
    requests: wire.size,
    wireBytes: [...wire.values()].reduce((sum, entry) => sum + entry.bytes, 0),
    jsHeap: heap.usedSize,
    wasmMemory: wasm.result.value,
  };
}

const scenarios = {
  cpu4: { viewport: { width: 1350, height: 940 }, flips: 15 },
  slow4g: { viewport: { width: 412, height: 823 }, network: SLOW_4G },
  // A visitor who presses flip 100 ms after the start card's text is on screen.
  press: { viewport: { width: 412, height: 823 }, network: SLOW_4G, press: 100 },
};
fs.mkdirSync(OUT, { recursive: true });
const traced = await breakdown(browser, HOST, { cpu4: scenarios.cpu4, slow4g: scenarios.slow4g }, BREAKDOWN_RUNS, OUT);
fs.writeFileSync(`${OUT}/breakdown.json`, JSON.stringify({ runs: BREAKDOWN_RUNS, medians: traced.medians, raw: traced.raw }, null, 2));
fs.writeFileSync(`${OUT}/breakdown.md`, traced.table);
console.log(traced.table);
if (ONLY_BREAKDOWN) {
  await browser.close();
  process.exit(0);
}

const results = {};
for (const contender of CONTENDERS) results[contender] = { cpu4: [], slow4g: [], press: [] };
for (let run = 0; run < RUNS; run++) {
  for (const [name, scenario] of Object.entries(scenarios)) {
    for (const contender of CONTENDERS) {
      results[contender][name].push(await load(contender, scenario));
      process.stdout.write('.');
    }
  }
}
process.stdout.write('\n');
await browser.close();

const summary = {};
for (const contender of CONTENDERS) {
  const cpu = results[contender].cpu4;
  const slow = results[contender].slow4g;
  const pressed = results[contender].press;
  const flips = cpu.flatMap((run) => run.flips);
  summary[contender] = {
    gzipBytes: FILES[contender]?.gzip ?? null,
    brotliBytes: FILES[contender]?.brotli ?? null,
    requests: median(cpu.map((r) => r.requests)),
    wireBytes: median(cpu.map((r) => r.wireBytes)),
    paintCpu4: median(cpu.map((r) => r.painted)),
    paintSlow4g: median(slow.map((r) => r.painted)),
    textCpu4: median(cpu.map((r) => r.textPainted)),
    textSlow4g: median(slow.map((r) => r.textPainted)),
    readyCpu4: median(cpu.map((r) => r.ready)),
    pressToFlip: median(pressed.map((r) => r.flipPainted)),
    scriptToReady: median(cpu.map((r) => r.scriptToReady)),
    flipMedian: median(flips),
    flipMax: flips.length ? Math.max(...flips) : null,
    longestTask: median(cpu.map((r) => r.longestTask)),
    totalBlocking: median(cpu.map((r) => r.totalBlocking)),
    cls1350: Math.max(...cpu.map((r) => r.cls)),
    cls412: Math.max(...slow.map((r) => r.cls)),
    wasmMemory: median(cpu.map((r) => r.wasmMemory)),
    jsHeap: median(cpu.map((r) => r.jsHeap)),
  };
}

// The aims. They are gates of this report, not of `cargo xtask test`:
// timings vary from machine to machine and run to run.
const s = summary.cds17;
const f = summary.floor;
const gates = [
  ['total at most 45 KB gzip', s.gzipBytes !== null && s.gzipBytes <= 45_000],
  ['total at most 40 KB brotli', s.brotliBytes !== null && s.brotliBytes <= 40_000],
  ['start card’s text at 4× CPU at most 1.15× the floor', s.textCpu4 <= 1.15 * f.textCpu4],
  ['start card’s text on Slow 4G + 4× CPU at most 1.25× the floor', s.textSlow4g <= 1.25 * f.textSlow4g],
  ['cds17:ready at 4× CPU at most 1.5× the floor', s.readyCpu4 <= 1.5 * f.readyCpu4],
  ['whole widget interactive and painted at 4× CPU at most 1.15× the floor', s.paintCpu4 <= 1.15 * f.paintCpu4],
  ['whole widget on Slow 4G + 4× CPU at most 1.5× the floor', s.paintSlow4g <= 1.5 * f.paintSlow4g],
  ['flip median at most 50 ms at 4× CPU', s.flipMedian <= 50],
  ['no layout shift while loading (CLS 0 at 412 and 1350 px)', s.cls412 === 0 && s.cls1350 === 0],
  ['wasm memory at most 256 KiB', s.wasmMemory <= 256 * 1024],
];

const kb = (bytes) => (bytes === null ? '–' : `${(bytes / 1000).toFixed(1)} KB`);
const ms = (value) => (value === null ? '–' : `${Math.round(value)} ms`);
const ratio = (a, b) => (a === null || b === null || !b ? '–' : `${(a / b).toFixed(2)}×`);
const rows = [
  ['bytes, gzip (files)', (c) => kb(summary[c].gzipBytes), 'gzipBytes'],
  ['bytes, brotli (files)', (c) => kb(summary[c].brotliBytes), 'brotliBytes'],
  ['bytes on the wire (Chromium, br)', (c) => kb(summary[c].wireBytes), 'wireBytes'],
  ['requests', (c) => String(summary[c].requests), 'requests'],
  ['navigation → start card’s text painted, 4× CPU', (c) => ms(summary[c].textCpu4), 'textCpu4'],
  ['navigation → start card’s text painted, Slow 4G + 4× CPU', (c) => ms(summary[c].textSlow4g), 'textSlow4g'],
  ['navigation → cds17:ready, 4× CPU', (c) => ms(summary[c].readyCpu4), 'readyCpu4'],
  ['navigation → cards painted and interactive (cds17:ready + 2 frames), 4× CPU', (c) => ms(summary[c].paintCpu4), 'paintCpu4'],
  ['navigation → cards painted and interactive, Slow 4G + 4× CPU', (c) => ms(summary[c].paintSlow4g), 'paintSlow4g'],
  ['flip pressed 100 ms after the first paint → flipped card painted, Slow 4G + 4× CPU', (c) => ms(summary[c].pressToFlip), 'pressToFlip'],
  ['script start → cds17:ready, 4× CPU', (c) => ms(summary[c].scriptToReady), 'scriptToReady'],
  ['flip → next frame, median, 4× CPU', (c) => ms(summary[c].flipMedian), 'flipMedian'],
  ['flip → next frame, max, 4× CPU', (c) => ms(summary[c].flipMax), 'flipMax'],
  ['longest task, 4× CPU', (c) => ms(summary[c].longestTask), 'longestTask'],
  ['total blocking time, 4× CPU', (c) => ms(summary[c].totalBlocking), 'totalBlocking'],
  ['CLS while loading, 412×823', (c) => summary[c].cls412.toFixed(3), 'cls412'],
  ['CLS while loading, 1350×940', (c) => summary[c].cls1350.toFixed(3), 'cls1350'],
  ['wasm linear memory', (c) => kb(summary[c].wasmMemory), 'wasmMemory'],
  ['JS heap after GC', (c) => kb(summary[c].jsHeap), 'jsHeap'],
];
const when = new Date().toISOString().slice(0, 10);
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium (headless)`;
let table = `Measured ${when} on ${machine}; medians of ${RUNS} cold loads each, alternating.\n\n`;
table += '| | cds17 | one file (wasm inline) | floor (plain JS) | cds17 / floor |\n| --- | --- | --- | --- | --- |\n';
for (const [label, show, key] of rows) {
  table += `| ${label} | ${show('cds17')} | ${show('inline')} | ${show('floor')} | ${ratio(summary.cds17[key], summary.floor[key])} |\n`;
}
table += '\n| aim | met |\n| --- | --- |\n';
for (const [aim, met] of gates) table += `| ${aim} | ${met ? 'yes' : '**no**'} |\n`;

fs.writeFileSync(`${OUT}/report.json`, JSON.stringify({ date: when, machine, runs: RUNS, summary, gates: Object.fromEntries(gates), raw: results }, null, 2));
fs.writeFileSync(`${OUT}/report.md`, table);
console.log(table);
