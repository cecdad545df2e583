// The seat map: the hall's grid to scale (aisles and gaps are empty cells), updated live from the screening's
// server-sent events; love seats are chosen as pairs and a choice that would strand a seat is pointed out.
'use strict';
(async () => {
  const id = marquee.param('id');
  const mapBox = document.getElementById('seat-map');
  const chosen = new Set();
  const seats = new Map();      // label -> seat of /api/screenings/{id}/seats, with its button
  let view = null;

  marquee.header();
  const found = await fetch('/api/screenings/' + encodeURIComponent(id));
  const screening = found.ok ? await found.json() : null;
  if (screening) {
    document.getElementById('title').textContent = screening.movieTitle + ' · ' + screening.hallName + ' · '
      + new Date(screening.startsAt).toLocaleString();
  }

  async function load() {
    view = await (await fetch('/api/screenings/' + id + '/seats', { cache: 'no-store' })).json();
    const rows = Math.max(...view.seats.map(s => s.gridRow)), cols = Math.max(...view.seats.map(s => s.gridCol));
    if (!mapBox.childElementCount) {
      mapBox.style.gridTemplateColumns = 'repeat(' + (cols + 1) + ', 1fr)';
      for (const seat of view.seats) {
        const button = marquee.el('button', { type: 'button', class: 'seat ' + seat.type, 'data-label': seat.label,
          'aria-pressed': 'false', text: seat.label.replace(/^[A-Z]+/, '') });
        button.style.gridRow = seat.gridRow; button.style.gridColumn = seat.gridCol + 1;
        button.addEventListener('click', () => toggle(seat.label));
        button.addEventListener('focus', () => rove(seat.label));
        button.tabIndex = -1;
        mapBox.append(button);
        seats.set(seat.label, { ...seat, button });
      }
      rove(view.seats.find(s => s.state === 'FREE')?.label || view.seats[0]?.label);
      prices();
      for (const row of new Set(view.seats.map(s => s.gridRow))) {
        const label = marquee.el('span', { class: 'row-label', 'aria-hidden': 'true',
          text: view.seats.find(s => s.gridRow === row).row });
        label.style.gridRow = row; label.style.gridColumn = 1;
        mapBox.append(label);
      }
    }
    for (const seat of view.seats) show(seat.label, seat.state);
    totals();
  }

  // each seat type the hall has, drawn as its seats are, with this screening's price for it
  const TYPES = { STANDARD: 'Standard', WHEELCHAIR: 'Wheelchair space', COMPANION: 'Companion seat',
                  LOVE_SEAT: 'Love seat' };
  const typeName = type => TYPES[type] || type.toLowerCase().replace('_', ' ');
  function prices() {
    const present = [...new Set(view.seats.map(s => s.type))]
      .sort((a, b) => Object.keys(TYPES).indexOf(a) - Object.keys(TYPES).indexOf(b));
    document.getElementById('prices').replaceChildren(...present.map(type => {
      const price = marquee.money(view.seats.find(s => s.type === type).priceMinor, view.currency);
      return marquee.el('li', { class: 'type-' + type, 'data-type': type },
        typeName(type) + ' ' + price + (type === 'LOVE_SEAT' ? ' a seat, sold in pairs' : ''));
    }));
  }

  // the map is one Tab stop (roving tabindex): Tab enters it at the last seat focused, the arrow keys move between
  // seats as they sit in the hall (across aisles and gaps), Enter or Space chooses, Tab leaves for the order button
  let current = null;
  function rove(label) {
    if (!label || label === current) return;
    if (current) seats.get(current).button.tabIndex = -1;
    current = label;
    seats.get(label).button.tabIndex = 0;
  }
  const STEPS = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
  mapBox.addEventListener('keydown', event => {
    const step = STEPS[event.key];
    const from = current && seats.get(current);
    if (!step || !from) return;
    event.preventDefault();
    const [dr, dc] = step;
    let best = null, bestCost = Infinity;
    for (const seat of seats.values()) {
      const rows = seat.gridRow - from.gridRow, cols = seat.gridCol - from.gridCol;
      const ahead = dr ? rows * dr : cols * dc, aside = dr ? Math.abs(cols) : Math.abs(rows);
      if (ahead <= 0) continue;
      const cost = dr ? ahead * 1000 + aside : aside * 1000 + ahead;   // the nearest row (or seat) first, then the closest
      if (cost < bestCost) { best = seat; bestCost = cost; }
    }
    if (best && (dr || best.gridRow === from.gridRow)) { rove(best.label); best.button.focus(); }
  });

  function show(label, state) {
    const seat = seats.get(label);
    if (!seat) return;
    seat.state = state;
    seat.button.classList.remove('FREE', 'HELD', 'SOLD');
    seat.button.classList.add(state);
    const says = label + ', ' + typeName(seat.type).toLowerCase() + ', ' + marquee.money(seat.priceMinor, view.currency)
      + ', ' + state.toLowerCase();
    seat.button.setAttribute('aria-label', says);
    seat.button.title = says;
    seat.button.setAttribute('aria-disabled', String(state !== 'FREE'));
    if (state !== 'FREE' && chosen.delete(label)) {
      seat.button.setAttribute('aria-pressed', 'false');
      marquee.say(label + ' was just taken by someone else.', 'error');
    }
  }

  function totals() {
    const counts = { FREE: 0, HELD: 0, SOLD: 0 };
    seats.forEach(s => counts[s.state]++);
    document.getElementById('totals').textContent =
      counts.FREE + ' free · ' + counts.HELD + ' held · ' + counts.SOLD + ' sold of ' + seats.size;
    explain();
  }

  function toggle(label) {
    const seat = seats.get(label);
    if (seat.state !== 'FREE') return;
    const together = seat.type === 'LOVE_SEAT' && seat.pairLabel ? [label, seat.pairLabel] : [label];
    const on = !chosen.has(label);
    for (const l of together) {
      if (on) chosen.add(l); else chosen.delete(l);
      seats.get(l)?.button.setAttribute('aria-pressed', String(on));
    }
    explain();
  }

  // the allocator's rule: a free seat beside a chosen one, with a taken seat (or a chosen one) just beyond it, in
  // the same run of adjacent seats, would be stranded
  function stranded() {
    const byPlace = new Map([...seats.values()].map(s => [s.gridRow + ':' + s.gridCol, s]));
    const takenAfter = s => s && (s.state !== 'FREE' || chosen.has(s.label));
    const out = new Set();
    for (const label of chosen) {
      const seat = seats.get(label);
      for (const side of [-1, 1]) {
        const next = byPlace.get(seat.gridRow + ':' + (seat.gridCol + side));
        const beyond = byPlace.get(seat.gridRow + ':' + (seat.gridCol + 2 * side));
        if (next && !takenAfter(next) && beyond && takenAfter(beyond)) out.add(next.label);
      }
    }
    return out;
  }

  const bySeat = (a, b) => a.localeCompare(b, 'en', { numeric: true });   // E9 before E10

  function explain() {
    seats.forEach(s => s.button.classList.remove('orphan'));
    const orphans = stranded();
    orphans.forEach(l => seats.get(l).button.classList.add('orphan'));
    const hint = document.getElementById('orphan-hint');
    hint.textContent = orphans.size ? 'This choice would leave ' + [...orphans].join(', ')
      + ' alone between taken seats: the order would be refused. Move over by one, or take it too.' : '';
    const labels = [...chosen].sort(bySeat);
    document.getElementById('chosen').textContent = labels.length ? labels.join(', ') : 'none';
    const amount = labels.reduce((sum, l) => sum + (seats.get(l).priceMinor || 0), 0);
    document.getElementById('amount').textContent = labels.length ? marquee.money(amount, view.currency) : '';
    document.getElementById('order').disabled = !labels.length || labels.length > 6 || orphans.size > 0;
  }

  async function place(body) {
    try {
      const order = await marquee.json('/api/orders', { method: 'POST', body: JSON.stringify(body),
        headers: { 'Idempotency-Key': crypto.randomUUID() } });
      location.href = '/pages/order.html?id=' + encodeURIComponent(order.id);
    } catch (e) {
      if (e.status === 401) {
        location.href = '/pages/sign-in.html?then=' + encodeURIComponent(location.pathname + location.search);
        return;
      }
      marquee.say(e.message, 'error');
    }
  }
  document.getElementById('order').addEventListener('click',
    () => place({ screeningId: Number(id), seats: [...chosen].sort(bySeat) }));
  document.getElementById('order-any').addEventListener('click',
    () => place({ screeningId: Number(id), anySeats: Number(document.getElementById('any-count').value) }));

  const events = new EventSource('/pages/screenings/' + id + '/seat-events');
  let opened = 0, pending = [];          // changes that come while the map loads are applied after it
  const apply = change => {
    change.seats.forEach(label => show(label, change.state));
    totals();
    mapBox.dataset.lastChange = String(Date.now());
  };
  events.addEventListener('open', () => { if (opened++ > 0) load(); });   // a reconnection: catch up
  events.addEventListener('seats', message => {
    const change = JSON.parse(message.data);
    if (pending) pending.push(change); else apply(change);
  });
  await load();
  pending.forEach(apply);
  pending = null;
  mapBox.dataset.ready = 'true';
})();
