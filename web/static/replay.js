// The replay JSON the server wrote (see ReplayJson.java), looked up by step index.
// Every text here was formatted on the server; this module only picks which one shows.

export async function loadReplay(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`the replay did not load (${response.status})`);
  return new Replay(await response.json());
}

const NO_GRAD = Object.freeze({ text: '', sign: '' });

export class Replay {
  constructor(json) {
    this.json = json;
    this.nodes = json.nodes;
    this.stepCount = json.stepCount;
    this.forwardSteps = json.forwardSteps;
    this.clusters = json.clusters || [];
    this.walk = json.walk || null;
  }

  /** The cluster the node of page step s sits in; -1 at step 0, for shared nodes, or without clusters. */
  cluster(s) {
    return this.walk ? this.walk.cluster[s] : -1;
  }

  /** The cluster open at page step s: its own, else the last one worked in. */
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
    let text = '';
    for (const event of this.clusters[c].summaries) {
      if (event.step > s) break;
      text = event.text;
    }
    return text;
  }

  /** The trace step that page step s has just done; null at step 0. */
  step(s) {
    return s === 0 ? null : this.json.steps[s - 1];
  }

  value(node, s) {
    const n = this.nodes[node];
    return s >= n.valueStep ? n.value : '';
  }

  /** The gradient text showing at step s: the "+=" form only at the step that added it. */
  grad(node, s) {
    let shown = null;
    for (const event of this.nodes[node].grads) {
      if (event.step > s) break;
      shown = event;
    }
    if (shown === null) return NO_GRAD;
    return { text: shown.step === s && shown.acc ? shown.acc : shown.text, sign: shown.sign };
  }

  /** Edge numbers of the edges into a node, in operand order. */
  edgesInto(node) {
    return this.nodes[node].in;
  }

  formula(node) {
    return this.nodes[node].formula;
  }

  headline(s) {
    return s === 0 ? this.json.headline : this.step(s).headline;
  }

  narration(s) {
    return s === 0 ? this.json.start : this.step(s).text;
  }

  sends(s) {
    return s === 0 ? [] : this.step(s).sends;
  }
}
