package cn.talentpolicy.sweeps;

import cn.talentpolicy.certification.RegistryReading;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.engine.PolicyDefinition;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.evaluation.FieldProblem;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.evaluation.RequestSchema;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Policy finds people (政策找人): every decision policy over every person of a population file, listing who
 * qualifies for a payment they have not received. Entries are read in order on the calling thread, checked and
 * evaluated in batches on worker threads (a rule session a batch, and one more for its claimants; the same rules
 * the API serves), and written back in file order, so the results do not depend on the number of threads.
 * Memory holds a few batches, whatever the population's size; the results folder is checkpointed as it grows,
 * so an interrupted sweep resumes where its last checkpoint left it ({@link SweepResults}).
 */
public final class Sweep {

    /**
     * @param threads   workers checking and evaluating batches
     * @param batchSize people evaluated together in one rule session
     */
    public record Options(LocalDate asOf, Shard shard, int threads, int batchSize) {

        public Options {
            if (threads < 1 || batchSize < 1) {
                throw new IllegalArgumentException("threads and batch size must be at least 1");
            }
        }

        /**
         * People per rule session, by measurement (README, Performance): a session's indexes and agenda grow with
         * the people in it, so batches of 200 swept at half the rate of batches of 50 and held more memory;
         * batches of 20 were no faster.
         */
        public static final int DEFAULT_BATCH = 50;

        public static Options of(LocalDate asOf, Shard shard) {
            return new Options(asOf, shard, Runtime.getRuntime().availableProcessors(), DEFAULT_BATCH);
        }
    }

    /** Told after every batch written: entries done (of the population, shards included) and how long it took. */
    public interface Progress {
        void update(long done, long elapsedNanos);

        /** Told once before the first batch: the entries a resumed sweep had done before (0 for a new one). */
        default void resumedAt(long done) {
        }
    }

    /** Reads entries as the API reads bodies (no coercion of scalars) and writes amounts in plain form. */
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // two people on one line (a lost line end) is a bad entry, not the first of them alone
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Validator VALIDATOR;

    static {
        // no expression language needed: the constraint messages are plain
        ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        VALIDATOR = factory.getValidator();
    }

    private final Ruleset ruleset;
    private final RegistryReading registry;
    private final Options options;
    private final List<String> policies;

    public Sweep(Ruleset ruleset, Map<String, Integer> maxAgeDays, Options options) {
        this.ruleset = ruleset;
        this.registry = new RegistryReading(maxAgeDays);
        this.options = options;
        this.policies = ruleset.sortedPolicies().stream().filter(p -> p.kind() == PolicyDefinition.Kind.DECISION)
                .map(PolicyDefinition::id).toList();
    }

