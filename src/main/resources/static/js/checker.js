// The talent entitlement checker: a client of the service's public API (POST api/v1/evaluations,
// GET api/v1/policies), served by the service itself. URLs are relative, so the page also works behind a
// gateway that serves the service under a path.
//
// Query parameters (all optional), also used by embedders (see README, "Embedding the checker"):
//   lang=zh|en       the language (default zh)
//   region=370100    pre-fills the region inputs and lists the policies that concern the region first
//   policies=a,b     answers for these policy ids only
//   asOf=2026-11-28  the date of the check (default today in Asia/Shanghai, as the service decides)
//   embed=1          compact layout for an iframe; the page tells its parent its height

import { apply, missingKeys, remember, t } from './i18n.js';
import { CheckerForm } from './form.js';
import { renderResults, summaryText } from './results.js';
import { REGIONS } from './regions.js';
import * as requirements from './requirements.js';

const params = new URLSearchParams(location.search);
const state = {
  lang: params.get('lang') === 'en' ? 'en' : 'zh',
  region: /^\d{6}$/.test(params.get('region') || '') ? params.get('region') : null,
  policies: (params.get('policies') || '').split(',').map(p => p.trim()).filter(p => /^[a-z][a-z0-9_]*$/.test(p)),
  embedded: params.get('embed') === '1',
  evaluation: null,
  errors: null,
  submissions: 0,
};

const catalogues = new Map();

/** GET api/v1/policies?date=..., once per date: the criteria, reasons and parameters the page explains with. */
function catalogue(date) {
  const key = date || '';
  if (!catalogues.has(key)) {
    catalogues.set(key, fetch('api/v1/policies' + (date ? '?date=' + encodeURIComponent(date) : ''))
      .then(response => (response.ok ? response.json() : Promise.reject(new Error(response.statusText))))
      .catch(error => {
        catalogues.delete(key);
        throw error;
      }));
  }
  return catalogues.get(key);
}

const formElement = document.getElementById('checker-form');
const results = document.getElementById('results');
const resultsHeading = document.getElementById('results-heading');
const status = document.getElementById('results-status');
const list = document.getElementById('results-list');
const footer = document.getElementById('results-footer');
const toggle = document.getElementById('lang-toggle');

remember(document);
['degree-template', 'home-template', 'ledger-template'].forEach(id => remember(document.getElementById(id).content));
const form = new CheckerForm(formElement, state.lang);

function fillRegions() {
  const datalist = document.getElementById('region-list');
  datalist.replaceChildren(...REGIONS.map(([code, zh, en]) => {
    const option = document.createElement('option');
    option.value = code;
    option.label = state.lang === 'zh' ? zh : en;
    return option;
  }));
}

function setLanguage(lang) {
  state.lang = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  apply(document, lang);
  toggle.textContent = t('lang.other', lang);
  toggle.lang = lang === 'zh' ? 'en' : 'zh-CN';
  fillRegions();
  form.setLanguage(lang);
  if (state.errors) {
    form.showErrors(state.errors.errors, state.errors.fallback);
    status.textContent = t('errors.heading', lang);
  } else if (state.evaluation) {
    show();
  } else {
    status.textContent = t('results.empty', lang);
  }
  const url = new URL(location.href);
  url.searchParams.set('lang', lang);
  history.replaceState(null, '', url);
}

async function show() {
  const evaluation = state.evaluation;
  const policies = await catalogue(evaluation.asOf);
  const missingLinks = form.showMissing(evaluation.decisions, d => d.title[state.lang] || d.policyId);
  renderResults(list, evaluation, policies, state.lang, { region: state.region, missingLinks });
  status.textContent = summaryText(evaluation, state.lang);
  footer.textContent = t('results.footer', state.lang, { asOf: evaluation.asOf, version: evaluation.rulesetVersion });
  footer.hidden = false;
}

function finished(outcome) {
  results.removeAttribute('aria-busy');
  results.dataset.state = outcome;
  results.dataset.submissions = String(state.submissions);
}

async function submit(event) {
  event.preventDefault();
  if (results.getAttribute('aria-busy') === 'true') {
    return;
  }
  state.submissions++;
  results.setAttribute('aria-busy', 'true');
  form.clearErrors();
  form.clearMissing();
  state.errors = null;
  status.textContent = t('results.loading', state.lang);
  const request = form.request();
  if (state.policies.length) {
    request.policies = state.policies;
  }
  let response;
  let body = null;
  try {
    response = await fetch('api/v1/evaluations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify(request),
    });
    body = await response.json().catch(() => null);
  } catch (error) {
    response = null;
  }
  if (!response || !response.ok) {
    state.evaluation = null;
    list.replaceChildren();
    footer.hidden = true;
    state.errors = {
      errors: body && body.errors,
      fallback: body && body.detail ? t('errors.server', state.lang, { detail: body.detail }) : t('errors.network', state.lang),
    };
    status.textContent = t('errors.heading', state.lang);
    form.showErrors(state.errors.errors, state.errors.fallback);
    finished('error');
    return;
  }
  state.evaluation = body;
  try {
    await show();
    finished('done');
  } catch (error) {
    status.textContent = t('errors.network', state.lang);
    finished('error');
  }
  resultsHeading.focus();
}

function reportHeight() {
  // In an iframe, tell the embedding page how tall the checker is (embed.js listens), so it never scrolls twice.
  if (window.parent !== window) {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    window.parent.postMessage({ type: 'talent-checker:height', height }, '*');
  }
}

formElement.addEventListener('submit', submit);
toggle.addEventListener('click', () => setLanguage(state.lang === 'zh' ? 'en' : 'zh'));
if (state.embedded) {
  document.body.classList.add('embedded');
}
if (params.get('asOf')) {
  document.getElementById('f-asOf').value = params.get('asOf');
}
if (state.region) {
  form.preset(state.region);
}
setLanguage(state.lang);
new ResizeObserver(reportHeight).observe(document.documentElement);

// For integrators' scripts and the browser tests: the requirement derivation and the loaded state.
window.talentChecker = {
  requirements, catalogue, state, request: () => form.request(), missingKeys: () => missingKeys(document),
};
catalogue().then(listing => form.setPolicies(listing.policies))
  .catch(() => {})
  .finally(() => { document.documentElement.dataset.ready = 'true'; });
