// The form: which inputs are shown, the request it makes, and the service's answers put back next to the
// inputs they are about. Every input that carries a fact has data-path, the JSON path of that fact in the
// request (person.degrees[0].graduationDate), which is also how the service names it in a problem response
// and, without the list indices and "person.", in missingFacts.

import { apply, t } from './i18n.js';

const PERSON_ID = 'web-checker';
const DEGREE_LEVELS = ['DOCTORATE', 'MASTER', 'BACHELOR', 'JUNIOR_COLLEGE'];
const MAX_DEGREES = 4;
const MAX_HOMES = 10;
const MAX_LEDGER = 10;

let rowCounter = 0;

function visible(el) {
  return !el.closest('[hidden]');
}

/** person.degrees[0].graduationDate -> person.degrees.graduationDate */
export function factOf(path) {
  return path.replace(/\[\d+]/g, '');
}

function setPath(target, path, value) {
  const keys = path.match(/[^.[\]]+/g).map(k => (/^\d+$/.test(k) ? Number(k) : k));
  let node = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
    } else {
      if (node[key] == null) {
        node[key] = typeof keys[i + 1] === 'number' ? [] : {};
      }
      node = node[key];
    }
  });
}

function valueOf(control) {
  const type = control.dataset.type;
  if (type === 'flag') {
    return control.checked ? true : undefined;
  }
  const raw = (control.value || '').trim();
  if (raw === '') {
    return undefined;
  }
  if (type === 'boolean') {
    return raw === 'true';
  }
  if (type === 'number') {
    // Anything else goes as typed, so that the service names the field it cannot read.
    return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }
  return raw;
}

export class CheckerForm {

  constructor(form, lang) {
    this.form = form;
    this.lang = lang;
    this.policies = [];
    this.degrees = form.querySelector('#degrees');
    this.homes = form.querySelector('#home-list');
    this.ledger = form.querySelector('#ledger-list');
    form.querySelector('#add-degree').addEventListener('click', () => this.focusFirst(this.addDegree()));
    form.querySelector('#add-home').addEventListener('click', () => this.focusFirst(this.addHome()));
    form.querySelector('#add-ledger').addEventListener('click', () => this.focusFirst(this.addLedger()));
    form.addEventListener('input', () => this.update());
    form.addEventListener('change', () => this.update());
    form.addEventListener('reset', () => setTimeout(() => this.clear(), 0));
    this.addDegree();
    this.update();
  }

  // ---- rows that repeat ---------------------------------------------------------------------------------

  row(templateId, container, legendKey) {
    const uid = ++rowCounter;
    const fragment = document.getElementById(templateId).content.cloneNode(true);
    const row = fragment.firstElementChild;
    row.dataset.row = uid;
    row.querySelectorAll('[data-name]').forEach(control => {
      control.id = `f-${templateId.replace('-template', '')}${uid}-${control.dataset.name}`;
      const label = row.querySelector(`label[data-for="${control.dataset.name}"]`);
      if (label) {
        label.htmlFor = control.id;
      }
      const hint = row.querySelector(`[data-hint-for="${control.dataset.name}"]`);
      if (hint) {
        hint.id = control.id + '-hint';
        control.setAttribute('aria-describedby', hint.id);
      }
    });
    row.querySelector('.remove').addEventListener('click', () => {
      row.remove();
      this.renumber();
      this.update();
      this.form.querySelector(`#add-${templateId.replace('-template', '')}`).focus();
    });
    row.dataset.legend = legendKey || '';
    apply(row, this.lang);
    container.appendChild(row);
    this.renumber();
    return row;
  }

  addDegree() {
    const row = this.row('degree-template', this.degrees, 'degree.legend');
    this.update();
    return row;
  }

  addHome() {
    const row = this.row('home-template', this.homes);
    this.update();
    return row;
  }

  addLedger() {
    const row = this.row('ledger-template', this.ledger, 'ledger.legend');
    const policy = row.querySelector('[data-name="policyId"]');
    this.fillLedgerPolicies(policy);
    policy.addEventListener('change', () => this.fillLedgerParts(row));
    this.update();
    return row;
  }

  focusFirst(row) {
    const first = row.querySelector('input, select');
    if (first) {
      first.focus();
    }
  }

