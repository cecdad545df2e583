// Marquee's pages: a few helpers every page shares. The access token lives in an HttpOnly cookie set by
// /pages/session; a call that needs it says so with the X-Marquee-Page header, and a 401 refreshes it once.
'use strict';
const marquee = {
  async api(path, options = {}) {
    const call = () => fetch(path, {
      ...options,
      credentials: 'same-origin',
      headers: { 'X-Marquee-Page': '1', ...(options.body ? { 'Content-Type': 'application/json' } : {}),
                 ...(options.headers || {}) },
    });
    let response = await call();
    if (response.status === 401 && await marquee.refresh()) {
      response = await call();
    }
    return response;
  },
  async json(path, options) {
    const response = await marquee.api(path, options);
    const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
    if (!response.ok) {
      const error = new Error(body?.detail || body?.title || ('HTTP ' + response.status));
      error.status = response.status;
      error.code = body?.code;
      throw error;
    }
    return body;
  },
  async refresh() {
    const response = await fetch('/pages/session/refresh', { method: 'POST', credentials: 'same-origin' });
    return response.ok;
  },
  async account() {
    try { return await marquee.json('/api/account'); } catch (e) { return null; }
  },
  /** Every item of a paginated list (X-Total-Count), asked 100 at a time. */
  async all(path) {
    const items = [];
    for (let page = 0; ; page++) {
      const response = await fetch(path + (path.includes('?') ? '&' : '?') + 'size=100&page=' + page);
      if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
      const batch = await response.json();
      items.push(...batch);
      if (!batch.length || items.length >= Number(response.headers.get('X-Total-Count'))) return items;
    }
  },
  money(minor, currency) {
    return minor == null ? '' : (minor / 100).toFixed(2) + ' ' + (currency || '');
  },
  param(name) { return new URLSearchParams(location.search).get(name); },
  el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (key === 'text') node.textContent = value; else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  },
  say(text, kind = 'info') {
    const box = document.getElementById('message');
    if (box) { box.textContent = text; box.dataset.kind = kind; }
  },
  async header() {
    const nav = document.getElementById('who');
    if (!nav) return null;
    const me = await marquee.account();
    nav.replaceChildren();
    if (me) {
      const out = marquee.el('button', { type: 'button', id: 'sign-out', text: 'Sign out' });
      out.addEventListener('click', async () => {
        await fetch('/pages/session/end', { method: 'POST', credentials: 'same-origin' });
        location.href = '/pages/index.html';
      });
      nav.append(marquee.el('span', { id: 'signed-in-as', text: me.account?.phone || ('account ' + me.subject) }), ' ',
        marquee.el('a', { href: '/pages/orders.html', text: 'My orders' }), ' ', out);
    } else {
      nav.append(marquee.el('a', { href: '/pages/sign-in.html?then=' + encodeURIComponent(location.pathname + location.search),
        id: 'sign-in-link', text: 'Sign in' }));
    }
    return me;
  },
};
