// The playground's editor: Ctrl/⌘+Enter runs the program, and while the learner types, the
// server checks the program and the editor prints its answer (the sentence, the line, a caret).

const form = document.querySelector('form.program');
const source = form?.querySelector('textarea');
const PAUSE_MS = 350;

source?.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  }
});

/** The live verdict's box, made once after the form; the server-rendered error stays as it is. */
function liveBox() {
  let box = document.querySelector('.source-error.live');
  if (box) return box;
  box = document.createElement('div');
  box.className = 'source-error live';
  box.setAttribute('role', 'status');
  for (const [tag, cls] of [['p', 'place'], ['pre', 'caret-box'], ['p', 'message']]) {
    const el = document.createElement(tag);
    el.className = cls;
    box.append(el);
  }
  const pre = box.querySelector('pre');
  for (const cls of ['source-line', 'caret']) {
    const code = document.createElement('code');
    code.className = cls;
    pre.append(code, cls === 'source-line' ? '\n' : '');
  }
  box.hidden = true;
  form.after(box);
  return box;
}

// the graph is of the program the page drew (sent back as "last"): any other text in the editor makes it out of date
const lines = (text) => (text || '').replace(/\r\n?/g, '\n'); // a submitted textarea's newlines come back as CRLF
const drawn = lines(form?.querySelector('input[name="last"]')?.value);
const staleMarker = document.querySelector('.stale-marker');
function markStale() {
  if (!staleMarker) return;
  const stale = lines(source.value) !== drawn;
  staleMarker.hidden = !stale;
  document.querySelector('.stepper')?.classList.toggle('stale', stale);
}
markStale();

let timer = 0;
let asked = 0;
source?.addEventListener('input', () => {
  markStale();
  clearTimeout(timer);
  timer = setTimeout(async () => {
    const ask = ++asked;
    let verdict;
    try {
      const response = await fetch('/api/check', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ source: source.value }),
      });
      verdict = await response.json();
    } catch {
      return; // offline or refused: Run still answers
    }
    if (ask !== asked) return; // an older answer arrived after a newer question
    const box = liveBox();
    const stale = document.querySelector('.source-error:not(.live)');
    if (stale) stale.hidden = true; // the page's own error was about the text before this edit
    if (verdict.ok !== false) {
      box.hidden = true;
      return;
    }
    box.querySelector('.place').textContent = verdict.place || 'The program';
    box.querySelector('.source-line').textContent = verdict.line || '';
    box.querySelector('.caret').textContent = verdict.caret || '';
    box.querySelector('.caret-box').hidden = !verdict.place;
    box.querySelector('.message').textContent = verdict.message || verdict.error || '';
    box.hidden = false;
  }, PAUSE_MS);
});
