'use strict';
// The admin page: plain DOM, no build step. The session is an HttpOnly cookie; the CSRF token the
// login answers lives only in this page's memory and goes with every change (X-CSRF-Token).
(() => {
  const fields = {
    monsters: ['name', 'armor_description', 'languages'],
    spells: ['name', 'casting_time', 'range', 'duration', 'material_text', 'description', 'higher_levels'],
  };
  const longFields = new Set(['description', 'higher_levels']);
  const state = {
    lang: localStorage.getItem('dnd-admin-lang') || ((navigator.language || '').startsWith('ru') ? 'ru' : 'en'),
    strings: {}, csrf: null, tab: 'monsters', page: 1, total: 0, pageSize: 25,
    record: null, uiRow: null, bundle: null, auditPage: 1, auditTotal: 0, requests: {},
  };
  const $ = (id) => document.getElementById(id);
  const t = (key) => state.strings[key] ?? key;

  // Only the answer to the latest request of a kind is shown: a slow earlier search must not overwrite a later one.
  function latest(kind) {
    const ticket = (state.requests[kind] || 0) + 1;
    state.requests[kind] = ticket;
    return () => state.requests[kind] === ticket;
  }

  async function api(method, path, body) {
    const headers = {};
    let payload;
    if (method !== 'GET' && state.csrf) headers['X-CSRF-Token'] = state.csrf;
    if (body instanceof Blob) {
      payload = body;
      headers['Content-Type'] = 'application/octet-stream';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json() : null;
    if (response.status === 401 && !path.startsWith('/admin/session')) showLogin();
    return { ok: response.ok, status: response.status, data };
  }

  // A ProblemDetails answer as one line: the field errors when there are any, else the detail.
  function problemText(data) {
    if (data && data.errors) {
      return Object.entries(data.errors).map(([field, messages]) => `${field}: ${[].concat(messages).join('; ')}`).join(' | ');
    }
    if (data && data.problems) return data.problems.map(describeProblem).join(' | ');
    return (data && (data.detail || data.title)) || '';
  }

  function describeProblem(p) {
    const where = [p.file, p.line ? `line ${p.line}` : null].filter(Boolean).join(' ');
    return `${where ? where + ': ' : ''}${p.field ? `'${p.field}' ` : ''}${p.message}`;
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text ?? '';
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function emptyRow(tbody, columns, text) {
    const row = tbody.insertRow();
    const td = cell(row, text);
    td.colSpan = columns;
  }

  async function loadStrings() {
    const r = await api('GET', `/admin/strings?lang=${state.lang}`);
    if (r.ok) state.strings = r.data.strings;
    document.documentElement.lang = state.lang;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
    $('lang-toggle').textContent = state.lang === 'en' ? 'RU' : 'EN';
    if ($('who').dataset.name) $('who').textContent = `${t('logged_in_as')} ${$('who').dataset.name}`;
  }

  function showLogin() {
    state.csrf = null;
    $('app-view').hidden = true;
    $('logout').hidden = true;
    $('who').hidden = true;
    $('login-view').hidden = false;
    $('token').focus();
  }

  function showApp(name) {
    $('who').dataset.name = name;
    $('who').textContent = `${t('logged_in_as')} ${name}`;
    $('who').hidden = false;
    $('logout').hidden = false;
    $('login-view').hidden = true;
    $('app-view').hidden = false;
    openTab(state.tab);
  }

  function openTab(tab) {
    state.tab = tab;
    document.querySelectorAll('nav button').forEach((b) => {
      if (b.dataset.tab === tab) b.setAttribute('aria-current', 'page'); else b.removeAttribute('aria-current');
    });
    const section = tab === 'monsters' || tab === 'spells' ? 'content' : tab;
    document.querySelectorAll('.tab').forEach((s) => { s.hidden = s.id !== `tab-${section}`; });
    if (section === 'content') {
      state.page = 1;
      $('detail').hidden = true;
      search();
    } else if (tab === 'ui') searchUi();
    else if (tab === 'jobs') loadJobs();
    else if (tab === 'audit') loadAudit();
  }

  async function search() {
    const kind = state.tab;
    $('col-extra').textContent = t(kind === 'monsters' ? 'col_type_cr' : 'col_level_school');
    const q = encodeURIComponent($('search').value.trim());
    const current = latest('search');
    const r = await api('GET', `/admin/${kind}?q=${q}&page=${state.page}&page_size=${state.pageSize}`);
    if (!current()) return;
    const tbody = $('results').tBodies[0];
    tbody.replaceChildren();
    if (!r.ok) return emptyRow(tbody, 4, `${t('error')} ${problemText(r.data)}`);
    state.total = r.data.total;
    if (r.data.items.length === 0) emptyRow(tbody, 4, t('no_results'));
    for (const item of r.data.items) {
      const row = tbody.insertRow();
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'link';
      open.dataset.slug = item.slug;
      open.textContent = item.slug;
      open.addEventListener('click', () => openRecord(item.slug));
      cell(row, '').appendChild(open);
      cell(row, item.name);
      cell(row, item.name_ru);
      cell(row, kind === 'monsters' ? `${item.type}, ${item.challenge_rating}` : `${item.level}, ${item.school}`);
    }
    const pages = Math.max(1, Math.ceil(state.total / state.pageSize));
    $('page-info').textContent = `${t('page')} ${state.page} ${t('of')} ${pages}`;
    $('prev').disabled = state.page <= 1;
    $('next').disabled = state.page >= pages;
  }

  async function openRecord(slug) {
    const current = latest('record');
    const r = await api('GET', `/admin/${state.tab}/${encodeURIComponent(slug)}`);
    if (!r.ok || !current()) return;
    state.record = { kind: state.tab, slug, data: r.data };
    const { translations, ...facts } = r.data;
    $('detail-title').textContent = [translations.en?.name, translations.ru?.name].filter(Boolean).join(' / ');
    $('detail-facts').textContent = JSON.stringify(facts, null, 2);
    $('tr-lang').value = state.lang;
    $('tr-status').textContent = '';
    renderTranslationFields();
    $('detail').hidden = false;
  }

  function renderTranslationFields() {
    if (!state.record) return;
    const text = state.record.data.translations[$('tr-lang').value] || {};
    const container = $('tr-fields');
    container.replaceChildren();
    for (const name of fields[state.record.kind]) {
      const label = document.createElement('label');
      label.htmlFor = `field-${name}`;
      label.textContent = t(`field_${name}`);
      const input = document.createElement(longFields.has(name) ? 'textarea' : 'input');
      input.id = `field-${name}`;
      input.value = text[name] ?? '';
      if (input.tagName === 'TEXTAREA') input.rows = 5;
      container.append(label, input);
    }
  }

  async function saveTranslation(event) {
    event.preventDefault();
    const { kind, slug } = state.record;
    const lang = $('tr-lang').value;
    const body = {};
    for (const name of fields[kind]) body[name] = $(`field-${name}`).value.trim() || null;
    const r = await api('PUT', `/admin/${kind}/${encodeURIComponent(slug)}/translations/${lang}`, body);
    const status = $('tr-status');
    if (r.ok) {
      state.record.data.translations[lang] = r.data;
      status.className = 'ok';
      status.textContent = t('saved');
      search();
    } else {
      status.className = 'error';
      status.textContent = `${t('save_failed')} ${problemText(r.data)}`;
    }
  }

  async function searchUi() {
    const q = encodeURIComponent($('ui-search').value.trim());
    const current = latest('ui');
    const r = await api('GET', `/admin/ui-strings?q=${q}&page_size=100`);
    if (!current()) return;
    const tbody = $('ui-results').tBodies[0];
    tbody.replaceChildren();
    if (!r.ok) return emptyRow(tbody, 3, `${t('error')} ${problemText(r.data)}`);
    if (r.data.items.length === 0) emptyRow(tbody, 3, t('no_results'));
    for (const item of r.data.items) {
      const row = tbody.insertRow();
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'link';
      open.dataset.key = `${item.namespace}.${item.key}`;
      open.textContent = `${item.namespace}.${item.key}`;
      open.addEventListener('click', () => openUi(item));
      cell(row, '').appendChild(open);
      cell(row, item.texts.en);
      cell(row, item.texts.ru);
    }
  }

  function openUi(item) {
    state.uiRow = item;
    $('ui-key').textContent = `${item.namespace}.${item.key}`;
    $('ui-lang').value = state.lang;
    $('ui-text').value = item.texts[state.lang] ?? '';
    $('ui-status').textContent = '';
    $('ui-form').hidden = false;
  }

  async function saveUi(event) {
    event.preventDefault();
    const item = state.uiRow;
    const lang = $('ui-lang').value;
    const path = `/admin/ui-strings/${encodeURIComponent(item.namespace)}/${encodeURIComponent(item.key)}/${lang}`;
    const r = await api('PUT', path, { text: $('ui-text').value });
    const status = $('ui-status');
    if (r.ok) {
      state.uiRow = r.data;
      status.className = 'ok';
      status.textContent = t('saved');
      searchUi();
      if (item.namespace === 'admin') loadStrings();
    } else {
      status.className = 'error';
      status.textContent = `${t('save_failed')} ${problemText(r.data)}`;
    }
  }

  function countsTable(counts) {
    const table = document.createElement('table');
    table.id = 'preview-counts';
    const head = table.createTHead().insertRow();
    for (const key of ['col_kind', 'col_created', 'col_updated', 'col_unchanged']) {
      const th = document.createElement('th');
      th.textContent = t(key);
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const [kind, c] of Object.entries(counts)) {
      const row = body.insertRow();
      row.dataset.kind = kind;
      cell(row, t(`kind_${kind}`));
      cell(row, String(c.created));
      cell(row, String(c.updated));
      cell(row, String(c.unchanged));
    }
    return table;
  }

  async function preview() {
    const file = $('bundle-file').files[0];
    const result = $('preview-result');
    result.replaceChildren();
    $('apply-button').hidden = true;
    $('apply-status').textContent = '';
    if (!file) {
      result.textContent = t('choose_file');
      return;
    }
    const r = await api('POST', '/admin/ingest?dry_run=true', file);
    const title = document.createElement('p');
    if (r.ok) {
      state.bundle = file;
      title.textContent = `${t('preview_title')} ${r.data.bundle}`;
      result.append(title, countsTable(r.data.counts));
      $('apply-button').hidden = false;
    } else {
      title.className = 'error';
      title.textContent = t('problems_title');
      const list = document.createElement('ul');
      list.id = 'preview-problems';
      for (const p of (r.data && r.data.problems) || [{ message: problemText(r.data) }]) {
        const li = document.createElement('li');
        li.textContent = describeProblem(p);
        list.appendChild(li);
      }
      result.append(title, list);
    }
  }

  async function apply() {
    $('apply-button').hidden = true;
    const status = $('apply-status');
    const r = await api('POST', '/admin/ingest', state.bundle);
    if (!r.ok) {
      status.className = 'error';
      status.textContent = `${t('error')} ${problemText(r.data)}`;
      return;
    }
    status.className = '';
    status.textContent = `${t('job_queued')} ${r.data.job_id}`;
    const id = r.data.job_id;
    for (let i = 0; i < 240; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const job = await api('GET', `/admin/jobs/${id}`);
      if (!job.ok) continue;
      status.dataset.status = job.data.status;
      status.textContent = `${r.data.bundle}: ${t(`status_${job.data.status}`)}`;
      if (job.data.status === 'succeeded' || job.data.status === 'failed') {
        status.className = job.data.status === 'succeeded' ? 'ok' : 'error';
        if (job.data.problems.length) status.textContent += ` — ${job.data.problems.map(describeProblem).join(' | ')}`;
        return;
      }
    }
  }

  function when(iso) {
    return new Date(iso).toLocaleString(state.lang === 'ru' ? 'ru-RU' : 'en-GB');
  }

  async function loadJobs() {
    const current = latest('jobs');
    const r = await api('GET', '/admin/jobs');
    if (!current()) return;
    const tbody = $('jobs').tBodies[0];
    tbody.replaceChildren();
    if (!r.ok) return emptyRow(tbody, 5, `${t('error')} ${problemText(r.data)}`);
    if (r.data.items.length === 0) emptyRow(tbody, 5, t('no_jobs'));
    for (const job of r.data.items) {
      const row = tbody.insertRow();
      row.dataset.id = job.id;
      cell(row, when(job.created_at));
      cell(row, job.bundle);
      cell(row, job.submitted_by);
      cell(row, t(`status_${job.status}`)).dataset.status = job.status;
      const counts = job.counts ? Object.entries(job.counts)
        .filter(([, c]) => c.created + c.updated + c.unchanged > 0)
        .map(([kind, c]) => `${t(`kind_${kind}`)}: +${c.created} ~${c.updated} =${c.unchanged}`).join('; ') : '';
      cell(row, counts || job.problems.map(describeProblem).join(' | '));
    }
  }

  async function loadAudit() {
    const current = latest('audit');
    const r = await api('GET', `/admin/audit?page=${state.auditPage}&page_size=25`);
    if (!current()) return;
    const tbody = $('audit').tBodies[0];
    tbody.replaceChildren();
    if (!r.ok) return emptyRow(tbody, 5, `${t('error')} ${problemText(r.data)}`);
    state.auditTotal = r.data.total;
    if (r.data.items.length === 0) emptyRow(tbody, 5, t('no_entries'));
    for (const entry of r.data.items) {
      const row = tbody.insertRow();
      cell(row, when(entry.at));
      cell(row, entry.actor);
      cell(row, entry.action);
      cell(row, entry.target);
      const change = [entry.before ? `− ${JSON.stringify(entry.before)}` : null, entry.after ? `+ ${JSON.stringify(entry.after)}` : null]
        .filter(Boolean).join('\n');
      cell(row, change.length > 400 ? `${change.slice(0, 400)}…` : change, 'change');
    }
    const pages = Math.max(1, Math.ceil(state.auditTotal / 25));
    $('audit-page-info').textContent = `${t('page')} ${state.auditPage} ${t('of')} ${pages}`;
    $('audit-prev').disabled = state.auditPage <= 1;
    $('audit-next').disabled = state.auditPage >= pages;
  }

  async function login(event) {
    event.preventDefault();
    $('login-error').textContent = '';
    const r = await api('POST', '/admin/session', { token: $('token').value });
    if (r.ok) {
      $('token').value = '';
      state.csrf = r.data.csrf_token;
      showApp(r.data.name);
    } else {
      $('login-error').textContent = r.status === 429 ? t('login_rate_limited') : r.status === 403 ? t('login_failed') : `${t('error')} ${problemText(r.data)}`;
    }
  }

  async function logout() {
    await api('DELETE', '/admin/session');
    $('who').dataset.name = '';
    showLogin();
  }

  async function start() {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', logout);
    $('lang-toggle').addEventListener('click', async () => {
      state.lang = state.lang === 'en' ? 'ru' : 'en';
      localStorage.setItem('dnd-admin-lang', state.lang);
      await loadStrings();
      if (!$('app-view').hidden) openTab(state.tab);
    });
    document.querySelectorAll('nav button').forEach((b) => b.addEventListener('click', () => openTab(b.dataset.tab)));
    $('search-form').addEventListener('submit', (e) => { e.preventDefault(); state.page = 1; search(); });
    $('prev').addEventListener('click', () => { state.page--; search(); });
    $('next').addEventListener('click', () => { state.page++; search(); });
    $('tr-lang').addEventListener('change', renderTranslationFields);
    $('translation-form').addEventListener('submit', saveTranslation);
    $('ui-search-form').addEventListener('submit', (e) => { e.preventDefault(); searchUi(); });
    $('ui-lang').addEventListener('change', () => { $('ui-text').value = state.uiRow.texts[$('ui-lang').value] ?? ''; });
    $('ui-form').addEventListener('submit', saveUi);
    $('preview-button').addEventListener('click', preview);
    $('apply-button').addEventListener('click', apply);
    $('bundle-file').addEventListener('change', () => { $('apply-button').hidden = true; $('preview-result').replaceChildren(); });
    $('jobs-refresh').addEventListener('click', loadJobs);
    $('audit-prev').addEventListener('click', () => { state.auditPage--; loadAudit(); });
    $('audit-next').addEventListener('click', () => { state.auditPage++; loadAudit(); });

    await loadStrings();
    const session = await api('GET', '/admin/session');
    if (session.ok && session.data.csrf_token) {
      state.csrf = session.data.csrf_token;
      showApp(session.data.name);
    } else {
      showLogin();
    }
  }

  start();
})();
