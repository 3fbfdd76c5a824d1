// EcoValue dashboard: one EventSource for everything; pages render from the in-memory state.
'use strict';

const I18N = {
  zh: {
    appTitle: '流域生态补偿实时看板', navOverview: '流域总览', navAgreements: '补偿协议', navUnits: '生态产品清单',
    navAlerts: '告警', connecting: '连接中', live: '实时', offline: '已断开', footer: '数据：GB 3838-2002 地表水环境质量标准；补偿台账 SHA-256 哈希链可验证',
    sections: '断面', meetingTarget: '达标断面', runningTotal: '本期补偿（实时）', openAlerts: '未关闭告警',
    schematic: '河网示意与补偿流向', sectionClasses: '断面水质类别（实时）', agreements: '补偿协议', target: '目标',
    now: '当前', noData: '暂无数据', agreement: '协议', section: '断面', payer: '付费方', payee: '受偿方',
    running: '实时暂定金额', completeness: '数据完整率', status: '状态', period: '周期', scheme: '补偿方式',
    explanation: '计算说明', inputs: '计算输入', factorChart: '因子均值与目标限值', settled: '已结算台账（FINAL / CORRECTION）',
    revision: '版本', amount: '金额（元）', computedAt: '计算时间', hash: '哈希', verified: '已验证 ✓', broken: '哈希链断裂',
    belowMin: '低于协议最低完整率', unit: '行政单元', product: '生态产品', quantity: '数量', grade: '等级', value: '价值（元）',
    trend: '趋势', type: '类型', severity: '级别', station: '站点', param: '参数', limit: '限值', started: '开始', ended: '结束',
    ongoing: '持续中', yuan: '元', volume: '断面水量 (m³)', validHours: '有效小时', class: '水质类别', index: '指数',
    history: '历史（InfluxDB，近24小时）', noHistory: '未配置 InfluxDB：仅显示看板启动后的实时数据', chainIntact: '哈希链完整', chooseAgreement: '选择协议', chooseUnit: '选择单元',
    legend: '图例', PROVISIONAL: '暂定', FINAL: '终结', CORRECTION: '更正', LIVE: '实时', meets: '达标', fails: '超标',
    'exceedance': '超标', 'data-gap': '数据中断', 'stuck-sensor': '传感器卡滞', 'low-completeness': '完整率不足',
    critical: '严重', warning: '警告', info: '提示',
    water_resource: '水资源', water_quality: '水环境质量', clean_air: '清新空气', soil: '土壤', water_conservation: '水源涵养',
    flood_regulation: '洪水调蓄', water_purification: '水质净化', air_purification: '空气净化', carbon_sequestration: '固碳',
    oxygen_release: '释氧', climate_regulation: '气候调节', soil_retention: '土壤保持'
  },
  en: {
    appTitle: 'Basin Eco-Compensation Live Dashboard', navOverview: 'Basin overview', navAgreements: 'Agreements', navUnits: 'Eco-product inventory',
    navAlerts: 'Alerts', connecting: 'connecting', live: 'live', offline: 'offline', footer: 'Water classes per GB 3838-2002; settled ledger entries verifiable by SHA-256 hash chain',
    sections: 'Sections', meetingTarget: 'Meeting target', runningTotal: 'This period (provisional)', openAlerts: 'Open alerts',
    schematic: 'River schematic and payment flows', sectionClasses: 'Water class per section (live)', agreements: 'Agreements', target: 'target',
    now: 'now', noData: 'no data yet', agreement: 'Agreement', section: 'Section', payer: 'Payer', payee: 'Payee',
    running: 'Running provisional amount', completeness: 'Completeness', status: 'Status', period: 'Period', scheme: 'Scheme',
    explanation: 'Explanation', inputs: 'Inputs', factorChart: 'Factor means against target limit', settled: 'Settled ledger (FINAL / CORRECTION)',
    revision: 'Rev.', amount: 'Amount (CNY)', computedAt: 'Computed', hash: 'Hash', verified: 'verified ✓', broken: 'chain broken',
    belowMin: 'below the agreement\'s minimum completeness', unit: 'Unit', product: 'Product', quantity: 'Quantity', grade: 'Grade', value: 'Value (CNY)',
    trend: 'Trend', type: 'Type', severity: 'Severity', station: 'Station', param: 'Parameter', limit: 'Limit', started: 'Started', ended: 'Ended',
    ongoing: 'ongoing', yuan: 'CNY', volume: 'Volume (m³)', validHours: 'Valid hours', class: 'Water class', index: 'Index',
    history: 'History (InfluxDB, last 24 h)', noHistory: 'No InfluxDB configured: live data since the dashboard started only', chainIntact: 'hash chain intact', chooseAgreement: 'Agreement', chooseUnit: 'Unit',
    legend: 'Legend', PROVISIONAL: 'provisional', FINAL: 'final', CORRECTION: 'correction', LIVE: 'live', meets: 'meets target', fails: 'misses target',
    'exceedance': 'exceedance', 'data-gap': 'data gap', 'stuck-sensor': 'stuck sensor', 'low-completeness': 'low completeness',
    critical: 'critical', warning: 'warning', info: 'info',
    water_resource: 'Water resource', water_quality: 'Water quality', clean_air: 'Clean air', soil: 'Soil', water_conservation: 'Water conservation',
    flood_regulation: 'Flood regulation', water_purification: 'Water purification', air_purification: 'Air purification',
    carbon_sequestration: 'Carbon sequestration', oxygen_release: 'Oxygen release', climate_regulation: 'Climate regulation', soil_retention: 'Soil retention'
  }
};
const CLASS_COLORS = { 1: '#4fc3f7', 2: '#1e88e5', 3: '#43a047', 4: '#fbc02d', 5: '#fb8c00', 6: '#e53935' };
const CLASS_LABELS = ['I', 'II', 'III', 'IV', 'V', '劣V'];