  renumber() {
    [this.degrees, this.ledger].forEach(container => {
      [...container.children].forEach((row, i) => {
        const legend = row.querySelector('legend');
        if (legend) {
          legend.textContent = t(row.dataset.legend, this.lang, { n: i + 1 });
        }
      });
    });
    [...this.degrees.children].forEach(row => {
      row.querySelector('.remove').hidden = this.degrees.children.length === 1;
    });
  }

  /** The policies from GET /api/v1/policies that pay money (a parameter in CNY), for the ledger's choices. */
  setPolicies(policies) {
    this.policies = policies.filter(p => p.kind === 'decision'
      && (p.parameters || []).some(param => (param.unit || '').includes('CNY')));
    this.ledger.querySelectorAll('[data-name="policyId"]').forEach(select => this.fillLedgerPolicies(select));
  }

  fillLedgerPolicies(select) {
    const chosen = select.value;
    select.replaceChildren(new Option(t('ledger.choose', this.lang), ''));
    this.policies.forEach(p => select.add(new Option(p.title[this.lang] || p.policyId, p.policyId)));
    select.add(new Option(t('ledger.settlingIn', this.lang), 'settling_in_allowance'));
    select.value = chosen;
    this.fillLedgerParts(select.closest('.ledger'));
  }

  fillLedgerParts(row) {
    const policy = this.policies.find(p => p.policyId === row.querySelector('[data-name="policyId"]').value);
    const select = row.querySelector('[data-name="part"]');
    const chosen = select.value;
    const parts = policy ? policy.parts.filter(p => p.part !== 'main' || policy.parts.length > 1) : [];
    select.replaceChildren(new Option(t('ledger.wholePolicy', this.lang), ''));
    parts.forEach(p => select.add(new Option((p.title && p.title[this.lang]) || p.part, p.part)));
    select.value = parts.some(p => p.part === chosen) ? chosen : '';
    row.querySelector('.ledger-part').hidden = parts.length < 2;
  }

  // ---- what is shown ------------------------------------------------------------------------------------

  /** Shows the inputs the answers so far make relevant, and only those. */
  update() {
    const value = id => this.form.querySelector('#' + id).value;
    const checked = id => this.form.querySelector('#' + id).checked;
    let noDegree = false;
    [...this.degrees.children].forEach((row, i) => {
      const level = row.querySelector('[data-name="level"]').value;
      row.querySelector('.degree-details').hidden = !DEGREE_LEVELS.includes(level);
      row.querySelector('.cscse').hidden = !row.querySelector('[data-name="overseas"]').checked;
      noDegree = noDegree || (i === 0 && level === 'NONE');
    });
    this.form.querySelector('#add-degree').hidden = noDegree || this.degrees.children.length >= MAX_DEGREES;
    [...this.degrees.children].slice(1).forEach(row => { row.hidden = noDegree; });

    const employerType = value('f-employerType');
    this.form.querySelector('#dual-registration').hidden =
      !(employerType === 'PUBLIC_INSTITUTION' || employerType === 'GOVERNMENT');
    // The special zones are Qingdao's (the values are QINGDAO_*): asked only of people who work there.
    this.form.querySelector('#special-zone').hidden = !value('f-employerRegion').trim().startsWith('3702');
    this.form.querySelector('#enclave').hidden = !checked('f-enclave');

    const ownsHome = value('f-ownsHome') === 'yes';
    this.form.querySelector('#homes').hidden = !ownsHome;
    if (ownsHome && this.homes.children.length === 0) {
      this.addHome();
    }
    [...this.homes.children].forEach(row => { row.querySelector('.remove').hidden = this.homes.children.length === 1; });
    this.form.querySelector('#add-home').hidden = this.homes.children.length >= MAX_HOMES;
    this.form.querySelector('#purchase').hidden = !checked('f-bought');
    this.form.querySelector('#postdoc').hidden = !checked('f-postdoc');
    this.form.querySelector('#add-ledger').hidden = this.ledger.children.length >= MAX_LEDGER;
  }

  clear() {
    [...this.degrees.children].forEach(row => row.remove());
    [...this.homes.children].forEach(row => row.remove());
    [...this.ledger.children].forEach(row => row.remove());
    this.addDegree();
    this.clearErrors();
    this.clearMissing();
    this.update();
  }

