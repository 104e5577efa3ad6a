// render-ansi.mjs: draw terminal captures (text with SGR escapes, as
// `tmux capture-pane -e -p` prints them) with xterm.js in headless Chromium,
// and save each terminal as a PNG. One browser renders every capture.
//
//   node render-ansi.mjs --cols 120 --rows 36 [--scale 2] \
//        CAPTURE.ans:OUT.png:dark [CAPTURE.ans:OUT.png:light ...]
//
// Needs puppeteer-core and @xterm/xterm under $DEPS/node_modules and a
// Chromium in $CHROME (scripts/screenshots.sh installs them, pinned).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.env.DEPS || process.cwd(), 'node_modules', 'x.js'));
const puppeteer = require('puppeteer-core');

// Terminal palettes. The 16 ANSI colours matter for 256-colour fallbacks;
// the dashboard itself draws in true colour.
const themes = {
  dark: {
    background: '#0d1117', foreground: '#e6edf3', cursor: '#0d1117',
    black: '#484f58', red: '#ff7b72', green: '#3fb950', yellow: '#d29922', blue: '#58a6ff',
    magenta: '#bc8cff', cyan: '#39c5cf', white: '#b1bac4', brightBlack: '#6e7681',
    brightRed: '#ffa198', brightGreen: '#56d364', brightYellow: '#e3b341', brightBlue: '#79c0ff',
    brightMagenta: '#d2a8ff', brightCyan: '#56d4dd', brightWhite: '#ffffff',
  },
  light: {
    background: '#ffffff', foreground: '#1f2328', cursor: '#ffffff',
    black: '#24292f', red: '#cf222e', green: '#116329', yellow: '#4d2d00', blue: '#0969da',
    magenta: '#8250df', cyan: '#1b7c83', white: '#6e7781', brightBlack: '#57606a',
    brightRed: '#a40e26', brightGreen: '#1a7f37', brightYellow: '#633c01', brightBlue: '#218bff',
    brightMagenta: '#a475f9', brightCyan: '#3192aa', brightWhite: '#8c959f',
  },
};

const args = process.argv.slice(2);
let cols = 120, rows = 36, scale = 2;
const jobs = [];
for (let i = 0; i < args.length; i++) {
  switch (args[i]) {
    case '--cols': cols = parseInt(args[++i], 10); break;
    case '--rows': rows = parseInt(args[++i], 10); break;
    case '--scale': scale = parseFloat(args[++i]); break;
    default: {
      const [input, out, theme = 'dark'] = args[i].split(':');
      if (!input || !out || !themes[theme]) throw new Error(`bad job ${args[i]} (want CAPTURE:OUT.png:dark|light)`);
      jobs.push({ input, out, theme });
    }
  }
}

const xtermDir = path.dirname(require.resolve('@xterm/xterm/package.json'));
const xtermJS = readFileSync(path.join(xtermDir, 'lib', 'xterm.js'), 'utf8');
const xtermCSS = readFileSync(path.join(xtermDir, 'css', 'xterm.css'), 'utf8');

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME || '/usr/bin/chromium-headless-shell',
  headless: 'shell',
  args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--force-color-profile=srgb',
    '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  for (const job of jobs) {
    const theme = themes[job.theme];
    const capture = readFileSync(job.input, 'utf8').replace(/\r?\n$/, '').replace(/\r?\n/g, '\r\n');
    const page = await browser.newPage();
    await page.setViewport({ width: 3000, height: 2000, deviceScaleFactor: scale });
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8">
<style>${xtermCSS}
html, body { margin: 0; background: ${theme.background}; }
#frame { display: inline-block; padding: 16px 18px; background: ${theme.background}; }
</style><script>${xtermJS}</script></head>
<body><div id="frame"><div id="term"></div></div></body></html>`, { waitUntil: 'load' });
    await page.evaluate(async ({ cols, rows, theme, capture }) => {
      await document.fonts.ready;
      const term = new Terminal({
        cols, rows, theme, fontSize: 15,
        fontFamily: '"DejaVu Sans Mono", monospace',
        lineHeight: 1.0, cursorBlink: false, cursorInactiveStyle: 'none',
        customGlyphs: true, scrollback: 0, disableStdin: true,
      });
      term.open(document.getElementById('term'));
      await new Promise((resolve) => term.write('\x1b[?25l' + capture, resolve));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }, { cols, rows, theme, capture });
    await (await page.$('#frame')).screenshot({ path: job.out });
    await page.close();
    console.log(`wrote ${job.out}`);
  }
} finally {
  await browser.close();
}
