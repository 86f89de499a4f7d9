package cn.talentpolicy.certification;

import cn.talentpolicy.input.PersonDto;

import java.util.List;
import java.util.Map;

/**
 * A person put together from records: the facts as the evaluation takes them, which records gave each section
 * of them (by section name: person, education, qualifications, employment, socialInsurance, housing,
 * homePurchase, postdoc, ledger), and the facts left unknown because of stale or conflicting evidence.
 */
record AssembledPerson(PersonDto person, Map<String, List<RecordRef>> sources, List<EvidenceIssue> issues) {
}
