// The replay JSON the server wrote from its one Replay model (ReplayJson.java). Every text and
// class here was decided on the server; this module only finds the entry that holds at a step.

export async function loadReplay(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`the replay did not load (${response.status})`);
  return new Replay(await response.json());
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
  constructor(json) {
    this.nodes = json.nodes;
    this.frames = json.frames;
    this.stepCount = json.stepCount;
    this.forwardSteps = json.forwardSteps;
    this.groups = json.groups || [];
    this.walk = json.walk || null;
    // which nodes show something new at each step, so a move repaints only those
    this.changes = Array.from({ length: this.stepCount + 1 }, () => []);
    for (const node of this.nodes) {
      for (const entry of node.shown) if (entry[0] > 0) this.changes[entry[0]].push(node.id);
    }
  }

  frame(s) {
    return this.frames[s];
  }

  /** What a node shows at step s: [step, value, grad, grad class, known]. */
  shown(node, s) {
    return latest(this.nodes[node].shown, s);
  }

  formula(node) {
    const n = this.nodes[node];
    return n.formula !== undefined ? n.formula : this.frames[n.formulaStep].text;
  }

  /** The nodes whose texts may differ between steps a and b, or null for "all of them". */
  changed(a, b) {
    if (Math.abs(a - b) > FAR) return null;
    const ids = new Set();
    for (let t = Math.min(a, b) + 1; t <= Math.max(a, b); t++) for (const id of this.changes[t]) ids.add(id);
    return ids;
  }

  /** The cluster the node of step s sits in; -1 at step 0, for shared nodes, or without clusters. */
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

  /** A shut cluster's one-line summary at step s. */
  summary(c, s) {
    return latest(this.groups[c].summaries, s)[1];
  }
}
