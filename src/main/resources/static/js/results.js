// The answer, per policy: the outcome, what it pays, what would change it, and every criterion with its
// mark, message and source - all from the evaluation response and the policy listing.

import { plainWords, t } from './i18n.js';
import { changes } from './requirements.js';
import { cityName, regionName } from './regions.js';

const OUTCOME_ORDER = { ELIGIBLE: 0, NEEDS_INFO: 1, INELIGIBLE: 2 };
const MARKS = { PASS: '✓', FAIL: '✗', UNKNOWN: '?' };

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value == null || value === false) {
      return;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().filter(c => c != null).forEach(c => node.append(c));
  return node;
}

function money(amount, lang) {
  return Number(amount).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 });
}

/** A benefit in words: "1,000 元/月 × 36 个月 = 36,000 元", "一次性 100,000 元". */
export function benefitText(benefit, lang) {
  return t('benefit.' + benefit.kind, lang, {
    amount: benefit.amount == null ? '' : money(benefit.amount, lang),
    total: benefit.total == null ? '' : money(benefit.total, lang),
    months: benefit.months,
    years: benefit.years,
  });
}

/** The six-digit region codes a policy's messages name: where it applies (370100 for Jinan's policies). */
function policyRegions(policy) {
  const codes = new Set();
  (policy.parts || []).forEach(part => part.criteria.forEach(c => c.reasons.forEach(r => {
    [r.message.zh, r.message.en].forEach(text => (text || '').match(/\b\d{6}\b/g)?.forEach(code => codes.add(code)));
  })));
  return codes;
}

/**
 * How closely a policy concerns a region preset: its messages name the region (3) or its city (2), its title
 * names the city (2), or it applies to the whole province (1); 0 when it is about somewhere else.
 */
export function relevance(policy, region) {
  if (!policy || !/^\d{6}$/.test(region || '')) {
    return 0;
  }
  let score = 0;
  for (const code of policyRegions(policy)) {
    if (code === region) {
      score = Math.max(score, 3);
    } else if (!code.endsWith('0000') && !region.endsWith('0000') && code.slice(0, 4) === region.slice(0, 4)) {
      score = Math.max(score, 2);
    } else if (code.endsWith('0000') && code.slice(0, 2) === region.slice(0, 2)) {
      score = Math.max(score, 1);
    }
  }
  const city = cityName(region, 'zh');
  if (city && (policy.title.zh || '').includes(city)) {
    score = Math.max(score, 2);
  }
  return score;
}

function outcomeBadge(outcome, lang) {
  return el('span', { class: `badge badge-${outcome.toLowerCase().replace('_', '-')}` },
    el('span', { 'aria-hidden': 'true', text: outcome === 'ELIGIBLE' ? '✓ ' : outcome === 'INELIGIBLE' ? '✗ ' : '? ' }),
    t('outcome.' + outcome, lang));
}

function criterionItem(result, lang) {
  return el('li', { class: `criterion status-${result.status.toLowerCase()}`, 'data-criterion': result.criterion,
    'data-status': result.status },
  el('span', { class: 'mark' },
    el('span', { 'aria-hidden': 'true', text: MARKS[result.status] + ' ' }), t('status.' + result.status, lang)),
  el('span', { class: 'criterion-text' },
    el('span', { class: 'message', text: plainWords(result.message[lang], lang) }),
    el('span', { class: 'source' }, el('span', { class: 'source-label', text: t('explanation.source', lang) }),
      el('cite', { text: result.source }))));
}

function changesSection(decision, policy, asOf, lang, missingLinks, level) {
  const found = changes(decision, policy, asOf, lang);
  const missing = decision.outcome === 'NEEDS_INFO' ? decision.missingFacts || [] : [];
  if (!found.parts.length && !missing.length) {
    return null;
  }
  const section = el('section', { class: 'changes', 'aria-labelledby': `changes-${decision.policyId}` },
    el('h' + level, { id: `changes-${decision.policyId}`, text: t('changes.heading', lang) }));
  if (found.any) {
    section.append(el('p', { text: t('changes.any', lang) }));
  }
  found.parts.forEach(part => {
    const list = el('ul', { class: 'requirements' }, part.items.map(item => el('li', {
      class: `requirement status-${item.status.toLowerCase()}`, 'data-criterion': item.criterion,
      'data-status': item.status,
    },
    el('span', { class: 'requirement-text', text: plainWords(item.text, lang) }),
    item.basis ? el('span', { class: 'requirement-basis', text: t('changes.basis', lang, { basis: plainWords(item.basis, lang) }) }) : null,
    item.parameter ? el('span', { class: 'requirement-parameter',
      text: t('changes.parameter', lang, { key: item.parameter.key, value: item.parameter.value }) }) : null)));
    if (part.title && (decision.parts || []).length > 1) {
      section.append(el('h' + (level + 1), { text: part.title[lang] || part.part }));
    }
    section.append(list);
  });
  if (missing.length) {
    const links = missing.map(fact => {
      const controls = missingLinks.get(fact) || [];
      if (!controls.length) {
        return el('li', { text: fact });
      }
      return el('li', {}, el('a', { href: '#' + controls[0].id, 'data-fact': fact,
        text: controls[0].labels && controls[0].labels[0] ? controls[0].labels[0].textContent.trim() : fact }));
    });
    section.append(el('p', { class: 'missing-heading', text: t('missing.heading', lang) }),
      el('ul', { class: 'missing' }, links));
  }
  return section;
}

