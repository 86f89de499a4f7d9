package cn.talentpolicy.register;

import io.micrometer.core.instrument.Metrics;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The decision register: every decision the service hands out, appended to one hash chain ({@link Chain}) in the
 * database before it is answered.
 * <p>
 * Appending is a group commit: callers hand their decisions to one writer thread and wait; the writer takes
 * whatever has queued up (at most {@code talent.register.batch} decisions), appends it in one transaction that
 * locks the chain's head row (so two services on one database append one after the other), and lets the callers
 * go once the transaction has committed. A decision that could not be written fails its caller, who answers with
 * an error: nothing is answered that is not recorded.
 */
@Service
public class DecisionRegister implements AutoCloseable {

    /** The register could not record a decision; the caller must not hand the decision out. */
    public static final class UnavailableException extends RuntimeException {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DecisionRegister.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "seq, id, kind, made_at, caller, caller_role, region, person_id, as_of,"
            + " ruleset_version, input_digest, outcomes, source, corrects, owed, answer_digest, input, answer,"
            + " previous_hash, hash";
    private static final long WAIT_SECONDS = 30;

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final TransactionTemplate transactions;
    private final RegisterProperties properties;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean stopping;

    public DecisionRegister(JdbcTemplate jdbc, TransactionTemplate transactions, RegisterProperties properties,
                            Clock clock) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.writer = new Thread(this::write, "decision-register");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Stops the writer once what is queued is written (waiting up to 30 s); nothing more is taken after. */
    @PreDestroy
    @Override
    public void close() {
        stopping = true;
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A new decision id: {@code dec-} and 20 random hex digits. */
    public static String newId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return "dec-" + HexFormat.of().formatHex(bytes);
    }

    /** Now, to the millisecond (what a record's time holds). */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public RegisterProperties properties() {
        return properties;
    }

    /** Records one decision; returns once it is committed. */
    public void record(NewDecision decision) {
        recordAll(List.of(decision));
    }

    /** Records decisions, in this order and together; returns once they are committed. */
    public void recordAll(List<NewDecision> decisions) {
        if (decisions.isEmpty()) {
            return;
        }
        Pending pending = new Pending(List.copyOf(decisions));
        if (stopping) {
            throw new UnavailableException("the service is stopping", null);
        }
        queue.add(pending);
        try {
            pending.done.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new UnavailableException("the decision register could not record the decision: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new UnavailableException("the decision register did not record the decision within "
                    + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while the decision was recorded", e);
        }
    }

    private record Pending(List<NewDecision> decisions, CompletableFuture<Void> done) {
        Pending(List<NewDecision> decisions) {
            this(decisions, new CompletableFuture<>());
        }
    }

    /** The writer thread: one transaction for whatever has queued up. */
    private void write() {
        List<Pending> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            batch.clear();
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                if (queue.isEmpty()) {
                    break;
                }
                continue;
            }
            int size = batch.get(0).decisions().size();
            // what else comes within the linger joins this commit: under load, fewer and larger commits (each
            // commit costs about as much as a few decisions); alone, a decision waits at most the linger
            long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(properties.lingerMicros());
            while (size < properties.batch()) {
                Pending next = queue.peek();
                if (next == null) {
                    long left = until - System.nanoTime();
                    try {
                        next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                    } catch (InterruptedException e) {
                        next = null;
                        stopping = true;
                    }
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                } else if (size + next.decisions().size() <= properties.batch()) {
                    batch.add(queue.poll());
                } else {
                    break;
                }
                size += next.decisions().size();
            }
            try {
                long started = System.nanoTime();
                append(batch);
                Metrics.timer("talent.register.commit").record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                Metrics.summary("talent.register.batch").record(size);
                batch.forEach(p -> p.done.complete(null));
            } catch (RuntimeException e) {
                if (batch.size() == 1) {
                    log.error("The decision register could not record {} decisions", size, e);
                    batch.get(0).done.completeExceptionally(e);
                    continue;
                }
                for (Pending alone : batch) { // one caller's bad decision must not fail the others
                    try {
                        append(List.of(alone));
                        alone.done.complete(null);
                    } catch (RuntimeException again) {
                        log.error("The decision register could not record {} decisions", alone.decisions().size(),
                                again);
                        alone.done.completeExceptionally(again);
                    }
                }
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done.completeExceptionally(new IllegalStateException("the service is stopping"));
        }
    }

