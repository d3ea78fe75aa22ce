// unpack turns the actors of a drawing of /api/network, sent in columns,
// into one object per actor with the keys of analysis.ActorMetrics
// (brokerage roles in a "brokerage" object) and of the drawing (country,
// territory, level, x, y, main, reasons).
export function unpack(d) {
  const c = d.actors;
  const n = c.id.length;
  const out = new Array(n);
  const keys = Object.keys(c.metrics);
  for (let i = 0; i < n; i++) {
    const a = {
      id: c.id[i],
      name: c.name[i],
      short: c.short ? c.short[i] : "",
      family: c.family[i],
      country: c.country[i],
      territory: c.territory[i],
      level: c.level[i],
      x: c.x[i],
      y: c.y[i],
      main: c.main[i],
      reasons: c.reasons[i] || [],
      brokerage: {},
    };
    for (const k of keys) {
      const v = c.metrics[k][i];
      if (k.startsWith("brokerage_")) a.brokerage[k.slice(10)] = v;
      else a[k] = v;
    }
    out[i] = a;
  }
  d.actors = out;
  return d;
}