const state = { registry: null, sections: {}, agreements: {}, inventory: {}, alerts: {}, alertOrder: [] };
let lang = localStorage.getItem('ecovalue.lang') || 'zh';
let charts = {};
let renderQueued = false;

const t = (k) => (I18N[lang][k] !== undefined ? I18N[lang][k] : k);
const esc = (s) => String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const yuan = (v) => (v === null || v === undefined ? '—' : Number(v).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const time = (ms) => (ms ? new Date(ms).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false }) : '—');
const pct = (f) => (f === null || f === undefined ? '—' : (Number(f) * 100).toFixed(1) + '%');
const classNumber = (label) => (label ? CLASS_LABELS.indexOf(label) + 1 : 0);
const clsBadge = (label) => `<span class="cls cls-${classNumber(label)}">${label ? esc(label) + (lang === 'zh' ? '类' : '') : '—'}</span>`;
const unitName = (id) => { const u = state.registry && state.registry.units.find((x) => x.id === id); return u ? u.name : id; };

function route() {
  const parts = (location.hash || '#/overview').slice(2).split('/');
  return { page: parts[0] || 'overview', id: parts[1] ? decodeURIComponent(parts[1]) : null };
}

function applyI18n() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.getElementById('lang').textContent = lang === 'zh' ? 'English' : '中文';
  document.title = 'EcoValue · ' + t('appTitle');
}

function queueRender() {
  if (!renderQueued) {
    renderQueued = true;
    requestAnimationFrame(() => { renderQueued = false; render(); });
  }
}

function disposeCharts() {
  Object.values(charts).forEach((c) => c.dispose());
  charts = {};
}

function chart(id) {
  const el = document.getElementById(id);
  if (!el) return null;
  if (!charts[id] || charts[id].getDom() !== el) {
    if (charts[id]) charts[id].dispose();
    charts[id] = echarts.init(el, null, { renderer: 'canvas' });
  }
  return charts[id];
}

let lastPage = null;
function render() {
  const r = route();
  document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === r.page));
  const key = r.page + '/' + (r.id || '');
  if (key !== lastPage) { disposeCharts(); lastPage = key; }
  if (!state.registry) return;
  const main = document.getElementById('main');
  main.dataset.page = r.page;
  if (r.page === 'agreement') renderAgreement(main, r.id);
  else if (r.page === 'unit') renderUnit(main, r.id);
  else if (r.page === 'alerts') renderAlerts(main);
  else renderOverview(main);
}