    private void append(List<Pending> batch) {
        transactions.executeWithoutResult(status -> {
            Head head = jdbc.queryForObject("select seq, hash from register_head where id = 1 for update",
                    (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
            List<Object[]> rows = new ArrayList<>();
            long seq = head.seq();
            String previous = head.hash();
            for (Pending pending : batch) {
                for (NewDecision d : pending.decisions()) {
                    seq++;
                    String hash = Chain.hash(previous, seq, d);
                    rows.add(row(seq, d, previous, hash));
                    previous = hash;
                }
            }
            jdbc.batchUpdate("insert into decisions (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?)", rows);
            jdbc.update("update register_head set seq = ?, hash = ? where id = 1", seq, previous);
        });
        // talent_register_decisions_total{kind}, talent_register_commits_total, and the commit's time and batch
        // size (talent_register_commit_seconds, talent_register_batch) on the metrics endpoint
        for (Pending pending : batch) {
            for (NewDecision d : pending.decisions()) {
                Metrics.counter("talent.register.decisions", "kind", d.kind().name()).increment();
            }
        }
        Metrics.counter("talent.register.commits").increment();
    }

    private record Head(long seq, String hash) {
    }

    private static Object[] row(long seq, NewDecision d, String previous, String hash) {
        return new Object[]{seq, d.id(), d.kind().name(), OffsetDateTime.ofInstant(d.madeAt(), ZoneOffset.UTC),
                d.maker().name(), d.maker().role(), d.maker().region(), d.personId(), d.asOf(), d.rulesetVersion(),
                d.inputDigest(), d.outcomes(), d.source(), d.corrects(), d.owed(), d.answerDigest(), d.input(),
                d.answer(), previous, hash};
    }

    // ---- reading

    public Optional<RecordedDecision> find(String id) {
        if (id == null || !id.matches("dec-[0-9a-f]{20}")) {
            return Optional.empty();
        }
        return sql.sql("select " + COLUMNS + " from decisions where id = ?").param(id).query(DecisionRegister::read)
                .optional();
    }

    /** A person's decisions, newest first, those made under a region the filter lets through (at most limit). */
    public List<RecordedDecision> ofPerson(String personId, java.util.function.Predicate<String> region, int limit) {
        List<RecordedDecision> out = new ArrayList<>();
        jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement("select " + COLUMNS
                    + " from decisions where person_id = ? order by seq desc");
            statement.setString(1, personId);
            statement.setFetchSize(100);
            return statement;
        }, (ResultSet rs) -> {
            if (out.size() < limit) {
                RecordedDecision d = read(rs, 0);
                if (region.test(d.decision().maker().region())) {
                    out.add(d);
                }
            }
        });
        return out;
    }

    /** The newest decision of a kind recorded for a source (a certification id, a sweep job id). */
    public Optional<RecordedDecision> latest(String source, RecordKind kind) {
        return sql.sql("select " + COLUMNS + " from decisions where source = ? and kind = ? order by seq desc"
                + " fetch first 1 rows only").param(source).param(kind.name()).query(DecisionRegister::read).optional();
    }

    /** How many decisions a source has (a sweep job's claims recorded so far). */
    public long count(String source) {
        return sql.sql("select count(*) from decisions where source = ?").param(source).query(Long.class).single();
    }

    static RecordedDecision read(ResultSet rs, int row) throws SQLException {
        NewDecision d = new NewDecision(rs.getString("id"), RecordKind.valueOf(rs.getString("kind")),
                rs.getObject("made_at", OffsetDateTime.class).toInstant(),
                new Maker(rs.getString("caller"), rs.getString("caller_role"), rs.getString("region")),
                rs.getString("person_id"), rs.getObject("as_of", LocalDate.class), rs.getString("ruleset_version"),
                rs.getString("input_digest"), rs.getString("outcomes"), rs.getString("source"),
                rs.getString("corrects"), rs.getString("owed"), rs.getString("answer_digest"), rs.getString("input"),
                rs.getString("answer"));
        return new RecordedDecision(rs.getLong("seq"), d, rs.getString("previous_hash"), rs.getString("hash"));
    }

    // ---- retention

    /**
     * Erases the input and answer of the decisions made longer ago than {@code talent.register.input-retention-days}
     * (daily, and once soon after start). The records, their outcomes and digests, and the chain stay.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT24H")
    public int eraseExpired() {
        Instant cutoff = clock.instant().minus(properties.inputRetentionDays(), ChronoUnit.DAYS);
        int erased = jdbc.update("update decisions set input = null, answer = null where made_at < ?"
                + " and (input is not null or answer is not null)", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
        if (erased > 0) {
            log.info("Erased the input and answer of {} decisions made more than {} days ago", erased,
                    properties.inputRetentionDays());
        }
        return erased;
    }
}
