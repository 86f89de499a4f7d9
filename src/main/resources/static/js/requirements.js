// "What would change the answer": for every criterion that did not pass, the requirement it states.
//
// Nothing here is written per policy. The requirement is read from the rules' own metadata as
// GET /api/v1/policies publishes it - every reason a criterion can give, with its message templates - and the
// policy's parameters in force on the as-of date:
//
//  1. The template of the reason the person got is matched against the message they got, which binds its
//     placeholders ({$years} -> 5, {$w.insuranceRegion} -> 370202).
//  2. Rules state the required value first and the actual one after a semicolon ("needs social insurance paid
//     in Jinan (370100); paid in 370202"), so the requirement is the clause before it. A template without one
//     borrows the wording every non-passing reason of the criterion shares ("not combined with the Jinan living
//     subsidy"), else the first clause of another reason of the criterion that can be filled in ("needs
//     graduation within {$years} years"), else the whole message. The first clause of an UNKNOWN reason
//     counts only when every number or date in it is one of the policy's parameters: "{$paid.months} months
//     already paid" is a fact about the person, not a requirement.
//  3. A placeholder the message did not bind is filled from the criterion's parameter, found by the naming
//     convention of rules/: GRADUATION_WINDOW reads <policy>.graduation_window_years, AGE_LIMIT
//     <policy>.age_limit_years.
//  4. Windows and age limits are also stated as the date they imply ("graduated on or after 2021-11-28",
//     "born after 1991-11-28"), computed with the catalogue's date convention (see facts/Dates.java).

// {$name} or {$name|text shown when the value is known to be none}
const PLACEHOLDER = /\{([$\w][\w.$]*)(?:\|[^}]*)?\}/g;
const CLAUSE_END = { en: ';', zh: '；' };
const STOP = /[,:;，：；]/;
const MIN_STEM = { en: 12, zh: 6 };

const PHRASES = {
  graduatedFrom: { en: 'graduated on or after {date}', zh: '{date}（含）以后毕业' },
  startBy: { en: 'started work on or before {date}', zh: '{date}（含）以前入职' },
  bornAfter: { en: 'born after {date}', zh: '{date} 以后出生' },
};

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The placeholder names of a template, in order (with repeats). */
export function placeholders(template) {
  return [...(template || '').matchAll(PLACEHOLDER)].map(m => m[1]);
}

/** The values a filled-in message gives the template's placeholders, or null if it is not that template's. */
export function bind(template, message) {
  if (!template || message == null) {
    return null;
  }
  const names = [];
  let pattern = '^';
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    pattern += escapeRegExp(template.slice(last, m.index)) + '(.*?)';
    names.push(m[1]);
    last = m.index + m[0].length;
  }
  pattern += escapeRegExp(template.slice(last)) + '$';
  const match = new RegExp(pattern, 's').exec(message);
  if (!match) {
    return null;
  }
  const values = {};
  names.forEach((name, i) => {
    if (!(name in values)) {
      values[name] = match[i + 1];
    }
  });
  return values;
}

/** The template with its placeholders filled, or null when one has no value. */
export function fill(template, values) {
  let complete = true;
  const text = template.replace(PLACEHOLDER, (whole, name) => {
    if (values[name] == null) {
      complete = false;
      return whole;
    }
    return String(values[name]);
  });
  return complete ? text : null;
}

function firstClause(template, lang) {
  const end = template.indexOf(CLAUSE_END[lang]);
  return end > 0 ? template.slice(0, end).trim() : null;
}

/** The wording every template shares up to a clause boundary, or null when they share too little. */
function sharedStem(templates, lang) {
  if (templates.length < 2) {
    return null;
  }
  let prefix = templates[0];
  for (const t of templates.slice(1)) {
    let i = 0;
    while (i < prefix.length && i < t.length && prefix[i] === t[i]) {
      i++;
    }
    prefix = prefix.slice(0, i);
  }
  if (!templates.every(t => t.length > prefix.length && STOP.test(t[prefix.length]))) {
    let cut = -1;
    for (let i = prefix.length - 1; i >= 0; i--) {
      if (STOP.test(prefix[i])) {
        cut = i;
        break;
      }
    }
    prefix = cut < 0 ? '' : prefix.slice(0, cut);
  }
  prefix = prefix.replace(/[\s,:;，：；]+$/, '').trim();
  return prefix.length >= MIN_STEM[lang] && !prefix.includes('{') ? prefix : null;
}