// ---------- overview ----------
function renderOverview(main) {
  const sections = state.registry.sections.map((s) => state.sections[s.id] || s);
  const withClass = sections.filter((s) => s.currentClass);
  const meeting = withClass.filter((s) => s.meetsTarget).length;
  const agreements = Object.values(state.agreements);
  const total = agreements.reduce((sum, a) => sum + (a.running ? Number(a.running.amountCny) : 0), 0);
  const open = Object.values(state.alerts).filter((a) => !a.endedAt).length;
  if (!document.getElementById('overview-root')) {
    main.innerHTML = `<div id="overview-root">
      <div class="grid kpis">
        <div class="panel kpi"><div class="label">${t('sections')}</div><div class="value" id="kpi-sections"></div></div>
        <div class="panel kpi"><div class="label">${t('meetingTarget')}</div><div class="value" id="kpi-meeting"></div></div>
        <div class="panel kpi"><div class="label">${t('runningTotal')}</div><div class="value" id="kpi-total"></div></div>
        <div class="panel kpi"><div class="label">${t('openAlerts')}</div><div class="value" id="kpi-alerts"></div></div>
      </div>
      <div class="grid two">
        <div class="panel"><h2>${t('schematic')}</h2><div id="schematic" class="chart"></div>
          <div class="legend">${t('legend')}: ${CLASS_LABELS.map((l) => clsBadge(l)).join(' ')}</div></div>
        <div class="panel"><h2>${t('agreements')}</h2><div id="agreement-list"></div></div>
      </div>
      <div class="panel" style="margin-top:16px"><h2>${t('sectionClasses')}</h2><div class="tiles" id="tiles"></div></div>
    </div>`;
  }
  document.getElementById('kpi-sections').innerHTML = `${sections.length}`;
  document.getElementById('kpi-meeting').innerHTML = `${meeting}<small>/ ${withClass.length}</small>`;
  document.getElementById('kpi-total').innerHTML = `${yuan(total)}<small>${t('yuan')}</small>`;
  document.getElementById('kpi-alerts').innerHTML = `${open}`;
  document.getElementById('tiles').innerHTML = sections.map((s) => {
    const n = classNumber(s.currentClass);
    return `<div class="section-tile cls-b-${n}" data-section="${esc(s.id)}" data-class="${esc(s.currentClass || '')}">
      <div class="name">${esc(s.name)} <span class="sub">${esc(s.id)}</span></div>
      <div class="meta">${esc(s.river)} · ${esc(unitName(s.upstreamUnit))}${s.downstreamUnit ? ' → ' + esc(unitName(s.downstreamUnit)) : ''}</div>
      <div class="meta">${t('now')} ${clsBadge(s.currentClass)} · ${t('target')} ${esc(s.targetClass)}${s.observedAt ? ' · ' + time(s.observedAt) : ''}</div>
    </div>`;
  }).join('');
  document.getElementById('agreement-list').innerHTML = agreementTable(agreements);
  drawSchematic(sections, agreements);
}

function agreementTable(agreements) {
  if (!agreements.length) return `<div class="empty">${t('noData')}</div>`;
  return `<table><thead><tr><th>${t('agreement')}</th><th>${t('payer')} → ${t('payee')}</th><th class="num">${t('running')}</th><th>${t('completeness')}</th></tr></thead><tbody>
    ${agreements.map((a) => {
      const e = a.running;
      const low = e && Number(e.inputs.completeness) < a.minCompleteness;
      return `<tr class="clickable" onclick="location.hash='#/agreement/${encodeURIComponent(a.id)}'">
        <td><b>${esc(a.name)}</b><div class="sub">${esc(a.sectionName || '')} · ${esc(e ? e.period : '')}</div></td>
        <td>${e ? esc(unitName(e.payer)) + '<span class="arrow">→</span>' + esc(unitName(e.payee)) : '—'}</td>
        <td class="num amount" data-agreement="${esc(a.id)}">${e ? yuan(e.amountCny) : '—'}</td>
        <td>${e ? pct(e.inputs.completeness) + (low ? ` <span class="badge badge-low">!</span>` : '') : '—'}</td></tr>`;
    }).join('')}</tbody></table>`;
}

