package cn.talentpolicy.certification;

import cn.talentpolicy.input.GovernmentRecord;

import java.time.LocalDate;

/** A record as a criterion cites it: where it is held, its id there, when it was retrieved, who declared it. */
public record RecordRef(String source, String recordId, LocalDate retrievedOn, boolean selfDeclared) {

    static RecordRef of(GovernmentRecord record) {
        return new RecordRef(record.source(), record.recordId(), record.retrievedOn(), record.isSelfDeclared());
    }

    @Override
    public String toString() {
        return source + ":" + recordId;
    }
}