/** Every value and effective date of the policy's parameters, as the messages print them (5, 700, 2021-01-01). */
function parameterValues(policy) {
  const values = new Set();
  const add = value => {
    if (value != null && typeof value === 'object') {
      Object.values(value).forEach(add);
    } else if (value != null) {
      values.add(String(value));
    }
  };
  (policy.parameters || []).forEach(p => {
    add(p.value);
    Object.entries(p.values || {}).forEach(([date, value]) => {
      values.add(date);
      add(value);
    });
  });
  return values;
}

/** The policy's parameters a criterion reads by the naming convention (GRADUATION_WINDOW -> graduation_window_years). */
export function linkedParameters(policy, criterion) {
  const id = criterion.toLowerCase();
  return (policy.parameters || []).filter(p => {
    const name = p.key.slice(policy.policyId.length + 1).replace(/_(years|months|days)$/, '');
    return name !== 'in_force' && (id === name || id.endsWith('_' + name));
  });
}

// ---- dates, as facts/Dates.java counts them ---------------------------------------------------------------

function parseDate(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || '');
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
}

export function formatDate(date) {
  return date.toISOString().slice(0, 10);
}

function addDays(date, days) {
  return new Date(date.getTime() + days * 86400000);
}

function isLeap(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The date N years on; 29 February falls on 1 March in a common year (Dates.anniversary). */
export function anniversary(date, years) {
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  if (month === 1 && day === 29 && !isLeap(year)) {
    return new Date(Date.UTC(year, 2, 1));
  }
  return new Date(Date.UTC(year, month, day));
}

function yearsBack(date, years) {
  const year = date.getUTCFullYear() - years;
  const month = date.getUTCMonth();
  const day = Math.min(date.getUTCDate(), month === 1 && !isLeap(year) ? 28 : 31);
  return new Date(Date.UTC(year, month, day));
}

/** The earliest start whose N-year window still includes the date (Dates.withinYears is inclusive). */
export function earliestStartWithin(on, years) {
  let start = yearsBack(on, years);
  while (anniversary(addDays(start, -1), years) >= on) {
    start = addDays(start, -1);
  }
  while (anniversary(start, years) < on) {
    start = addDays(start, 1);
  }
  return start;
}

/** The latest birth date of someone who has turned N by the date; anyone born after it is under N. */
export function latestBirthAged(on, years) {
  let birth = yearsBack(on, years);
  while (anniversary(addDays(birth, 1), years) <= on) {
    birth = addDays(birth, 1);
  }
  while (anniversary(birth, years) > on) {
    birth = addDays(birth, -1);
  }
  return birth;
}

function integer(text) {
  return /^\d+$/.test(String(text ?? '')) ? Number(text) : null;
}

/** The date a window or an age limit implies, as a phrase, or null. */
function impliedDate(criterion, values, reason, asOf, lang) {
  const on = parseDate(asOf);
  if (/GRADUATION_WINDOW$/.test(criterion) && integer(values.$years) != null) {
    const years = integer(values.$years);
    const aboutStart = '$started' in values || (reason.missingFacts || []).includes('employment.startDate');
    if (aboutStart) {
      const graduated = parseDate(values.$graduated || values['$d.graduationDate']);
      return graduated ? PHRASES.startBy[lang].replace('{date}', formatDate(anniversary(graduated, years))) : null;
    }
    return on ? PHRASES.graduatedFrom[lang].replace('{date}', formatDate(earliestStartWithin(on, years))) : null;
  }
  if (/AGE_LIMIT$/.test(criterion) && integer(values.$limit) != null && on) {
    return PHRASES.bornAfter[lang].replace('{date}', formatDate(latestBirthAged(on, integer(values.$limit))));
  }
  return null;
}

// ---- the requirement of one criterion -------------------------------------------------------------------

function criterionDefinition(policy, part, criterion) {
  for (const p of policy.parts || []) {
    if (p.part === part) {
      const found = p.criteria.find(c => c.criterion === criterion);
      if (found) {
        return found;
      }
    }
  }
  return null;
}

/**
 * What a criterion that failed or is unknown requires, in the language:
 * {text, basis, parameter} where text is the requirement ("graduated on or after 2021-11-28"), basis the
 * clause of the rules it was read from when that differs ("needs graduation within 5 years"), and parameter
 * the dated parameter that supplied its number, if any. Null for a passing criterion.
 */
export function requirement(result, policy, asOf, lang) {
  if (result.status === 'PASS') {
    return null;
  }
  // a criterion the engine judged under each reading of an omitted fact: the requirement is the rule's, read
  // from the first reading that did not pass
  const reading = (result.readings || []).find(r => r.status !== 'PASS' && r.message);
  if (reading) {
    return requirement({ ...result, status: reading.status, reasonCode: reading.reasonCode,
      message: reading.message, readings: [] }, policy, asOf, lang);
  }
  const message = (result.message || {})[lang] || '';
  const definition = policy && criterionDefinition(policy, result.part, result.criterion);
  const reason = definition && definition.reasons.find(r => r.reasonCode === result.reasonCode);
  const template = reason && reason.message[lang];
  const values = (template && bind(template, message)) || null;
  if (!values) {
    return { text: message, basis: null, parameter: null };
  }
  const others = definition.reasons.filter(r => r.status !== 'PASS' && r !== reason);
  const parameters = linkedParameters(policy, result.criterion)
    .filter(p => p.value != null && typeof p.value !== 'object');
  const known = parameterValues(policy);
  let parameter = null;
  // A requirement names only what the rules set: a FAIL clause (by the convention of rules/, "required; actual"),
  // or a clause whose every placeholder is a plain variable holding one of the policy's parameter values.
  const statesRequirement = (clause, status) => status === 'FAIL'
    || placeholders(clause).every(name => !name.includes('.') && known.has(String(values[name])));

  const fillFrom = (candidate) => {
    const filled = fill(candidate, values);
    if (filled != null) {
      return filled;
    }
    const unbound = [...new Set(placeholders(candidate).filter(name => values[name] == null))];
    if (unbound.length === 1 && parameters.length === 1) {
      values[unbound[0]] = String(parameters[0].value);
      parameter = parameters[0];
      return fill(candidate, values);
    }
    return null;
  };

  let basis = null;
  const own = firstClause(template, lang);
  if (own) {
    const filled = fillFrom(own);
    basis = filled != null && statesRequirement(own, reason.status) ? filled : null;
  }
  if (basis == null && !own) {
    basis = sharedStem([template, ...others.map(r => r.message[lang])], lang);
  }
  if (basis == null && !own) {
    // Prefer a clause that repeats a value this message gave, then one whose number a parameter supplies
    // ("needs graduation within {$years} years"), then any: the more specific, the more useful.
    const clauses = others.map(r => ({ clause: firstClause(r.message[lang], lang), status: r.status }))
      .filter(c => c.clause);
    const sharing = clauses.filter(c => placeholders(c.clause).some(name => name in values));
    const numbered = clauses.filter(c => placeholders(c.clause).length > 0);
    for (const { clause, status } of [...sharing, ...numbered, ...clauses]) {
      const saved = { ...values };
      const filled = fillFrom(clause);
      if (filled != null && statesRequirement(clause, status)) {
        basis = filled;
        break;
      }
      Object.keys(values).forEach(name => { if (!(name in saved)) delete values[name]; });
      parameter = null;
    }
  }
  if (basis == null) {
    basis = message;
  }
  if (!parameter) {
    parameter = parameters.find(p => Object.values(values).includes(String(p.value))) || null;
  }
  const implied = impliedDate(result.criterion, values, reason, asOf, lang);
  return implied ? { text: implied, basis, parameter } : { text: basis, basis: null, parameter };
}

/**
 * What would change a decision: the requirements of its criteria that did not pass, by part (parts that are
 * already ELIGIBLE are left out), without repeats. {parts: [{part, title, outcome, items: [{criterion,
 * status, text, basis, parameter}]}], any} where any says one passing criterion would be enough.
 */
export function changes(decision, policy, asOf, lang) {
  const partOutcome = new Map((decision.parts || []).map(p => [p.part, p]));
  const byPart = new Map();
  for (const result of decision.criteria || []) {
    const part = partOutcome.get(result.part);
    if (result.status === 'PASS' || (part && part.outcome === 'ELIGIBLE')) {
      continue;
    }
    const found = requirement(result, policy, asOf, lang);
    if (!found || !found.text) {
      continue;
    }
    if (!byPart.has(result.part)) {
      byPart.set(result.part, { part: result.part, title: part && part.title, outcome: part && part.outcome, items: [] });
    }
    const items = byPart.get(result.part).items;
    if (!items.some(i => i.text === found.text)) {
      items.push({ criterion: result.criterion, status: result.status, ...found });
    }
  }
  return { parts: [...byPart.values()], any: !!policy && policy.combine === 'any' };
}