// Sections in river order (upstream unit before downstream unit), units between them; arrows payer → payee.
function drawSchematic(sections, agreements) {
  const c = chart('schematic');
  if (!c) return;
  const order = [];
  sections.forEach((s) => { [s.upstreamUnit, s.downstreamUnit].forEach((u) => { if (u && !order.includes(u)) order.push(u); }); });
  const nodes = []; const links = [];
  order.forEach((u, i) => nodes.push({ id: 'u:' + u, name: unitName(u), x: i * 200, y: 0, symbol: 'roundRect', symbolSize: [96, 34],
    itemStyle: { color: '#eef3f9', borderColor: '#8aa4c2' }, label: { show: true, color: '#1f2d3d', fontWeight: 600 } }));
  sections.forEach((s, i) => {
    const ui = order.indexOf(s.upstreamUnit); const di = s.downstreamUnit ? order.indexOf(s.downstreamUnit) : ui;
    const n = classNumber(s.currentClass);
    nodes.push({ id: 's:' + s.id, name: s.name, x: (ui + di) / 2 * 200 + (ui === di ? 60 : 0), y: 110 + (i % 2) * 20,
      symbolSize: 26, itemStyle: { color: CLASS_COLORS[n] || '#b0bec5', borderColor: '#fff', borderWidth: 2 },
      label: { show: true, position: 'bottom', formatter: `${s.name}\n${s.currentClass ? s.currentClass + (lang === 'zh' ? '类' : '') : '—'} / ${t('target')} ${s.targetClass}` } });
  });
  const bySection = sections.slice();
  for (let i = 0; i + 1 < bySection.length; i++) {
    links.push({ source: 's:' + bySection[i].id, target: 's:' + bySection[i + 1].id, lineStyle: { color: '#64b5f6', width: 6, curveness: 0, opacity: 0.7 }, symbol: ['none', 'none'], label: { show: false } });
  }
  agreements.forEach((a) => {
    const e = a.running || (a.settled[0] && a.settled[0].entry);
    if (!e) return;
    links.push({ source: 'u:' + e.payer, target: 'u:' + e.payee, symbol: ['none', 'arrow'], symbolSize: 12,
      lineStyle: { color: '#ef6c00', width: 2.5, curveness: 0.35 },
      label: { show: true, formatter: `¥${yuan(e.amountCny)}`, color: '#bf360c', fontWeight: 600 } });
  });
  c.setOption({ animation: false, tooltip: {}, series: [{ type: 'graph', layout: 'none', roam: true, data: nodes, links,
    edgeLabel: { show: true }, emphasis: { disabled: true } }] }, true);
}

