(() => {
  const citers = document.getElementById('citers');
  const citersList = citers.querySelector('ul');
  const visibleArticle = () => document.querySelector('article.lang:not([hidden])');
  const linesOf = (el) => {
    const path = el.dataset.path;
    if (!path) return [];
    const file = document.querySelector(`.file[data-path="${CSS.escape(path)}"]`);
    if (!file) return [];
    const from = Number(el.dataset.line), to = Number(el.dataset.endLine);
    const out = [];
    for (let n = from; n <= to; n++) { const li = file.querySelector(`li[data-line="${n}"]`); if (li) out.push(li); }
    return out;
  };
  const clear = () => {
    document.querySelectorAll('.file li.hl').forEach((li) => li.classList.remove('hl'));
    document.querySelectorAll('.st.active').forEach((st) => st.classList.remove('active'));
  };
  const select = (st, scrollSummary) => {
    clear();
    st.classList.add('active');
    const lines = linesOf(st);
    lines.forEach((li) => li.classList.add('hl'));
    if (lines[0]) lines[0].scrollIntoView({ block: 'center' });
    if (scrollSummary) st.scrollIntoView({ block: 'center' });
  };
  const markCited = () => {
    document.querySelectorAll('.file li.cited').forEach((li) => li.classList.remove('cited'));
    const article = visibleArticle();
    if (!article) return;
    article.querySelectorAll('.st[data-path]').forEach((st) => linesOf(st).forEach((li) => li.classList.add('cited')));
  };
  document.addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const st = target.closest('.st');
    if (st) { citers.hidden = true; select(st, false); return; }
    if (target.closest('#citers .close')) { citers.hidden = true; return; }
    const item = target.closest('#citers li');
    if (item) { const found = document.getElementById(item.dataset.target); if (found) select(found, true); return; }
    const li = target.closest('.file li');
    if (!li) return;
    const path = li.closest('.file').dataset.path;
    const n = Number(li.dataset.line);
    const article = visibleArticle();
    const found = [...article.querySelectorAll('.st[data-path]')].filter(
      (s) => s.dataset.path === path && Number(s.dataset.line) <= n && n <= Number(s.dataset.endLine));
    clear();
    li.classList.add('hl');
    citersList.replaceChildren(...found.map((s) => {
      const entry = document.createElement('li');
      entry.dataset.target = s.id;
      // A sentence's text, or a table row's cells as its statement joins them.
      const text = s.querySelector('.text');
      entry.textContent = text ? text.textContent : [...s.querySelectorAll('td:not(.ref)')].map((td) => td.textContent).filter((t) => t !== '').join(' | ');
      return entry;
    }));
    citers.querySelector('.count').textContent = String(found.length);
    citers.hidden = false;
  });
  // A sentence reached with the Tab key is chosen with Enter or Space, as a click chooses it.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target;
    if (!(target instanceof Element) || !target.classList.contains('st')) return;
    event.preventDefault();
    citers.hidden = true;
    select(target, false);
  });
  document.querySelectorAll('.lang-switch button').forEach((button) => {
    button.addEventListener('click', () => {
      const lang = button.dataset.lang;
      document.querySelectorAll('article.lang').forEach((a) => { a.hidden = a.lang !== lang; });
      document.querySelectorAll('.lang-switch button').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
      document.documentElement.lang = lang;
      citers.hidden = true;
      clear();
      markCited();
    });
  });
  markCited();
})();