  /** Pre-fills the region inputs that are still empty (the region preset of an embedded checker). */
  preset(region) {
    ['f-hukouRegion', 'f-employerRegion', 'f-insuranceRegion', 'f-purchaseRegion'].forEach(id => {
      const input = this.form.querySelector('#' + id);
      if (!input.value) {
        input.value = region;
      }
    });
    this.update();
  }

  setLanguage(lang) {
    this.lang = lang;
    this.renumber();
    this.ledger.querySelectorAll('[data-name="policyId"]').forEach(select => this.fillLedgerPolicies(select));
  }

  // ---- the request --------------------------------------------------------------------------------------

  /** Gives the repeated rows that hold a fact their list index, in order, so that problems map back. */
  indexRows() {
    const index = (rows, listPath, filled) => {
      let n = 0;
      rows.forEach(row => {
        const used = visible(row) && filled(row);
        row.querySelectorAll('[data-name]').forEach(control => {
          if (used) {
            control.dataset.path = control.dataset.name === 'home'
              ? `${listPath}[${n}]` : `${listPath}[${n}].${control.dataset.name}`;
          } else {
            delete control.dataset.path;
          }
        });
        if (used) {
          n++;
        }
      });
    };
    index([...this.degrees.children], 'person.degrees',
      row => DEGREE_LEVELS.includes(row.querySelector('[data-name="level"]').value));
    index([...this.homes.children], 'person.housing.homesOwnedRegions',
      row => row.querySelector('[data-name="home"]').value.trim() !== '');
    index([...this.ledger.children], 'person.ledger',
      row => row.querySelector('[data-name="policyId"]').value !== '');
  }

  /** The POST /api/v1/evaluations body: what is filled in; what is empty is left out (unknown). */
  request() {
    this.indexRows();
    const request = { person: { id: PERSON_ID } };
    this.form.querySelectorAll('[data-creates]').forEach(box => {
      if (box.checked && visible(box)) {
        setPath(request, box.dataset.creates, {});
      }
    });
    this.form.querySelectorAll('[data-path]').forEach(control => {
      if (!visible(control) || control.closest('template')) {
        return;
      }
      const value = valueOf(control);
      if (value !== undefined) {
        setPath(request, control.dataset.path, value);
      }
    });
    const lists = {};
    this.form.querySelectorAll('[data-list]').forEach(box => {
      if (box.checked && visible(box)) {
        (lists[box.dataset.list] = lists[box.dataset.list] || []).push(box.value);
      }
    });
    Object.entries(lists).forEach(([path, values]) => setPath(request, path, values));

    const person = request.person;
    if (!person.degrees && this.degrees.firstElementChild.querySelector('[data-name="level"]').value === 'NONE') {
      person.degrees = [];
    }
    const ownsHome = this.form.querySelector('#f-ownsHome').value;
    if (ownsHome === 'no') {
      setPath(request, 'person.housing.homesOwnedRegions', []);
    }
    return request;
  }

  // ---- answers put back next to the inputs ---------------------------------------------------------------

  /** The input a problem's field path names, or the nearest one: person.employment.enclave -> its first input. */
  controlFor(field) {
    const controls = [...this.form.querySelectorAll('[data-path], [data-fact]')].filter(visible);
    const path = c => c.dataset.path || c.dataset.fact;
    let found = controls.find(c => path(c) === field);
    if (!found) {
      found = controls.find(c => path(c).startsWith(field + '.') || path(c).startsWith(field + '['));
    }
    if (!found && field.includes('.')) {
      return this.controlFor(field.replace(/(\.[^.]*|\[\d+])$/, ''));
    }
    return found || null;
  }

  /** The inputs that would supply a fact named in missingFacts (degrees.graduationDate: every degree's date). */
  controlsForFact(fact) {
    const wanted = 'person.' + fact;
    const controls = [...this.form.querySelectorAll('[data-path], [data-fact]')].filter(visible);
    const path = c => factOf(c.dataset.path || c.dataset.fact);
    const exact = controls.filter(c => path(c) === wanted);
    if (exact.length) {
      return exact;
    }
    const inside = controls.find(c => path(c).startsWith(wanted + '.'));
    return inside ? [inside] : [];
  }