// ---------- agreement ----------
function renderAgreement(main, id) {
  const all = Object.values(state.agreements);
  if (!id && all.length) id = all[0].id;
  const a = state.agreements[id];
  const tabs = `<div class="tabs">${all.map((x) => `<a href="#/agreement/${encodeURIComponent(x.id)}" class="${x.id === id ? 'active' : ''}">${esc(x.name)}</a>`).join('')}</div>`;
  if (!a) { main.innerHTML = tabs + `<div class="panel empty">${t('noData')}</div>`; return; }
  const e = a.running;
  const low = e && Number(e.inputs.completeness) < a.minCompleteness;
  const settledRows = a.settled.map((l) => `<tr data-period="${esc(l.entry.period)}" data-revision="${l.entry.revision}">
      <td>${esc(l.entry.period)}</td><td><span class="badge badge-status">${t(l.entry.status)}</span></td><td class="num">${l.entry.revision}</td>
      <td class="num">${yuan(l.entry.amountCny)}</td><td>${esc(unitName(l.entry.payer))}<span class="arrow">→</span>${esc(unitName(l.entry.payee))}</td>
      <td>${pct(l.entry.inputs.completeness)}</td><td>${time(l.entry.computedAt)}</td>
      <td class="hash" title="${esc(l.entry.hash)}">${esc((l.entry.hash || '').slice(0, 12))}…</td>
      <td>${l.verified ? `<span class="badge badge-verified">${t('verified')}</span>` : `<span class="badge badge-broken">${t('broken')}</span>`}</td></tr>
      <tr class="sub"><td></td><td colspan="8" class="sub">${esc(l.entry.explanation)}</td></tr>`).join('');
  const inputs = e ? e.inputs : (a.settled[0] ? a.settled[0].entry.inputs : null);
  const inputRows = inputs ? [
    ...Object.entries(inputs.meansMgL || {}).map(([p, v]) => `<tr><td>${esc(p)} (mg/L)</td><td class="num">${esc(v)}</td><td class="num">${a.targetLimitsMgL[p] !== undefined ? a.targetLimitsMgL[p] : '—'}</td></tr>`),
    inputs.volumeM3 !== undefined ? `<tr><td>${t('volume')}</td><td class="num">${Number(inputs.volumeM3).toLocaleString()}</td><td></td></tr>` : '',
    inputs.validHours !== undefined ? `<tr><td>${t('validHours')}</td><td class="num">${inputs.validHours}</td><td></td></tr>` : '',
    inputs['class'] ? `<tr><td>${t('class')}</td><td class="num">${clsBadge(inputs['class'])}</td><td class="num">${esc(a.targetClass || '')}</td></tr>` : '',
    inputs.index !== undefined ? `<tr><td>${t('index')}</td><td class="num">${esc(inputs.index)}</td><td></td></tr>` : ''
  ].join('') : '';
  disposeCharts();
  main.innerHTML = tabs + `<div class="grid two">
    <div class="panel" id="agreement-head" data-agreement="${esc(a.id)}">
      <h1>${esc(a.name)}</h1>
      <div class="sub">${esc(a.id)} · ${t('section')} ${esc(a.sectionName || '—')} · ${t('scheme')} ${esc(a.scheme)} · ${t('period')} ${esc(e ? e.period : '—')}</div>
      <div class="flow">${e ? `${esc(unitName(e.payer))}<span class="arrow">━━▶</span>${esc(unitName(e.payee))}` : `${esc(unitName(a.upstreamParty))} — ${esc(unitName(a.downstreamParty))}`}</div>
      <div class="sub">${t('running')} <span class="badge badge-status">${t('PROVISIONAL')}</span></div>
      <div class="amount-big" id="running-amount">${e ? '¥ ' + yuan(e.amountCny) : '—'}</div>
      <div class="sub">${t('completeness')} ${e ? pct(e.inputs.completeness) : '—'} ${low ? `<span class="badge badge-low">${t('belowMin')} (${pct(a.minCompleteness)})</span>` : ''}</div>
      <div class="bar ${low ? 'low' : ''}"><span style="width:${e ? Number(e.inputs.completeness) * 100 : 0}%"></span></div>
      <h2 style="margin-top:16px">${t('explanation')}</h2>
      <div class="explain" id="explanation">${esc(e ? e.explanation : (a.settled[0] ? a.settled[0].entry.explanation : t('noData')))}</div>
    </div>
    <div class="panel"><h2>${t('inputs')}</h2><table><thead><tr><th></th><th class="num">${t('now')}</th><th class="num">${t('target')}</th></tr></thead><tbody>${inputRows}</tbody></table></div>
  </div>
  <div class="grid two" style="margin-top:16px">
    <div class="panel"><h2>${t('factorChart')}</h2><div id="factor-chart" class="chart small"></div></div>
    <div class="panel"><h2>${t('history')}</h2><div id="history-chart" class="chart small"></div></div>
  </div>
  <div class="panel" style="margin-top:16px"><h2>${t('settled')} ${a.chainIntact ? `<span class="badge badge-verified">${t('chainIntact')}</span>` : `<span class="badge badge-broken">${t('broken')}: ${esc(a.chainProblem)}</span>`}</h2>
    <table id="settled"><thead><tr><th>${t('period')}</th><th>${t('status')}</th><th class="num">${t('revision')}</th><th class="num">${t('amount')}</th><th>${t('payer')} → ${t('payee')}</th><th>${t('completeness')}</th><th>${t('computedAt')}</th><th>${t('hash')}</th><th></th></tr></thead>
    <tbody>${settledRows || `<tr><td colspan="9" class="empty">${t('noData')}</td></tr>`}</tbody></table></div>`;
  const series = Object.entries(a.factorTrend).map(([p, pts]) => ({ name: p, type: 'line', showSymbol: false, data: pts.map((x) => [x.t, x.v]),
    markLine: a.targetLimitsMgL[p] !== undefined ? { symbol: 'none', lineStyle: { type: 'dashed' }, label: { position: 'insideEndTop', formatter: `${p} ${t('target')} ≤ ${a.targetLimitsMgL[p]}` }, data: [{ yAxis: a.targetLimitsMgL[p] }] } : undefined }));
  const fc = chart('factor-chart');
  fc && fc.setOption({ animation: false, tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'time' }, yAxis: { type: 'value', name: 'mg/L' }, series });
  loadHistory(a.id);
}

