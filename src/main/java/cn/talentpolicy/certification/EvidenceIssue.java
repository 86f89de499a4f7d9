package cn.talentpolicy.certification;

import java.util.List;

/**
 * Why a fact was not taken from the records: the records that would give it are older than their source
 * allows (STALE), disagree with each other (CONFLICT), or were declared by the person for a criterion that
 * does not accept declarations (SELF_DECLARED). The fact is then unknown, and so is every criterion that needs it.
 *
 * @param field   the fact, as a request path (like {@code socialInsurance.region})
 * @param records the records involved, as {@code SOURCE:recordId}
 */
public record EvidenceIssue(String field, Kind kind, List<String> records, String detail) {

    public enum Kind { STALE, CONFLICT, SELF_DECLARED }
}