function decisionCard(decision, policy, asOf, lang, missingLinks, level) {
  const titleId = `decision-${decision.policyId}`;
  const card = el('article', {
    class: `decision outcome-${decision.outcome.toLowerCase().replace('_', '-')}`,
    'data-policy': decision.policyId, 'data-outcome': decision.outcome, 'aria-labelledby': titleId,
  },
  el('header', { class: 'decision-header' },
    el('h' + level, { id: titleId, text: decision.title[lang] || decision.policyId }),
    outcomeBadge(decision.outcome, lang)));
  if (decision.certifiedTier) {
    card.append(el('p', { class: 'tier', text: t('decision.tier', lang, { tier: decision.certifiedTier }) }));
  }
  if (decision.benefits.length) {
    card.append(el('ul', { class: 'benefits' }, decision.benefits.map(b => {
      const part = (decision.parts || []).find(p => p.part === b.part && p.title);
      return el('li', { class: 'benefit', 'data-kind': b.kind },
        part ? el('span', { class: 'benefit-part', text: part.title[lang] + '：' }) : null,
        el('strong', { text: benefitText(b, lang) }));
    })));
  }
  if ((decision.parts || []).length > 1) {
    card.append(el('ul', { class: 'parts', 'aria-label': t('decision.parts', lang) }, decision.parts.map(p =>
      el('li', { 'data-part': p.part }, el('span', { text: ((p.title && p.title[lang]) || p.part) + ' ' }),
        outcomeBadge(p.outcome, lang)))));
  }
  const change = changesSection(decision, policy, asOf, lang, missingLinks, level + 1);
  if (change) {
    card.append(change);
  }
  const details = el('details', { class: 'explanation', open: decision.outcome === 'ELIGIBLE' },
    el('summary', { text: t('explanation.summary', lang, { n: decision.criteria.length }) }),
    el('ol', { class: 'criteria' }, decision.criteria.map(c => criterionItem(c, lang))));
  card.append(details);
  return card;
}

function byOutcome(a, b) {
  return OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome] || a.policyId.localeCompare(b.policyId);
}

/**
 * Renders an evaluation into the results list. With a region preset, the policies that concern the region
 * (or its province) come first under their own heading; within a group, eligible first, then those needing
 * information, then the rest.
 */
export function renderResults(container, evaluation, catalogue, lang, { region, missingLinks }) {
  const policies = new Map(catalogue.policies.map(p => [p.policyId, p]));
  const decisions = [...evaluation.decisions].sort(byOutcome);
  const card = level => d => decisionCard(d, policies.get(d.policyId), evaluation.asOf, lang, missingLinks, level);
  container.replaceChildren();
  if (region) {
    const local = decisions.filter(d => relevance(policies.get(d.policyId), region) > 0);
    const elsewhere = decisions.filter(d => !local.includes(d));
    const name = regionName(region, lang) || region;
    if (local.length) {
      container.append(el('section', { class: 'group', 'data-group': 'local' },
        el('h3', { class: 'group-heading', text: t('results.local', lang, { region: name }) }), local.map(card(4))));
    }
    if (elsewhere.length) {
      container.append(el('section', { class: 'group', 'data-group': 'elsewhere' },
        el('h3', { class: 'group-heading', text: t('results.elsewhere', lang) }), elsewhere.map(card(4))));
    }
  } else {
    decisions.forEach(d => container.append(card(3)(d)));
  }
}

export function summaryText(evaluation, lang) {
  const count = outcome => evaluation.decisions.filter(d => d.outcome === outcome).length;
  return t('results.summary', lang, {
    n: evaluation.decisions.length, eligible: count('ELIGIBLE'), needsInfo: count('NEEDS_INFO'),
    ineligible: count('INELIGIBLE'),
  });
}
