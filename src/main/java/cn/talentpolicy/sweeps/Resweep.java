package cn.talentpolicy.sweeps;

import cn.talentpolicy.engine.Ruleset;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A change-only re-sweep: given a finished sweep's results and a file of the people whose records changed (or
 * who are new), only those people are evaluated; the results of everyone else are carried over as they were.
 * The new results folder is what a full sweep of the updated population would give (claims, outcomes and
 * summary; rejects of the changes file name its lines), plus {@code changes.jsonl}: every (person, policy)
 * that became eligible ({@code NEWLY_ELIGIBLE}), stopped being eligible ({@code NO_LONGER_ELIGIBLE}, a person
 * now rejected included), or stayed eligible in another standing ({@code CHANGED}: paid, or payable again). Reading the previous files is a pass over them, not an evaluation: it costs what copying costs.
 */
public final class Resweep {

    static final String CHANGES = "changes.jsonl";

    private final Ruleset ruleset;
    private final Map<String, Integer> maxAgeDays;
    private final Sweep.Options options;

    public Resweep(Ruleset ruleset, Map<String, Integer> maxAgeDays, Sweep.Options options) {
        this.ruleset = ruleset;
        this.maxAgeDays = maxAgeDays;
        this.options = options;
    }

    /** What changed, counted. */
    public record Result(SweepSummary summary, long evaluated, long newlyEligible, long noLongerEligible) {
    }

    public Result run(Path previous, Path changes, Population.Format format, Path out, Sweep.Progress progress)
            throws IOException {
        SweepSummary before = Sweep.JSON.readValue(previous.resolve(SweepResults.SUMMARY).toFile(), SweepSummary.class);
        if (!before.asOf().equals(options.asOf()) || !before.rulesetVersion().equals(ruleset.version())) {
            throw new IllegalStateException("the previous sweep was of " + before.asOf() + " on ruleset "
                    + before.rulesetVersion() + ": a change-only re-sweep needs the same date and rules (" + options.asOf()
                    + ", " + ruleset.version() + "); sweep everyone again instead");
        }
        List<String> share = options.shard().equals(Shard.ALL) ? List.of() : List.of(options.shard().toString());
        if (!before.shards().equals(share)) {
            throw new IllegalStateException("the previous sweep covered " + (before.shards().isEmpty()
                    ? "the whole population" : "shard(s) " + String.join(", ", before.shards()))
                    + ", this re-sweep " + (share.isEmpty() ? "the whole population" : "shard " + share.get(0))
                    + ": re-sweep each shard's results with its own --shard");
        }
        if (Files.exists(out)) {
            try (java.util.stream.Stream<Path> inside = Files.list(out)) {
                if (inside.findAny().isPresent()) {
                    throw new IllegalStateException(out + " is not empty: choose an empty folder for the re-sweep");
                }
            }
        }
        Path changed = out.resolve(".changes");
        try {
            return carryOver(before, previous, changed, changes, format, out, progress);
        } finally {
            deleteTree(changed); // the changed people's own sweep is a step, not a result
        }
    }

