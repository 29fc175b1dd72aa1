// The replay the server wrote from its one Replay model (ReplayJson.java), held a window of steps
// at a time: the stepper asks for the window around the step it shows and for its neighbours as
// it nears their edge, so a 24,000-node graph's first view waits for one window, not the whole
// replay. Every text and class here was decided on the server; this module only merges the
// windows it holds and finds the entry that holds at a step.

export async function loadReplay(url, at) {
  const replay = new Replay(url);
  await replay.ensure(at);
  return replay;
}

/** The one lookup rule, the same as Replay.latest on the server: the last entry whose step (entry[0]) is at most s. */
export function latest(entries, s) {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (entries[mid][0] <= s) lo = mid;
    else hi = mid - 1;
  }
  return entries[lo];
}

// A jump longer than this repaints every node instead of collecting the changed ones.
const FAR = 256;

export class Replay {
  constructor(url) {
    this.url = url;
    this.pending = new Map(); // window start → its request, so a prefetch and a jump share one
    this.clear();
  }

  /** Forgets every window held: the next one starts a new run of held steps. */
  clear() {
    this.lo = -1;
    this.hi = -1;
    this.frames = [];
    this.walk = null;
    this.entries = new Map(); // node id → its entries from the windows held, in step order
    this.changes = [];        // step → the nodes whose texts change at it
    this.labels = new Map();
  }

  /** Whether step s lies in the run of windows held. */
  has(s) {
    return this.lo >= 0 && s >= this.lo && s <= this.hi;
  }

  /** Whether every step is held, so any node's entries are all here. */
  complete() {
    return this.lo === 0 && this.hi === this.stepCount;
  }

  /**
   * Makes step s held. Resolves true when the windows held so far were dropped for it (a jump
   * beyond their neighbours): what is drawn then no longer follows from them, and the stepper
   * asks the server for the drawing at s.
   */
  async ensure(s) {
    if (this.has(s)) return false;
    const json = await this.fetchWindow(s);
    return this.add(json);
  }

  /** Fetches the window beside the held ones in the given direction, if there is one, and keeps it. */
  prefetch(dir) {
    const at = dir > 0 ? this.hi + 1 : this.lo - 1;
    if (this.lo < 0 || at < 0 || at > this.stepCount) return;
    // kept only if it still borders the held run: a jump meanwhile may have replaced it
    this.fetchWindow(at).then((json) => { if (this.lo >= 0 && json.from <= this.hi && json.to >= this.lo) this.add(json); }).catch(() => {});
  }

  fetchWindow(s) {
    const from = this.window ? Math.floor(Math.min(s, this.stepCount) / this.window) * this.window : -1;
    if (from >= 0 && this.pending.has(from)) return this.pending.get(from);
    const url = new URL(this.url, window.location.href);
    url.searchParams.set('at', String(Math.max(0, s)));
    const request = fetch(url, { headers: { Accept: 'application/json' } }).then(async (response) => {
      if (!response.ok) throw new Error(`the replay did not load (${response.status})`);
      return response.json();
    });
    if (from >= 0) {
      this.pending.set(from, request);
      request.finally(() => this.pending.delete(from)).catch(() => {});
    }
    return request;
  }

  /** Merges one window; true when it did not touch the held run, which it then replaces. */
  add(json) {
    this.stepCount = json.stepCount;
    this.forwardSteps = json.forwardSteps;
    this.window = json.window;
    this.clusterCount = json.clusters;
    const touches = this.lo >= 0 && json.from <= this.hi && json.to >= this.lo;
    const dropped = this.lo >= 0 && !touches;
    if (dropped) this.clear();
    for (let i = 0; i < json.frames.length; i++) this.frames[json.from + i] = json.frames[i];
    if (json.walk) {
      if (!this.walk) this.walk = { cluster: [], focus: [], next: [], prev: [] };
      for (const name of ['cluster', 'focus', 'next', 'prev']) {
        json.walk[name].forEach((v, i) => { this.walk[name][json.from + i] = v; });
      }
    }
    for (const [c, label] of Object.entries(json.labels || {})) this.labels.set(Number(c), label);
    for (const node of json.nodes) {
      const held = this.entries.get(node.id);
      // the window's own entries (after its first step) are new; the one before it may be known already
      for (const entry of node.shown) if (entry[0] > json.from) (this.changes[entry[0]] || (this.changes[entry[0]] = [])).push(node.id);
      this.entries.set(node.id, held ? merge(held, node.shown) : node.shown);
    }
    this.lo = this.lo < 0 ? json.from : Math.min(this.lo, json.from);
    this.hi = Math.max(this.hi, json.to);
    return dropped;
  }

  frame(s) {
    return this.frames[s];
  }

  /** What a node shows at step s, [step, value, grad, grad class, known]; null when it never changes in the steps held. */
  shown(node, s) {
    const entries = this.entries.get(node);
    return entries ? latest(entries, s) : null;
  }

  /** The nodes whose texts may differ between held steps a and b, or null for "all of them". */
  changed(a, b) {
    if (Math.abs(a - b) > FAR && this.complete()) return null;
    const ids = new Set();
    for (let t = Math.min(a, b) + 1; t <= Math.max(a, b); t++) for (const id of this.changes[t] || []) ids.add(id);
    return ids;
  }

  /** The cluster the node of step s sits in; -1 at step 0, for shared nodes, or without clusters (undefined beyond the steps held). */
  cluster(s) {
    return this.walk ? this.walk.cluster[s] : -1;
  }

  /** The cluster open at step s: its own, else the last one worked in. */
  focus(s) {
    return this.walk ? this.walk.focus[s] : -1;
  }

  nextPoint(s) {
    return this.walk.next[s];
  }

  prevPoint(s) {
    return this.walk.prev[s];
  }

  label(c) {
    return this.labels.get(c) || '';
  }
}

/** Two step-ordered entry lists as one, an entry both hold kept once. */
function merge(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i][0] < b[j][0])) out.push(a[i++]);
    else if (i >= a.length || b[j][0] < a[i][0]) out.push(b[j++]);
    else { out.push(b[j++]); i++; }
  }
  return out;
}
