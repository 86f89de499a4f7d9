package cn.talentpolicy.sweeps;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the results of several shards' sweeps of one population (one folder each, from N machines or the N pods
 * of an indexed Job) together into one results folder: the summaries added up, and the claims, rejects and
 * outcomes one after the other, shard by shard. Every shard must be done and of the same date and ruleset.
 */
public final class SweepMerge {

    private SweepMerge() {
    }

    public static SweepSummary merge(List<Path> shards, Path out) throws IOException {
        List<SweepSummary> summaries = new ArrayList<>();
        String header = null;
        Long populationSize = null;
        for (Path shard : shards) {
            if (Files.exists(out) && Files.isSameFile(shard, out)) {
                throw new IllegalArgumentException(out + " is one of the shards: merge into another folder");
            }
            Path state = shard.resolve(SweepResults.STATE);
            Path summary = shard.resolve(SweepResults.SUMMARY);
            SweepResults.State checkpoint = Files.exists(state)
                    ? Sweep.JSON.readValue(state.toFile(), SweepResults.State.class) : null;
            if (checkpoint == null || !"DONE".equals(checkpoint.status()) || !Files.exists(summary)) {
                throw new IllegalArgumentException(shard + " holds no finished sweep");
            }
            if (populationSize != null && populationSize != checkpoint.sweep().size()) {
                throw new IllegalArgumentException(shard + " swept another population file than " + shards.get(0)
                        + " (" + checkpoint.sweep().size() + " bytes, not " + populationSize + ")");
            }
            populationSize = checkpoint.sweep().size();
            summaries.add(Sweep.JSON.readValue(summary.toFile(), SweepSummary.class));
            String first = firstLine(shard.resolve(SweepResults.OUTCOMES));
            if (header != null && !header.equals(first)) {
                throw new IllegalArgumentException(shard + " was swept with other policies than " + shards.get(0));
            }
            header = first;
        }
        SweepSummary merged = SweepSummary.merge(summaries);
        Files.createDirectories(out);
        concatenate(shards, SweepResults.CLAIMABLE, out, false);
        concatenate(shards, SweepResults.REJECTS, out, false);
        concatenate(shards, SweepResults.OUTCOMES, out, true);
        SweepResults.writeSummary(out, merged);
        return merged;
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.readLine();
        }
    }

    private static void concatenate(List<Path> shards, String file, Path out, boolean header) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(out.resolve(file), StandardCharsets.UTF_8)) {
            for (int i = 0; i < shards.size(); i++) {
                try (BufferedReader reader = Files.newBufferedReader(shards.get(i).resolve(file), StandardCharsets.UTF_8)) {
                    String line;
                    boolean first = true;
                    while ((line = reader.readLine()) != null) {
                        if (!(header && first && i > 0)) {
                            writer.write(line);
                            writer.write('\n');
                        }
                        first = false;
                    }
                }
            }
        }
    }
}
