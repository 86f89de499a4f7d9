package cn.talentpolicy.register;

import cn.talentpolicy.input.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Checks the register from its first record to its head: every record follows the one before it (seq one more,
 * previous hash its hash), its hash is the hash of its own fields, what is left of its input and answer has the
 * digests it was recorded with, and the head names the last record. Reads the records in order, a thousand at
 * a time, so the whole register is never in memory. Used by {@code GET /api/v1/decisions/verification} and by
 * {@code ./talent register verify}.
 */
public final class ChainCheck {

    /**
     * What the check found.
     *
     * @param records    records checked (up to and including the first that breaks the chain)
     * @param intact     whether every record and the head are as they were written
     * @param firstBroken the first record that breaks the chain, or null if it is intact
     */
    public record Report(long records, boolean intact, Broken firstBroken, long headSeq, String headHash) {
    }

    /** Where the chain breaks: the record's position and id (null if the record is missing), and what is wrong. */
    public record Broken(long seq, String id, String problem) {
    }

    private ChainCheck() {
    }

    public static Report run(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return transactions.execute(status -> {
            long[] head = new long[1];
            String[] headHash = new String[1];
            jdbc.query("select seq, hash from register_head where id = 1", (ResultSet rs) -> {
                head[0] = rs.getLong(1);
                headHash[0] = rs.getString(2);
            });
            Walk walk = new Walk();
            jdbc.query(con -> {
                PreparedStatement statement = con.prepareStatement("select * from decisions order by seq");
                statement.setFetchSize(1000);
                return statement;
            }, (ResultSet rs) -> {
                if (walk.broken == null) {
                    walk.next(DecisionRegister.read(rs, 0));
                }
            });
            if (headHash[0] == null) {
                return new Report(walk.records, false, new Broken(walk.seq, walk.lastId, "the register's head (the"
                        + " row of register_head that names the last record) is missing"), walk.seq, walk.previous);
            }
            if (walk.broken == null && (walk.seq != head[0] || !walk.previous.equals(headHash[0]))) {
                walk.broken = walk.seq < head[0]
                        ? new Broken(walk.seq + 1, null, "missing: the register's head is record " + head[0]
                        + " but the records end at " + walk.seq)
                        : new Broken(walk.seq, walk.lastId, "the register's head (record " + head[0]
                        + ", hash " + headHash[0] + ") does not name the last record");
            }
            return new Report(walk.records, walk.broken == null, walk.broken, head[0], headHash[0]);
        });
    }

    private static final class Walk {
        long seq;
        long records;
        String previous = Chain.GENESIS;
        String lastId;
        Broken broken;

        void next(RecordedDecision r) {
            records++;
            NewDecision d = r.decision();
            if (r.seq() != seq + 1) {
                broken = new Broken(seq + 1, null, "missing: record " + (seq + 1) + " is not in the register (the"
                        + " next is " + r.seq() + ", " + d.id() + ")");
            } else if (!r.previousHash().equals(previous)) {
                broken = new Broken(r.seq(), d.id(), "its previous hash is not the hash of the record before it");
            } else if (!r.hash().equals(Chain.hash(previous, r.seq(), d))) {
                broken = new Broken(r.seq(), d.id(), "its fields are not those it was recorded with (its hash"
                        + " does not match them)");
            } else if (d.input() != null && !CanonicalJson.digest(d.input()).equals(d.inputDigest())) {
                broken = new Broken(r.seq(), d.id(), "its input is not the input it was recorded with");
            } else if (d.answer() != null && (d.answerDigest() == null
                    || !CanonicalJson.digest(d.answer()).equals(d.answerDigest()))) {
                broken = new Broken(r.seq(), d.id(), "its answer is not the answer it was recorded with");
            }
            seq = r.seq();
            previous = r.hash();
            lastId = d.id();
        }
    }
}
