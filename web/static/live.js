// The live classroom on a lesson or playground page. Without ?live= it offers "Go live". With
// ?live=CODE and the presenter key (from the URL fragment, then this tab's sessionStorage) it
// drives: each step is posted, with the key only in an Authorization header. Without the key it
// follows the teacher's event stream. It talks to the stepper only through document events:
// stepgrad:step (out of the stepper), stepgrad:goto and stepgrad:lock (into it). Every answer is
// printed with textContent, never as markup.

const page = new URL(window.location.href);
const code = page.searchParams.get('live');

addStylesheet();
if (!code) offerGoLive();
else {
  const key = takeKey(code);
  if (key) present(code, key);
  else follow(code);
}

function addStylesheet() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./live.css', import.meta.url).href;
  document.head.append(link);
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The key from #key=…, moved into this tab's sessionStorage and out of the address bar a projector shows. */
function takeKey(c) {
  const slot = `stepgrad-live-key-${c}`;
  const hash = new URLSearchParams(window.location.hash.slice(1));
  if (hash.has('key')) {
    window.sessionStorage.setItem(slot, hash.get('key'));
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
  return window.sessionStorage.getItem(slot);
}

async function call(method, path, { key, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 204 || response.status === 202) return null;
  const result = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(result.error || `the server answered ${response.status}`);
  return result;
}

// ---- Go live ----

function offerGoLive() {
  const stage = document.querySelector('.lesson-stage[data-lesson-id]');
  const editor = document.querySelector('textarea#source');
  if (!stage && !editor) return;
  const header = document.querySelector('header.site');
  if (!header) return;
  const box = el('div', 'go-live');
  const button = el('button', 'go-live-button', 'Go live');
  button.type = 'button';
  const status = el('span', 'go-live-status');
  status.setAttribute('role', 'status');
  box.append(button, status);
  header.append(box);
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'Starting a live session…';
    const body = stage ? { lesson: stage.dataset.lessonId } : { source: page.searchParams.get('source') || editor.value };
    try {
      const made = await call('POST', '/api/sessions', { body });
      window.location.assign(made.present);
    } catch (error) {
      status.textContent = `Could not go live: ${error.message}`;
      button.disabled = false;
    }
  });
}

// ---- the teacher ----