const historyCache = {};
function loadHistory(agreementId) {
  const hc = chart('history-chart');
  if (!hc) return;
  const draw = (h) => hc.setOption({ animation: false,
    title: Object.keys(h).length ? undefined : { text: t('noHistory'), left: 'center', top: 'middle', textStyle: { color: '#90a4ae', fontSize: 13, fontWeight: 400 } }, tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 70, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'time' }, yAxis: { type: 'value', name: t('yuan') },
    series: Object.entries(h).map(([s, pts]) => ({ name: t(s), type: 'line', step: 'end', showSymbol: pts.length < 20, data: pts.map((x) => [x.t, x.v]) })) });
  if (historyCache[agreementId]) draw(historyCache[agreementId].data);
  if (!historyCache[agreementId] || Date.now() - historyCache[agreementId].at > 60000) {
    historyCache[agreementId] = { at: Date.now(), data: (historyCache[agreementId] || {}).data || {} };
    fetch('/api/history/compensation?hours=24&agreement=' + encodeURIComponent(agreementId)).then((r) => r.json())
      .then((h) => { historyCache[agreementId] = { at: Date.now(), data: h }; const c = chart('history-chart'); if (c) draw(h); });
  }
}

// ---------- unit inventory ----------
function renderUnit(main, id) {
  const units = state.registry.units;
  const withData = new Set(Object.values(state.inventory).map((v) => v.latest.unitId));
  if (!id) id = (units.find((u) => withData.has(u.id)) || units[0] || {}).id;
  const tabs = `<div class="tabs">${units.map((u) => `<a href="#/unit/${encodeURIComponent(u.id)}" class="${u.id === id ? 'active' : ''}" style="${withData.has(u.id) ? '' : 'opacity:.6'}">${esc(u.name)}</a>`).join('')}</div>`;
  const rows = Object.values(state.inventory).filter((v) => v.latest.unitId === id).sort((a, b) => a.key.localeCompare(b.key));
  const total = rows.reduce((s, v) => s + (v.latest.value ? Number(v.latest.value.cny) : 0), 0);
  const u = units.find((x) => x.id === id);
  disposeCharts();
  main.innerHTML = tabs + `<div class="panel"><h1>${esc(u ? u.name : id)} <span class="sub">${esc(id)} · ${esc(u ? u.kind : '')}</span></h1>
    <div class="sub">${t('value')}: <b>¥ ${yuan(total)}</b></div>
    <table id="inventory" style="margin-top:12px"><thead><tr><th>${t('product')}</th><th>${t('period')}</th><th>${t('status')}</th><th class="num">${t('quantity')}</th><th>${t('grade')}</th><th class="num">${t('value')}</th><th>${t('completeness')}</th><th>${t('trend')}</th></tr></thead><tbody>
    ${rows.map((v, i) => { const r = v.latest; return `<tr data-key="${esc(v.key)}"><td><b>${t(r.product)}</b><div class="sub">${esc(r.function || '')}${r.rightsHolder ? ' · ' + esc(r.rightsHolder) : ''}</div></td>
      <td>${esc(r.period)}</td><td><span class="badge badge-status">${t(r.status)}</span></td>
      <td class="num">${Number(r.quantity.value).toLocaleString(undefined, { maximumFractionDigits: 2 })} ${esc(r.quantity.unit)}</td>
      <td>${esc(r.grade || '—')}</td><td class="num">${r.value ? yuan(r.value.cny) : '—'}<div class="sub">${r.value ? esc(r.value.priceRef) : ''}</div></td>
      <td>${pct(r.completeness)}</td><td><div class="spark" id="spark-${i}"></div></td></tr>`; }).join('') || `<tr><td colspan="8" class="empty">${t('noData')}</td></tr>`}
    </tbody></table></div>`;
  rows.forEach((v, i) => {
    const c = chart('spark-' + i);
    c && c.setOption({ animation: false, grid: { left: 2, right: 2, top: 4, bottom: 4 }, xAxis: { type: 'time', show: false }, yAxis: { type: 'value', show: false, scale: true },
      series: [{ type: 'line', showSymbol: false, areaStyle: { opacity: 0.15 }, data: v.quantityTrend.map((p) => [p.t, p.v]) }] });
  });
}

