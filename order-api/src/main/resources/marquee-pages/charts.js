// Marquee's charts: small inline SVG drawings for the operator console (bars, columns and lines over time), no library
// and no build step. Each returns an <svg role="img"> whose aria-label says what it shows; a <title> per mark
// gives the figure on hover.
'use strict';
const charts = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  const COLOURS = ['#1565c0', '#ef6c00', '#2e7d32', '#6a1b9a', '#c62828', '#00838f', '#5d4037', '#9e9d24'];

  function node(tag, attributes = {}, text) {
    const element = document.createElementNS(NS, tag);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (text != null) element.textContent = text;
    return element;
  }

  function frame(width, height, label) {
    return node('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': label,
      class: 'chart', preserveAspectRatio: 'xMinYMin meet' });
  }

  const short = v => Math.abs(v) >= 1e6 ? (v / 1e6).toFixed(1) + 'M' : Math.abs(v) >= 1e4 ? (v / 1e3).toFixed(0) + 'k'
    : Number.isInteger(v) ? String(v) : v.toFixed(1);

  /** Horizontal bars: items [{label, value, title?}], format(value) for the figure written beside each bar. */
  function bars(items, { label = 'bar chart', format = short, colour = COLOURS[0] } = {}) {
    const row = 22, left = 150, width = 520, height = Math.max(1, items.length) * row + 8;
    const svg = frame(width, height, label);
    const max = Math.max(1, ...items.map(i => i.value));
    if (!items.length) svg.append(node('text', { x: 4, y: 16, class: 'chart-empty' }, 'nothing yet'));
    items.forEach((item, i) => {
      const y = 4 + i * row, w = Math.max(1, (item.value / max) * (width - left - 80));
      const g = node('g', { class: 'bar', 'data-label': item.label, 'data-value': item.value });
      g.append(node('title', {}, item.title || (item.label + ': ' + format(item.value))),
        node('text', { x: left - 6, y: y + 15, 'text-anchor': 'end', class: 'chart-label' },
          item.label.length > 22 ? item.label.slice(0, 21) + '…' : item.label),
        node('rect', { x: left, y: y + 2, width: w.toFixed(1), height: row - 6, fill: item.colour || colour, rx: 2 }),
        node('text', { x: left + w + 6, y: y + 15, class: 'chart-figure' }, format(item.value)));
      svg.append(g);
    });
    return svg;
  }

  /**
   * Lines over x (numbers: seconds, days as epoch ms…): series [{name, points: [[x, y]], colour?, fill?}]. With
   * stacked, each series is drawn on top of the ones before (sold + held + free = capacity, as areas).
   */
  function lines(series, { label = 'line chart', xFormat = short, yFormat = short, stacked = false,
                           height = 180, yMax } = {}) {
    const width = 520, left = 44, right = 8, top = 8, bottom = 22;
    const svg = frame(width, height + 18 * Math.ceil(series.length / 3), label);
    const all = series.flatMap(s => s.points);
    if (!all.length) {
      svg.append(node('text', { x: left, y: 20, class: 'chart-empty' }, 'nothing yet'));
      return svg;
    }
    const xs = all.map(p => p[0]);
    const x0 = Math.min(...xs), x1 = Math.max(x0 + 1, ...xs);
    const base = new Map();
    const drawn = series.map(s => s.points.map(([x, y]) => {
      const below = stacked ? (base.get(x) || 0) : 0;
      if (stacked) base.set(x, below + y);
      return [x, below, below + y];
    }));
    const top1 = yMax ?? Math.max(1, ...drawn.flat().map(p => p[2]));
    const X = x => left + ((x - x0) / (x1 - x0)) * (width - left - right);
    const Y = y => top + (1 - y / top1) * (height - top - bottom);
    svg.append(node('line', { x1: left, y1: Y(0), x2: width - right, y2: Y(0), class: 'chart-axis' }),
      node('line', { x1: left, y1: top, x2: left, y2: Y(0), class: 'chart-axis' }),
      node('text', { x: left - 4, y: top + 8, 'text-anchor': 'end', class: 'chart-tick' }, yFormat(top1)),
      node('text', { x: left - 4, y: Y(0), 'text-anchor': 'end', class: 'chart-tick' }, '0'),
      node('text', { x: left, y: height - 6, class: 'chart-tick' }, xFormat(x0)),
      node('text', { x: width - right, y: height - 6, 'text-anchor': 'end', class: 'chart-tick' }, xFormat(x1)));
    series.forEach((s, i) => {
      const colour = s.colour || COLOURS[i % COLOURS.length];
      const points = drawn[i];
      if (!points.length) return;
      const path = points.map(([x, , y], j) => (j ? 'L' : 'M') + X(x).toFixed(1) + ' ' + Y(y).toFixed(1)).join(' ');
      const g = node('g', { class: 'series', 'data-series': s.name, 'data-last': points[points.length - 1][2] - points[points.length - 1][1] });
      if (stacked || s.fill) {
        const under = points.slice().reverse().map(([x, b]) => 'L' + X(x).toFixed(1) + ' ' + Y(b).toFixed(1)).join(' ');
        g.append(node('path', { d: path + ' ' + under + ' Z', fill: colour, 'fill-opacity': stacked ? 0.75 : 0.2, stroke: 'none' }));
      }
      g.append(node('path', { d: path, fill: 'none', stroke: colour, 'stroke-width': 2 }));
      if (points.length === 1) g.append(node('circle', { cx: X(points[0][0]), cy: Y(points[0][2]), r: 3, fill: colour }));
      const key = node('g', { class: 'chart-key' });
      const kx = left + (i % 3) * 160, ky = height + 6 + 18 * Math.floor(i / 3);
      key.append(node('rect', { x: kx, y: ky, width: 12, height: 12, fill: colour }),
        node('text', { x: kx + 16, y: ky + 11, class: 'chart-label' }, s.name));
      svg.append(g, key);
    });
    return svg;
  }

  /**
   * Columns per category (days…), each column the series stacked: categories [label], series [{name, values:
   * [number per category], colour?}].
   */
  function columns(categories, series, { label = 'column chart', yFormat = short, height = 180 } = {}) {
    const width = 520, left = 44, right = 8, top = 8, bottom = 22;
    const svg = frame(width, height + 18 * Math.ceil(series.length / 3), label);
    if (!categories.length) {
      svg.append(node('text', { x: left, y: 20, class: 'chart-empty' }, 'nothing yet'));
      return svg;
    }
    const totals = categories.map((_, c) => series.reduce((sum, s) => sum + (s.values[c] || 0), 0));
    const max = Math.max(1, ...totals);
    const slot = (width - left - right) / categories.length, bar = Math.max(2, Math.min(48, slot * 0.7));
    const Y = y => top + (1 - y / max) * (height - top - bottom);
    svg.append(node('line', { x1: left, y1: Y(0), x2: width - right, y2: Y(0), class: 'chart-axis' }),
      node('text', { x: left - 4, y: top + 8, 'text-anchor': 'end', class: 'chart-tick' }, yFormat(max)),
      node('text', { x: left - 4, y: Y(0), 'text-anchor': 'end', class: 'chart-tick' }, '0'));
    const every = Math.ceil(categories.length / 8);
    categories.forEach((category, c) => {
      const x = left + c * slot + (slot - bar) / 2;
      let below = 0;
      const g = node('g', { class: 'column', 'data-category': category, 'data-total': totals[c] });
      g.append(node('title', {}, category + ': ' + yFormat(totals[c])));
      series.forEach((s, i) => {
        const value = s.values[c] || 0;
        if (value > 0) {
          g.append(node('rect', { x: x.toFixed(1), y: Y(below + value).toFixed(1), width: bar.toFixed(1),
            height: (Y(below) - Y(below + value)).toFixed(1), fill: s.colour || COLOURS[i % COLOURS.length] }));
        }
        below += value;
      });
      if (c % every === 0) {
        g.append(node('text', { x: x + bar / 2, y: height - 6, 'text-anchor': 'middle', class: 'chart-tick' }, category));
      }
      svg.append(g);
    });
    series.forEach((s, i) => {
      const kx = left + (i % 3) * 160, ky = height + 6 + 18 * Math.floor(i / 3);
      svg.append(node('rect', { x: kx, y: ky, width: 12, height: 12,
        fill: s.colour || COLOURS[i % COLOURS.length] }), node('text', { x: kx + 16, y: ky + 11, class: 'chart-label' }, s.name));
    });
    return svg;
  }

  return { bars, lines, columns, COLOURS };
})();
