// The page's words in Chinese (the default) and English. Static labels carry data-i18n="key"; index.html holds
// their Chinese, so only their English is listed here. Everything the script writes is listed in both.

const STATIC_EN = {
  'page.title': 'Talent entitlement checker',
  'page.skip': 'Skip to the form',
  'page.intro': 'Fill in what you know to see which talent subsidies you may be entitled to: for each policy the answer, the amount, and every criterion it was judged on. Leave out what you are not sure of: the answer will say what else it needs. Nothing you enter is stored.',
  'form.heading': 'About you',
  'form.unknownHint': 'Leave a field empty or choose "Not sure" when you do not know: empty means unknown, not "none".',
  'errors.heading': 'Please correct the following',
  'section.person': 'Personal details',
  'person.birthDate': 'Date of birth',
  'hint.date': 'Year-month-day, like 1998-05-01',
  'person.nationality': 'Nationality or region',
  'option.unknown': 'Not sure',
  'person.hukouRegion': 'Hukou (household registration) region',
  'hint.region': 'Six-digit region code, like 370102; type a city name to search',
  'section.education': 'Education',
  'degree.add': 'Add a degree',
  'section.work': 'Work and social insurance',
  'employment.employerRegion': 'Where your employer is',
  'employment.employerType': 'Type of employer',
  'employment.dualRegistration': 'Under dual registration (establishment kept at a public body, working full-time in an enterprise)',
  'employment.startDate': 'Date you started this job',
  'socialInsurance.region': 'Where your social insurance is paid',
  'employment.specialZone': 'Do you work in one of these zones?',
  'option.noneOfThese': 'None of these',
  'employment.enclave': 'I work at a talent enclave (my parent employer is in another city)',
  'section.enclave': 'Talent enclave',
  'enclave.parentEmployerRegion': 'Where the parent employer is',
  'enclave.recognised': 'The enclave is officially recognised',
  'section.housing': 'Housing',
  'housing.ownsHome': 'Do you own a home?',
  'housing.ownsHome.no': 'No',
  'housing.ownsHome.yes': 'Yes',
  'section.homes': 'Where your homes are',
  'housing.addHome': 'Add another home',
  'housing.boughtSubsidisedHousing': 'Have you bought talent housing or other subsidised housing?',
  'option.no': 'No',
  'option.yes': 'Yes',
  'housing.bought': 'I bought a home (for the home purchase subsidies)',
  'section.purchase': 'The home you bought',
  'purchase.region': 'Where the home is',
  'purchase.date': 'Purchase date (contract date)',
  'purchase.price': 'Purchase price (CNY)',
  'purchase.firstHomeInCity': 'Is it your first home in that city?',
  'section.more': 'More (optional): titles and honours, postdoc, subsidies already received, date of the check',
  'section.titles': 'Titles, skills and honours',
  'person.professionalTitle': 'Professional title',
  'option.none': 'None',
  'person.skillLevel': 'Vocational skill level',
  'person.honours': 'Honours and talent programmes (any that apply)',
  'postdoc.toggle': 'I am or was at a postdoctoral station',
  'section.postdoc': 'Postdoctoral station',
  'postdoc.entryDate': 'Date you entered the station',
  'postdoc.exitDate': 'Date you left (leave empty if still there)',
  'postdoc.stationRegion': 'Where the station is',
  'employment.contractYears': 'Length of the labour contract after leaving (years)',
  'section.ledger': 'Subsidies already received',
  'ledger.hint': 'If you have already been paid a subsidy, say how many months or how much, so the rest can be worked out.',
  'ledger.add': 'Add a subsidy received',
  'asOf': 'Date of the check (empty for today)',
  'form.submit': 'Check my entitlements',
  'form.reset': 'Clear',
  'results.heading': 'Results',
  'results.empty': 'Fill in the form and choose "Check my entitlements"; the results appear here.',
  'degree.level': 'Level',
  'degree.none': 'No junior college degree or higher',
  'degree.fullTime': 'Full-time study?',
  'degree.graduationDate': 'Graduation date',
  'degree.overseas': 'Overseas degree (abroad, Hong Kong, Macao or Taiwan)',
  'degree.cscseCertified': 'Certified by the CSCSE (Chinese Service Center for Scholarly Exchange)?',
  'degree.doubleFirstClass': 'From a "Double First-Class" university',
  'degree.shortageMajor': 'In a shortage major',
  'degree.remove': 'Remove this degree',
  'housing.homeRegion': 'Where the home is',
  'housing.removeHome': 'Remove',
  'ledger.policyId': 'Subsidy',
  'ledger.part': 'Which part',
  'ledger.monthsPaid': 'Months already paid',
  'ledger.amountPaid': 'Amount already paid (CNY)',
  'ledger.remove': 'Remove this subsidy',
};

