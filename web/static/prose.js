// Renders an author's prose blocks (from ProseJson) with textContent: no author's HTML is ever parsed.

export function renderProse(prose) {
  const out = [];
  for (const block of prose.blocks) {
    if (block.kind === 'ul' || block.kind === 'ol') {
      const list = document.createElement(block.kind);
      for (const item of block.items) {
        const li = document.createElement('li');
        li.append(...item.map(span));
        list.append(li);
      }
      out.push(list);
    } else if (block.kind === 'pre') {
      const pre = document.createElement('pre');
      const code = document.createElement('code');
      code.textContent = block.items[0][0].text;
      pre.append(code);
      out.push(pre);
    } else {
      const el = document.createElement(block.kind === 'h' ? 'h3' : 'p');
      el.append(...block.items[0].map(span));
      out.push(el);
    }
  }
  return out;
}

function span(s) {
  let el;
  if (s.href) {
    el = document.createElement('a');
    el.href = s.href; // the server kept only http(s), mailto and same-site links
  } else if (s.code) {
    el = document.createElement('code');
  } else if (s.strong || s.em) {
    el = document.createElement('span');
  } else {
    return document.createTextNode(s.text);
  }
  if (s.strong) el.classList.add('strong');
  if (s.em) el.classList.add('em');
  el.textContent = s.text;
  return el;
}