    private Result carryOver(SweepSummary before, Path previous, Path changed, Path changes, Population.Format format,
                             Path out, Sweep.Progress progress) throws IOException {
        new Sweep(ruleset, maxAgeDays, options).run(changes, format, changed, false, progress);

        // the changed people: their new outcome lines and claims, and those rejected this time
        String header = firstLine(previous.resolve(SweepResults.OUTCOMES));
        if (!header.equals(firstLine(changed.resolve(SweepResults.OUTCOMES)))) {
            throw new IllegalStateException("the previous sweep answered for other policies: sweep everyone again");
        }
        List<String> columns = Arrays.asList(header.split("\t"));
        List<String> policies = columns.subList(2, columns.size());
        Map<String, String> newOutcomes = new LinkedHashMap<>();
        forEachLine(changed.resolve(SweepResults.OUTCOMES), true, line -> newOutcomes.put(idOf(line), line));
        Map<String, List<Claim>> newClaims = claimsOf(changed.resolve(SweepResults.CLAIMABLE), null);
        Set<String> rejectedNow = new HashSet<>();
        forEachLine(changed.resolve(SweepResults.REJECTS), false, line -> {
            JsonNode reject = Sweep.JSON.readTree(line);
            if (reject.hasNonNull("personId")) {
                rejectedNow.add(reject.get("personId").asText());
            }
        });
        Set<String> touched = new HashSet<>(newOutcomes.keySet());
        touched.addAll(rejectedNow);

        SweepSummary.Tally tally = new SweepSummary.Tally(before.asOf(), before.rulesetVersion(), before.shards(), Map.of());
        tally.add(before);
        Map<String, List<Claim>> oldClaims = claimsOf(previous.resolve(SweepResults.CLAIMABLE), touched);
        Map<String, PersonOutcome> oldOutcomes = new HashMap<>();
        Files.createDirectories(out);
        try (BufferedWriter outcomes = writer(out.resolve(SweepResults.OUTCOMES))) {
            outcomes.write(header + "\n");
            forEachLine(previous.resolve(SweepResults.OUTCOMES), true, line -> {
                String id = idOf(line);
                if (touched.contains(id)) {
                    PersonOutcome old = outcome(line, policies, oldClaims.getOrDefault(id, List.of()));
                    oldOutcomes.put(id, old);
                    tally.person(old, -1); // replaced below
                    tally.entries--;
                } else {
                    outcomes.write(line + "\n");
                }
            });
            for (String line : newOutcomes.values()) {
                String id = idOf(line);
                tally.person(outcome(line, policies, newClaims.getOrDefault(id, List.of())), 1);
                tally.entries++;
                outcomes.write(line + "\n");
            }
        }
        try (BufferedWriter rejects = writer(out.resolve(SweepResults.REJECTS))) {
            forEachLine(previous.resolve(SweepResults.REJECTS), false, line -> {
                JsonNode reject = Sweep.JSON.readTree(line);
                if (reject.hasNonNull("personId") && touched.contains(reject.get("personId").asText())) {
                    tally.rejected--; // the person's new entry replaces the rejected one
                    tally.entries--;
                } else {
                    rejects.write(line + "\n");
                }
            });
            forEachLine(changed.resolve(SweepResults.REJECTS), false, line -> {
                tally.rejected++;
                tally.entries++;
                rejects.write(line + "\n");
            });
        }
        try (BufferedWriter claimable = writer(out.resolve(SweepResults.CLAIMABLE))) {
            forEachLine(previous.resolve(SweepResults.CLAIMABLE), false, line -> {
                if (!touched.contains(Sweep.JSON.readTree(line).get("personId").asText())) {
                    claimable.write(line + "\n");
                }
            });
            forEachLine(changed.resolve(SweepResults.CLAIMABLE), false, line -> claimable.write(line + "\n"));
        }
        long[] counts = new long[2];
        try (BufferedWriter changesOut = writer(out.resolve(CHANGES))) {
            for (String id : touched.stream().sorted().toList()) {
                PersonOutcome old = oldOutcomes.get(id);
                String line = newOutcomes.get(id);
                PersonOutcome now = line == null ? null : outcome(line, policies, newClaims.getOrDefault(id, List.of()));
                for (String policy : policies) {
                    String was = old == null ? "ABSENT" : old.states().get(policy).name();
                    String is = now == null ? "REJECTED" : now.states().get(policy).name();
                    boolean wasEligible = eligible(was);
                    boolean isEligible = eligible(is);
                    if (was.equals(is) || !wasEligible && !isEligible) {
                        continue; // between standings that are not eligible (ineligible, needs info...): no news
                    }
                    String change = isEligible && !wasEligible ? "NEWLY_ELIGIBLE"
                            : wasEligible && !isEligible ? "NO_LONGER_ELIGIBLE" : "CHANGED";
                    counts[0] += change.equals("NEWLY_ELIGIBLE") ? 1 : 0;
                    counts[1] += change.equals("NO_LONGER_ELIGIBLE") ? 1 : 0;
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("personId", id);
                    entry.put("policyId", policy);
                    entry.put("change", change);
                    entry.put("before", was);
                    entry.put("after", is);
                    changesOut.write(Sweep.JSON.writeValueAsString(entry) + "\n");
                }
            }
        }
        SweepSummary summary = tally.summary();
        SweepResults.writeSummary(out, summary);
        return new Result(summary, newOutcomes.size() + rejectedNow.size(), counts[0], counts[1]);
    }

    private static boolean eligible(String state) {
        return state.equals("CLAIMABLE") || state.equals("CLAIMED") || state.equals("CERTIFIED");
    }

    private static PersonOutcome outcome(String line, List<String> policies, List<Claim> claims) {
        String[] cells = line.split("\t");
        Map<String, PersonOutcome.State> states = new LinkedHashMap<>();
        for (int i = 0; i < policies.size(); i++) {
            if (!cells[2 + i].equals("-")) { // no decision for that policy
                states.put(policies.get(i), PersonOutcome.State.of(cells[2 + i].charAt(0)));
            }
        }
        return new PersonOutcome(cells[0], cells[1], states, claims);
    }

    /** The claims in a claimable.jsonl, by person: of the people given, or of everyone (null). */
    private static Map<String, List<Claim>> claimsOf(Path file, Set<String> people) throws IOException {
        Map<String, List<Claim>> claims = new HashMap<>();
        forEachLine(file, false, line -> {
            Claim claim = Sweep.JSON.readValue(line, Claim.class);
            if (people == null || people.contains(claim.personId())) {
                claims.computeIfAbsent(claim.personId(), k -> new ArrayList<>()).add(claim);
            }
        });
        return claims;
    }

    private static String idOf(String outcomeLine) {
        return outcomeLine.substring(0, outcomeLine.indexOf('\t'));
    }

    private interface LineConsumer {
        void accept(String line) throws IOException;
    }

    private static void forEachLine(Path file, boolean skipHeader, LineConsumer consumer) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = skipHeader ? reader.readLine() : null;
            while ((line = reader.readLine()) != null) {
                if (!line.isEmpty()) {
                    consumer.accept(line);
                }
            }
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.readLine();
        }
    }

    private static BufferedWriter writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