function present(c, key) {
  document.body.classList.add('live-presenting');
  const panel = el('aside', 'live-panel');
  panel.setAttribute('aria-label', 'Live session');
  const head = el('p', 'live-head');
  head.append(el('span', 'live-dot', '●'), el('span', 'live-word', ' Live'));
  const join = el('p', 'live-join');
  join.append(el('span', 'live-join-at', `Join at ${window.location.host}/join`), el('strong', 'live-code', c));
  const qr = el('img', 'live-qr');
  qr.src = `/api/sessions/${c}/qr.svg`;
  qr.alt = `QR code of the join link for code ${c}`;
  const count = el('p', 'live-count', 'Nobody is following yet');
  const pause = el('button', 'live-pause', 'Pause everyone');
  pause.type = 'button';
  // The polls of the checkpoints asked at the teacher's step (a step may ask two), then the reveals, which hold for all of them.
  const poll = el('section', 'live-poll');
  poll.hidden = true;
  const tallies = el('div', 'live-tallies');
  const showBars = el('button', 'live-show-bars', 'Show answers');
  showBars.type = 'button';
  const showAnswer = el('button', 'live-show-answer', 'Show correct answer');
  showAnswer.type = 'button';
  poll.append(tallies, showBars, showAnswer);
  const status = el('p', 'live-status');
  status.setAttribute('role', 'status');
  panel.append(head, join, qr, count, pause, poll, status);
  document.body.append(panel);

  let state = null;
  let sentStep = null;

  async function drive(change) {
    try {
      await call('POST', `/api/sessions/${c}/state`, { key, body: change });
      status.textContent = '';
      panel.classList.remove('trouble');
      await refresh();
    } catch (error) {
      status.textContent = `Not sent to the class: ${error.message}`;
      panel.classList.add('trouble');
    }
  }

  async function refresh() {
    try {
      state = await call('GET', `/api/sessions/${c}`);
    } catch (error) {
      status.textContent = `The class cannot be reached: ${error.message}`;
      panel.classList.add('trouble');
      return;
    }
    if (panel.classList.contains('trouble') && sentStep !== null && sentStep !== state.step) {
      drive({ step: sentStep }); // the store is back: send the step the class missed
    }
    count.textContent = state.students === 1 ? '1 student following' : `${state.students} students following`;
    pause.textContent = state.paused ? 'Let students step' : 'Pause everyone';
    pause.setAttribute('aria-pressed', String(state.paused));
    const asked = state.checkpoints || (state.checkpoint === null ? [] : [state.checkpoint]);
    if (asked.length === 0) {
      poll.hidden = true;
      return;
    }
    let read;
    try {
      read = await Promise.all(asked.map((i) => call('GET', `/api/sessions/${c}/answers?checkpoint=${i}`, { key })));
    } catch (error) {
      status.textContent = `The answers cannot be read: ${error.message}`;
      return;
    }
    poll.hidden = false;
    tallies.replaceChildren(...asked.map((checkpoint, n) => tallyOf(checkpoint, read[n], state.revealed)));
    showBars.disabled = state.revealed.histogram;
    showAnswer.disabled = state.revealed.answer;
  }

  document.addEventListener('stepgrad:step', (event) => {
    sentStep = event.detail.step;
    if (state && state.step === sentStep && !panel.classList.contains('trouble')) return;
    drive({ step: sentStep });
  });
  pause.addEventListener('click', () => drive({ paused: !(state && state.paused) }));
  showBars.addEventListener('click', () => drive({ reveal: 'histogram' }));
  showAnswer.addEventListener('click', () => drive({ reveal: 'answer' }));
  refresh();
  window.setInterval(refresh, 2000);
}

/** One checkpoint's poll on the teacher's panel: its count, then its bars and answer as far as they are revealed. */
function tallyOf(checkpoint, tally, revealed) {
  const block = el('div', 'live-tally');
  const correct = revealed.answer && tally.correct !== null
    ? `Correct: ${tally.correct} (${tally.right} of ${tally.count} right)` : '';
  const bars = el('ol', 'live-bars');
  drawBars(bars, revealed.histogram ? tally.histogram : [], tally.count, revealed.answer ? tally.correct : null);
  block.append(el('p', 'live-poll-title', `Checkpoint ${checkpoint + 1}: the class answers on their devices`),
    el('p', 'live-poll-count', tally.count === 1 ? '1 answer' : `${tally.count} answers`), bars, el('p', 'live-correct', correct));
  return block;
}

/** The histogram as a list: each answer's text, a bar and its count; the correct one marked once revealed. */
function drawBars(list, histogram, total, correct) {
  list.replaceChildren(...histogram.slice(0, 12).map((bar) => {
    const item = el('li', bar.answer === correct ? 'live-bar correct' : 'live-bar');
    const meter = el('progress', 'live-meter');
    meter.max = Math.max(1, total);
    meter.value = bar.count;
    item.append(el('span', 'live-answer', bar.answer), meter, el('span', 'live-n', String(bar.count)));
    return item;
  }));
}

// ---- a student ----

function studentId() {
  let id = window.localStorage.getItem('stepgrad-student');
  if (!id) {
    const bits = new Uint8Array(16);
    window.crypto.getRandomValues(bits); // randomUUID needs https; this works on a classroom's plain http too
    id = Array.from(bits, (b) => b.toString(16).padStart(2, '0')).join('');
    window.localStorage.setItem('stepgrad-student', id);
  }
  return id;
}