    /**
     * Sweeps a population file into a results folder. With {@code resume}, a folder holding an interrupted sweep
     * of the same file, date, shard and rules is continued from its last checkpoint, and one where that sweep
     * finished is left as it is (its summary returned, {@code progress} told nothing); otherwise the folder must
     * hold no sweep.
     */
    public SweepSummary run(Path population, Population.Format format, Path out, boolean resume, Progress progress)
            throws IOException {
        SweepResults.Identity identity = SweepResults.Identity.of(population, out, options.asOf(), options.shard(),
                ruleset.version());
        if (resume) {
            Optional<SweepSummary> finished = SweepResults.finished(out, identity);
            if (finished.isPresent()) {
                return finished.get(); // a pod restarted after its shard was done must not fail for ever
            }
        }
        Map<String, String> titles = new LinkedHashMap<>();
        ruleset.sortedPolicies().stream().filter(p -> p.kind() == PolicyDefinition.Kind.DECISION)
                .forEach(p -> titles.put(p.id(), p.title().zh()));
        long started = System.nanoTime();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "sweep-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (SweepResults results = SweepResults.open(out, identity, policies, titles, resume);
             Population entries = Population.open(population, format)) {
            for (long skipped = 0; skipped < results.entriesDone(); skipped++) {
                if (entries.next() == null) {
                    throw new IOException(population + " is shorter than the sweep being resumed: it has changed");
                }
            }
            if (progress != null) {
                progress.resumedAt(results.entriesDone());
            }
            ArrayDeque<Future<List<Done>>> pending = new ArrayDeque<>();
            List<Population.Entry> batch = new ArrayList<>(options.batchSize());
            Population.Entry entry;
            while ((entry = entries.next()) != null) {
                batch.add(entry);
                if (batch.size() == options.batchSize()) {
                    List<Population.Entry> full = batch;
                    pending.add(workers.submit(() -> process(full)));
                    batch = new ArrayList<>(options.batchSize());
                    while (pending.size() > 2 * options.threads()) {
                        write(results, pending.poll(), progress, started);
                    }
                }
            }
            if (!batch.isEmpty()) {
                List<Population.Entry> last = batch;
                pending.add(workers.submit(() -> process(last)));
            }
            while (!pending.isEmpty()) {
                write(results, pending.poll(), progress, started);
            }
            return results.finish();
        } finally {
            workers.shutdownNow();
        }
    }

    private static void write(SweepResults results, Future<List<Done>> batch, Progress progress, long started)
            throws IOException {
        try {
            results.write(batch.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the sweep was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch could not be swept: " + e.getCause(), e.getCause());
        }
        if (progress != null) {
            progress.update(results.entriesDone(), System.nanoTime() - started);
        }
    }

    /** What became of one entry. */
    sealed interface Done {
        /** An entry of another shard: read, not this sweep's to answer. */
        record Elsewhere() implements Done {
        }

        record Rejected(long line, String personId, List<FieldProblem> problems) implements Done {
        }

        record Evaluated(PersonOutcome outcome, String outcomeLine, List<String> claimLines) implements Done {
        }
    }

    /** Checks, evaluates and renders one batch, in the entries' order (runs on a worker). */
    List<Done> process(List<Population.Entry> batch) {
        List<Done> done = new ArrayList<>(batch.size());
        List<PersonFacts> people = new ArrayList<>(batch.size());
        List<Integer> at = new ArrayList<>(batch.size());
        for (Population.Entry entry : batch) {
            Done checked;
            try {
                checked = check(entry);
            } catch (RuntimeException e) { // a fault of ours on one entry must not stop the sweep or hide the entry
                checked = new Done.Rejected(entry.line(), null, List.of(new FieldProblem("",
                        "could not be read: " + describe(e))));
            }
            done.add(checked);
            if (checked instanceof Checked c) {
                people.add(c.facts());
                at.add(done.size() - 1);
            }
        }
        List<Attempt> attempts = evaluate(people);
        for (int i = 0; i < people.size(); i++) {
            int index = at.get(i);
            Attempt attempt = attempts.get(i);
            if (attempt.evaluation() == null) {
                done.set(index, new Done.Rejected(((Checked) done.get(index)).line(), people.get(i).personId(),
                        List.of(new FieldProblem("", "could not be evaluated: " + attempt.failure()))));
            } else {
                try {
                    done.set(index, evaluated(PersonOutcome.of(people.get(i), attempt.evaluation()),
                            (Checked) done.get(index)));
                } catch (RuntimeException e) {
                    done.set(index, new Done.Rejected(((Checked) done.get(index)).line(), people.get(i).personId(),
                            List.of(new FieldProblem("", "could not be evaluated: " + describe(e)))));
                }
            }
        }
        return done;
    }

    /** An exception's message, or its kind when it has none. */
    private static String describe(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** A person checked and ready to evaluate (only inside a batch). */
    private record Checked(long line, PersonFacts facts, JsonNode json) implements Done {
    }

    /** An evaluation, or why there is none. */
    private record Attempt(Evaluation evaluation, String failure) {
    }

    private Done check(Population.Entry entry) {
        JsonNode json;
        try {
            json = entry.json(JSON);
        } catch (Population.UnreadableEntry e) {
            return options.shard().holdsLine(entry.line())
                    ? new Done.Rejected(entry.line(), null, List.of(new FieldProblem(e.field(), e.getMessage())))
                    : new Done.Elsewhere();
        }
        String personId = json != null && json.path("personId").isTextual() ? json.get("personId").asText() : null;
        if (personId == null ? !options.shard().holdsLine(entry.line()) : !options.shard().holdsPerson(personId)) {
            return new Done.Elsewhere();
        }
        if (json == null || !json.isObject()) {
            return new Done.Rejected(entry.line(), null, List.of(new FieldProblem("", "is not a JSON object")));
        }
        RequestSchema.withoutNulls(json);
        List<FieldProblem> problems = RequestSchema.bundled().check("PopulationEntry", json);
        if (!problems.isEmpty()) {
            return new Done.Rejected(entry.line(), personId, problems);
        }
        PopulationRecord record;
        try {
            record = JSON.treeToValue(json, PopulationRecord.class);
        } catch (JsonProcessingException e) {
            return new Done.Rejected(entry.line(), personId, List.of(new FieldProblem("", e.getOriginalMessage())));
        }
        problems = RequestSchema.violations(VALIDATOR, record);
        if (!problems.isEmpty()) {
            return new Done.Rejected(entry.line(), personId, problems);
        }
        RegistryReading.Result read = registry.read(ruleset, personId, options.asOf(), record.records());
        if (read.facts() == null) {
            return new Done.Rejected(entry.line(), personId, read.problems());
        }
        return new Checked(entry.line(), read.facts(), json);
    }

    /**
     * Everyone's outcomes first, without the sentences of their criteria; then again, with them, those who can
     * newly claim something, whose claims are written with their reasons (about 1 in 80 people; wording every
     * criterion of everyone took a fifth of the sessions' time). The same rules decide both times.
     */
    private List<Attempt> evaluate(List<PersonFacts> people) {
        List<Attempt> attempts = new ArrayList<>(evaluate(people, Ruleset.Detail.OUTCOMES));
        List<Integer> claimants = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Evaluation evaluation = attempts.get(i).evaluation();
            if (evaluation != null && PersonOutcome.claimsAnything(people.get(i), evaluation)) {
                claimants.add(i);
            }
        }
        if (!claimants.isEmpty()) {
            List<Attempt> worded = evaluate(claimants.stream().map(people::get).toList(), Ruleset.Detail.REASONS);
            for (int i = 0; i < claimants.size(); i++) {
                attempts.set(claimants.get(i), worded.get(i));
            }
        }
        return attempts;
    }

    /**
     * The people in one session; should the session fail (a person the rules cannot decide), each person alone,
     * so that one bad person is rejected and the others answered. A person given twice in one batch is
     * evaluated alone too (one session holds a person once).
     */
    private List<Attempt> evaluate(List<PersonFacts> people, Ruleset.Detail detail) {
        Set<String> ids = new HashSet<>();
        if (people.stream().allMatch(p -> ids.add(p.personId()))) {
            try {
                return ruleset.evaluate(people, options.asOf(), id -> true, detail).stream()
                        .map(e -> new Attempt(e, null)).toList();
            } catch (RuntimeException e) {
                // find who: each alone
            }
        }
        List<Attempt> each = new ArrayList<>(people.size());
        for (PersonFacts person : people) {
            try {
                each.add(new Attempt(ruleset.evaluate(List.of(person), options.asOf(), id -> true, detail).get(0), null));
            } catch (RuntimeException e) {
                each.add(new Attempt(null, describe(e)));
            }
        }
        return each;
    }

    private Done evaluated(PersonOutcome outcome, Checked entry) {
        List<String> claimLines = new ArrayList<>(outcome.claims().size());
        try {
            // the digest of the entry, for those with claims only (the register records it with each claim)
            String digest = outcome.claims().isEmpty() ? null
                    : cn.talentpolicy.input.CanonicalJson.digest(cn.talentpolicy.input.CanonicalJson.of(entry.json()));
            for (Claim claim : outcome.claims()) {
                claimLines.add(JSON.writeValueAsString(claim.decidedOn(digest)));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new Done.Evaluated(outcome, outcome.tsv(policies), claimLines);
    }
}
