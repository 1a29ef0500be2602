(() => {
  const changes = [...document.querySelectorAll('.change')];
  const idsOf = (item, side) => (item.dataset[side] || '').split(' ').filter(Boolean);
  const clear = () => document.querySelectorAll('.active').forEach((el) => el.classList.remove('active'));
  const reveal = (el) => {
    const row = el.closest('tr');
    if (row && getComputedStyle(row).display === 'none') toggleMarked(false);
    el.scrollIntoView({ block: 'center' });
  };
  const select = (item, target) => {
    clear();
    item.classList.add('active');
    const statements = [...idsOf(item, 'old'), ...idsOf(item, 'new')].map((id) => document.getElementById(id)).filter(Boolean);
    statements.forEach((st) => st.classList.add('active'));
    const first = target || statements[0];
    if (first) reveal(first);
  };
  changes.forEach((item) => {
    item.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      if (link) event.preventDefault();
      select(item, link ? document.getElementById(link.getAttribute('href').slice(1)) : null);
    });
    item.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); select(item, null); }
    });
  });
  document.querySelectorAll('.st .badge').forEach((badge) => {
    badge.addEventListener('click', (event) => {
      event.preventDefault();
      const item = document.getElementById(badge.getAttribute('href').slice(1));
      if (!item) return;
      clear();
      item.classList.add('active');
      badge.closest('.st').classList.add('active');
      item.scrollIntoView({ block: 'center' });
      item.focus({ preventScroll: true });
    });
  });
  const button = document.querySelector('.only-marked');
  const toggleMarked = (on) => {
    document.body.classList.toggle('only-marked-on', on);
    if (button) button.setAttribute('aria-pressed', String(on));
  };
  if (button) button.addEventListener('click', () => toggleMarked(button.getAttribute('aria-pressed') !== 'true'));
})();