function follow(c) {
  document.body.classList.add('live-following');
  const banner = el('div', 'live-banner');
  banner.setAttribute('role', 'status');
  const mode = el('span', 'live-mode', 'Connecting to your class…');
  const rejoin = el('button', 'live-rejoin', 'Rejoin live');
  rejoin.type = 'button';
  rejoin.hidden = true;
  const poll = el('div', 'live-student-poll');
  banner.append(mode, rejoin);
  poll.setAttribute('aria-live', 'polite');
  document.body.prepend(banner);
  banner.after(poll); // below the sticky line, so results never cover the page on a phone

  let last = null;
  let away = false;
  let ready = false; // the stepper has painted once and listens
  const answered = new Map();

  function show() {
    let text;
    let kind;
    if (!last) { text = 'Connecting to your class…'; kind = 'connecting'; }
    else if (last.paused) { text = 'Paused: your teacher is holding the class here'; kind = 'paused'; }
    else if (away) { text = 'Away: you are stepping on your own'; kind = 'away'; }
    else { text = `Live: following your teacher (step ${last.step})`; kind = 'live'; }
    mode.textContent = text;
    banner.dataset.mode = kind;
    rejoin.hidden = kind !== 'away';
    // One block per checkpoint asked at the teacher's step: the student's own answer, then the class's once revealed.
    const asked = last ? (last.checkpoints || (last.checkpoint === null ? [] : [last.checkpoint])) : [];
    const polls = last && last.polls ? last.polls : [];
    poll.replaceChildren(...asked.map((cp) => {
      const p = polls.find((x) => x.checkpoint === cp) || {};
      const block = el('div', 'live-student-tally');
      const bars = el('ol', 'live-bars');
      const answer = p.correct !== undefined ? p.correct : null;
      drawBars(bars, p.histogram || [], p.count || 0, answer);
      const prefix = asked.length > 1 ? `Checkpoint ${cp + 1}: ` : '';
      block.append(el('p', 'live-sent', answered.has(cp) ? `${prefix || 'Y'}${prefix ? 'your' : 'our'} answer “${answered.get(cp)}” is in.` : ''),
        bars, el('p', 'live-correct', answer !== null ? `${prefix}${prefix ? 'the' : 'The'} answer: ${answer}` : ''));
      return block;
    }));
  }

  function apply(state) {
    last = state;
    if (state.paused) away = false;
    if (ready) {
      document.dispatchEvent(new CustomEvent('stepgrad:lock', { detail: { locked: state.paused } }));
      if (!away) document.dispatchEvent(new CustomEvent('stepgrad:goto', { detail: { step: state.step } }));
    }
    show();
  }

  document.addEventListener('stepgrad:step', (event) => {
    if (!ready) {
      ready = true;
      if (last) apply(last);
      return;
    }
    if (last && !last.paused) away = event.detail.step !== last.step;
    show();
  });
  rejoin.addEventListener('click', () => {
    away = false;
    if (last) apply(last);
  });

  // A checkpoint's answer goes to the class poll instead of the page's own check.
  document.addEventListener('submit', async (event) => {
    const form = event.target.closest('form.checkpoint');
    if (!form) return;
    event.preventDefault();
    event.stopPropagation();
    const input = form.querySelector('input[name="answer"]');
    const checkpoint = Number(form.querySelector('input[name="checkpoint"]').value);
    const verdict = form.querySelector('.verdict-text');
    if (event.submitter?.name === 'reveal') { // "show me" is the teacher's to give in a class
      verdict.textContent = 'In a live class your teacher reveals the answer.';
      return;
    }
    try {
      await call('POST', `/api/sessions/${c}/answers`, { body: { checkpoint, student: studentId(), answer: input.value } });
      answered.set(checkpoint, input.value);
      verdict.textContent = 'Sent to your teacher. The answers show when your teacher reveals them.';
    } catch (error) {
      verdict.textContent = `Not sent: ${error.message}`;
    }
    show();
  }, true);

  const events = new EventSource(`/api/sessions/${c}/events`);
  events.addEventListener('state', (event) => apply(JSON.parse(event.data)));
  events.addEventListener('error', () => {
    if (events.readyState === EventSource.CLOSED) mode.textContent = 'This live session has ended, or its code is wrong.';
    else if (last) mode.textContent = `${mode.textContent} (reconnecting…)`;
  });
}