  labelOf(control) {
    const label = control.labels && control.labels[0];
    return label ? label.textContent.trim() : control.id;
  }

  wrapperOf(control) {
    return control.closest('.field') || control.parentElement;
  }

  describe(control, id) {
    const ids = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    if (!ids.includes(id)) {
      control.setAttribute('aria-describedby', [...ids, id].join(' '));
    }
  }

  undescribe(control, id) {
    const ids = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter(x => x && x !== id);
    if (ids.length) {
      control.setAttribute('aria-describedby', ids.join(' '));
    } else {
      control.removeAttribute('aria-describedby');
    }
  }

  note(control, kind, text) {
    const id = `${control.id}-${kind}`;
    let note = this.form.querySelector('#' + id);
    if (!note) {
      note = document.createElement('p');
      note.id = id;
      note.className = kind === 'error' ? 'error-message' : 'needed-message';
      const wrapper = this.wrapperOf(control);
      const label = wrapper.querySelector('label');
      if (label && label.nextSibling && !control.matches('[type="checkbox"]')) {
        wrapper.insertBefore(note, control);
      } else {
        wrapper.appendChild(note);
      }
    }
    note.textContent = text;
    this.describe(control, id);
    return note;
  }

  clearErrors() {
    this.form.querySelectorAll('.error-message').forEach(note => note.remove());
    this.form.querySelectorAll('[aria-invalid]').forEach(control => {
      control.removeAttribute('aria-invalid');
      this.undescribe(control, control.id + '-error');
    });
    this.form.querySelectorAll('.field.invalid').forEach(field => field.classList.remove('invalid'));
    const summary = this.form.querySelector('#error-summary');
    summary.hidden = true;
    summary.querySelector('#error-list').replaceChildren();
  }

  /**
   * Shows a problem response: each of its errors next to the input it names (the JSON path in the request),
   * all of them in a summary at the top of the form that links to the inputs, and moves focus to the summary.
   */
  showErrors(errors, fallback) {
    this.clearErrors();
    const list = this.form.querySelector('#error-list');
    const items = errors && errors.length ? errors : [{ field: null, message: fallback }];
    items.forEach(error => {
      const control = error.field ? this.controlFor(error.field) : null;
      const message = this.lang === 'zh' && error.field ? t('errors.field', 'zh', { message: error.message }) : error.message;
      const item = document.createElement('li');
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        this.wrapperOf(control).classList.add('invalid');
        this.note(control, 'error', message);
        const details = control.closest('details');
        if (details) {
          details.open = true;
        }
        const link = document.createElement('a');
        link.href = '#' + control.id;
        link.textContent = `${this.labelOf(control)}: ${message}`;
        link.addEventListener('click', event => {
          event.preventDefault();
          control.focus();
        });
        item.appendChild(link);
      } else {
        item.textContent = error.field ? `${error.field}: ${message}` : message;
      }
      list.appendChild(item);
    });
    const summary = this.form.querySelector('#error-summary');
    summary.hidden = false;
    summary.focus();
  }

  clearMissing() {
    this.form.querySelectorAll('.needed-message').forEach(note => {
      const control = this.form.querySelector('#' + note.id.replace(/-needed$/, ''));
      if (control) {
        this.undescribe(control, note.id);
      }
      note.remove();
    });
    this.form.querySelectorAll('.field.needed').forEach(field => field.classList.remove('needed'));
  }

  /**
   * Marks the inputs of the facts the decisions wait for (missingFacts), each with the policies that need it.
   * Returns, per fact, the inputs found, for the links in the results.
   */
  showMissing(decisions, titleOf) {
    this.clearMissing();
    const byFact = new Map();
    decisions.forEach(decision => (decision.missingFacts || []).forEach(fact => {
      if (!byFact.has(fact)) {
        byFact.set(fact, []);
      }
      byFact.get(fact).push(titleOf(decision));
    }));
    const found = new Map();
    byFact.forEach((policies, fact) => {
      const controls = this.controlsForFact(fact).filter(c => !c.value);
      found.set(fact, controls);
      controls.forEach(control => {
        this.wrapperOf(control).classList.add('needed');
        this.note(control, 'needed', t('missing.note', this.lang, { policies: policies.join(this.lang === 'zh' ? '、' : ', ') }));
      });
    });
    return found;
  }
}