const TEXT = {
  zh: {
    'lang.other': 'English',
    'enum.MAINLAND': '中国大陆', 'enum.HONG_KONG': '中国香港', 'enum.MACAO': '中国澳门', 'enum.TAIWAN': '中国台湾',
    'enum.FOREIGN': '外籍',
    'enum.ENTERPRISE': '企业', 'enum.PUBLIC_INSTITUTION': '事业单位', 'enum.GOVERNMENT': '党政机关',
    'enum.SOCIAL_ORGANISATION': '社会组织', 'enum.SELF_EMPLOYED': '个体经营/自由职业',
    'enum.QINGDAO_SCO_ZONE': '上合示范区', 'enum.QINGDAO_FTZ': '青岛自贸片区',
    'enum.FULL_SENIOR': '正高级', 'enum.DEPUTY_SENIOR': '副高级', 'enum.INTERMEDIATE': '中级', 'enum.JUNIOR': '初级',
    'enum.SENIOR_TECHNICIAN': '高级技师', 'enum.TECHNICIAN': '技师', 'enum.SENIOR_WORKER': '高级工',
    'enum.INTERMEDIATE_WORKER': '中级工', 'enum.JUNIOR_WORKER': '初级工',
    'enum.ACADEMICIAN': '两院院士', 'enum.NATIONAL_TOP_AWARD': '国家最高科学技术奖',
    'enum.NATIONAL_LEADING_TALENT': '国家级领军人才计划', 'enum.PROVINCIAL_LEADING_TALENT': '省级领军人才计划',
    'enum.MUNICIPAL_LEADING_TALENT': '市级领军人才计划',
    'enum.DOCTORATE': '博士研究生', 'enum.MASTER': '硕士研究生', 'enum.BACHELOR': '本科',
    'enum.JUNIOR_COLLEGE': '专科（大专）',
    'term.DOCTORATE': '博士', 'term.MASTER': '硕士', 'term.BACHELOR': '本科', 'term.JUNIOR_COLLEGE': '专科',
    'term.ELIGIBLE': '符合', 'term.INELIGIBLE': '不符合', 'term.NEEDS_INFO': '需补充信息',

    'outcome.ELIGIBLE': '符合条件',
    'outcome.INELIGIBLE': '不符合条件',
    'outcome.NEEDS_INFO': '需补充信息',
    'status.PASS': '符合',
    'status.FAIL': '不符合',
    'status.UNKNOWN': '未知',
    'results.loading': '正在查询……',
    'results.summary': '共 {n} 项政策：{eligible} 项符合条件，{needsInfo} 项需补充信息，{ineligible} 项不符合条件。',
    'results.footer': '按 {asOf} 的政策规定判断（规则版本 {version}）。结果仅供参考，以主管部门审核为准。',
    'results.local': '{region}的政策',
    'results.elsewhere': '其他地区的政策',
    'decision.tier': '认定人才类别：{tier} 类',
    'decision.parts': '各部分结论',
    'benefit.MONTHLY': '{amount} 元/月 × {months} 个月 = {total} 元',
    'benefit.YEARLY': '{amount} 元/年 × {years} 年 = {total} 元',
    'benefit.PER_FULL_YEAR': '每满一年 {amount} 元 × {years} 年 = {total} 元',
    'benefit.ONE_OFF': '一次性 {amount} 元',
    'benefit.NEGOTIATED': '金额一事一议',
    'changes.heading': '怎样才能符合',
    'changes.any': '满足以下任意一项即可：',
    'changes.basis': '规则原文：{basis}',
    'changes.parameter': '参数 {key} = {value}',
    'missing.heading': '还需要这些信息：',
    'missing.note': '判断以下政策需要此项：{policies}',
    'explanation.summary': '判断依据（{n} 项条件）',
    'explanation.source': '依据：',
    'errors.network': '无法连接到服务，请稍后再试。',
    'errors.server': '服务出错：{detail}',
    'errors.field': '此项有误：{message}',
    'degree.legend': '学历 {n}',
    'ledger.legend': '已领取的补贴 {n}',
    'ledger.choose': '请选择',
    'ledger.settlingIn': '安家费',
    'ledger.wholePolicy': '整项政策',
  },
  en: {
    'lang.other': '中文',
    'enum.MAINLAND': 'Mainland China', 'enum.HONG_KONG': 'Hong Kong', 'enum.MACAO': 'Macao', 'enum.TAIWAN': 'Taiwan',
    'enum.FOREIGN': 'Foreign national',
    'enum.ENTERPRISE': 'Enterprise', 'enum.PUBLIC_INSTITUTION': 'Public institution', 'enum.GOVERNMENT': 'Government body',
    'enum.SOCIAL_ORGANISATION': 'Social organisation', 'enum.SELF_EMPLOYED': 'Self-employed or freelance',
    'enum.QINGDAO_SCO_ZONE': 'SCO demonstration zone', 'enum.QINGDAO_FTZ': 'Qingdao free-trade zone',
    'enum.FULL_SENIOR': 'Full senior', 'enum.DEPUTY_SENIOR': 'Deputy senior', 'enum.INTERMEDIATE': 'Intermediate',
    'enum.JUNIOR': 'Junior',
    'enum.SENIOR_TECHNICIAN': 'Senior technician', 'enum.TECHNICIAN': 'Technician', 'enum.SENIOR_WORKER': 'Senior worker',
    'enum.INTERMEDIATE_WORKER': 'Intermediate worker', 'enum.JUNIOR_WORKER': 'Junior worker',
    'enum.ACADEMICIAN': 'Academician', 'enum.NATIONAL_TOP_AWARD': 'National top science and technology award',
    'enum.NATIONAL_LEADING_TALENT': 'National leading talent programme',
    'enum.PROVINCIAL_LEADING_TALENT': 'Provincial leading talent programme',
    'enum.MUNICIPAL_LEADING_TALENT': 'Municipal leading talent programme',
    'enum.DOCTORATE': 'Doctorate', 'enum.MASTER': "Master's", 'enum.BACHELOR': "Bachelor's",
    'enum.JUNIOR_COLLEGE': 'Junior college',
    'term.DOCTORATE': 'doctorate', 'term.MASTER': "master's", 'term.BACHELOR': "bachelor's",
    'term.JUNIOR_COLLEGE': 'junior college',

    'outcome.ELIGIBLE': 'Eligible',
    'outcome.INELIGIBLE': 'Not eligible',
    'outcome.NEEDS_INFO': 'Needs more information',
    'status.PASS': 'Met',
    'status.FAIL': 'Not met',
    'status.UNKNOWN': 'Unknown',
    'results.loading': 'Checking…',
    'results.summary': '{n} policies: {eligible} eligible, {needsInfo} need more information, {ineligible} not eligible.',
    'results.footer': 'Judged on the rules in force on {asOf} (ruleset {version}). For guidance only: the bureau\'s review decides.',
    'results.local': 'Policies for {region}',
    'results.elsewhere': 'Policies elsewhere',
    'decision.tier': 'Certified talent tier: {tier}',
    'decision.parts': 'Parts',
    'benefit.MONTHLY': 'CNY {amount} a month × {months} months = CNY {total}',
    'benefit.YEARLY': 'CNY {amount} a year × {years} years = CNY {total}',
    'benefit.PER_FULL_YEAR': 'CNY {amount} per full year × {years} years = CNY {total}',
    'benefit.ONE_OFF': 'CNY {amount}, one-off',
    'benefit.NEGOTIATED': 'amount negotiated case by case',
    'changes.heading': 'What would change the answer',
    'changes.any': 'Any one of these would do:',
    'changes.basis': 'as the rule states it: {basis}',
    'changes.parameter': 'parameter {key} = {value}',
    'missing.heading': 'Still needed:',
    'missing.note': 'Needed to decide: {policies}',
    'explanation.summary': 'How it was decided ({n} criteria)',
    'explanation.source': 'Source: ',
    'errors.network': 'The service could not be reached; please try again.',
    'errors.server': 'The service failed: {detail}',
    'errors.field': 'Please check this: {message}',
    'degree.legend': 'Degree {n}',
    'ledger.legend': 'Subsidy received {n}',
    'ledger.choose': 'Choose',
    'ledger.settlingIn': 'Settling-in allowance',
    'ledger.wholePolicy': 'The whole policy',
  },
};