// ---------- alerts ----------
function renderAlerts(main) {
  const list = state.alertOrder.map((k) => state.alerts[k]).reverse();
  const sectionName = (id) => { const s = state.registry.sections.find((x) => x.id === id); return s ? s.name : id; };
  main.innerHTML = `<div class="panel"><h2>${t('navAlerts')}</h2><table id="alerts"><thead><tr><th>${t('severity')}</th><th>${t('type')}</th><th>${t('section')}</th><th>${t('station')}</th><th>${t('param')}</th><th class="num">${t('value')}</th><th class="num">${t('limit')}</th><th>${t('started')}</th><th>${t('ended')}</th></tr></thead><tbody>
    ${list.map((a) => `<tr><td class="sev-${esc(a.severity)}">${t(a.severity)}</td><td>${t(a.type)}</td><td>${esc(a.sectionId ? sectionName(a.sectionId) : '—')}</td><td>${esc(a.stationId || '—')}</td>
      <td>${esc(a.param || '—')}</td><td class="num">${a.value !== undefined ? esc(a.value) : '—'}</td><td class="num">${a.limit !== undefined ? esc(a.limit) : '—'}</td>
      <td>${time(a.startedAt)}</td><td>${a.endedAt ? time(a.endedAt) : `<b class="sev-warning">${t('ongoing')}</b>`}</td></tr>`).join('') || `<tr><td colspan="9" class="empty">${t('noData')}</td></tr>`}
    </tbody></table></div>`;
}

// ---------- state from the stream ----------
function alertId(a) { return [a.type, a.sectionId || a.stationId, a.param || '', a.startedAt].join('|'); }

function applySnapshot(s) {
  state.sections = {}; state.agreements = {}; state.inventory = {}; state.alerts = {}; state.alertOrder = [];
  s.sections.forEach((x) => { state.sections[x.id] = x; });
  s.agreements.forEach((x) => { state.agreements[x.id] = x; });
  s.inventory.forEach((x) => { state.inventory[x.key] = x; });
  s.alerts.slice().reverse().forEach((a) => applyUpdate({ kind: 'alert', key: alertId(a), data: a }));
}

function applyUpdate(u) {
  if (u.kind === 'section') state.sections[u.key] = u.data;
  else if (u.kind === 'agreement') state.agreements[u.key] = u.data;
  else if (u.kind === 'inventory') state.inventory[u.key] = u.data;
  else if (u.kind === 'alert') {
    if (!state.alerts[u.key]) state.alertOrder.push(u.key);
    state.alerts[u.key] = u.data;
    if (state.alertOrder.length > 1000) delete state.alerts[state.alertOrder.shift()];
  }
}

function connect() {
  const live = document.getElementById('live');
  const es = new EventSource('/api/events');
  es.addEventListener('snapshot', (ev) => { applySnapshot(JSON.parse(ev.data)); live.className = 'live on'; live.textContent = t('live'); lastPage = null; queueRender(); });
  es.addEventListener('update', (ev) => { JSON.parse(ev.data).forEach(applyUpdate); document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1); queueRender(); });
  es.onerror = () => { live.className = 'live off'; live.textContent = t('offline'); };
}

document.getElementById('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('ecovalue.lang', lang);
  applyI18n(); lastPage = null; document.getElementById('main').innerHTML = ''; render();
});
window.addEventListener('hashchange', () => { document.getElementById('main').innerHTML = ''; render(); });
window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
setInterval(() => { document.getElementById('clock').textContent = new Date().toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false }); }, 1000);

applyI18n();
fetch('/api/registry').then((r) => r.json()).then((reg) => {
  state.registry = reg;
  const basin = reg.basins[0];
  document.getElementById('basin-name').textContent = basin ? basin.name : '';
  connect();
  render();
});
