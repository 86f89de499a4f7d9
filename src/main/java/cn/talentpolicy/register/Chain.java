package cn.talentpolicy.register;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The register's hash chain. A record's hash is the hex SHA-256 of this text, in UTF-8: the previous record's
 * hash, then one line for each field below, {@code name=length:value} (length in characters), or {@code name=-}
 * for a field with no value. The first record's previous hash is 64 zeros.
 * <pre>
 * previous, seq, id, kind, madeAt (ISO-8601, UTC, as Instant.toString), caller, role, region, personId,
 * asOf, rulesetVersion, inputDigest, outcomes, source, corrects, owed, answerDigest
 * </pre>
 * The input and answer themselves are not in it, their digests are: so they can be erased at the end of their
 * retention period and the chain still verifies, and what is left of them is checked against their digests.
 */
public final class Chain {

    public static final String GENESIS = "0".repeat(64);

    private Chain() {
    }

    public static String hash(String previous, long seq, NewDecision d) {
        StringBuilder text = new StringBuilder(512 + d.outcomes().length());
        field(text, "previous", previous);
        field(text, "seq", Long.toString(seq));
        field(text, "id", d.id());
        field(text, "kind", d.kind().name());
        field(text, "madeAt", d.madeAt().toString());
        field(text, "caller", d.maker().name());
        field(text, "role", d.maker().role());
        field(text, "region", d.maker().region());
        field(text, "personId", d.personId());
        field(text, "asOf", d.asOf().toString());
        field(text, "rulesetVersion", d.rulesetVersion());
        field(text, "inputDigest", d.inputDigest());
        field(text, "outcomes", d.outcomes());
        field(text, "source", d.source());
        field(text, "corrects", d.corrects());
        field(text, "owed", d.owed());
        field(text, "answerDigest", d.answerDigest());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(name).append('=');
        if (value == null) {
            text.append('-');
        } else {
            text.append(value.length()).append(':').append(value);
        }
        text.append('\n');
    }
}