const ZH_STATIC = {};

/** The text for a key in the language, with {name} placeholders filled from vars. */
export function t(key, lang, vars = {}) {
  const text = TEXT[lang][key] ?? (lang === 'en' ? STATIC_EN[key] : ZH_STATIC[key]) ?? TEXT.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (vars[name] ?? whole));
}

/** Remembers the Chinese that index.html (or a template) holds for its static keys. */
export function remember(root) {
  root.querySelectorAll('[data-i18n]').forEach(el => {
    const key = el.dataset.i18n;
    if (!(key in ZH_STATIC) && !(key in TEXT.zh)) {
      ZH_STATIC[key] = el.textContent;
    }
  });
}

/** Writes every data-i18n element under root in the language. */
export function apply(root, lang) {
  root.querySelectorAll('[data-i18n]').forEach(el => {
    el.textContent = t(el.dataset.i18n, lang);
  });
}

/** Keys used under root that have no text in one of the languages (the browser tests expect none). */
export function missingKeys(root) {
  const missing = [];
  root.querySelectorAll('[data-i18n]').forEach(el => {
    const key = el.dataset.i18n;
    if (!(key in TEXT.en) && !(key in STATIC_EN)) {
      missing.push('en:' + key);
    }
    if (!(key in TEXT.zh) && !(key in ZH_STATIC)) {
      missing.push('zh:' + key);
    }
  });
  return [...new Set(missing)];
}

/** A message from the service with its enum words (MASTER, ELIGIBLE) in plain words of the language. */
export function plainWords(message, lang) {
  return (message || '').replace(/\b[A-Z][A-Z_]{2,}\b/g, word => TEXT[lang]['term.' + word] ?? word);
}
