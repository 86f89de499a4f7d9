package cn.talentpolicy.sweeps;

import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.register.DecisionRegister;
import cn.talentpolicy.register.Maker;
import cn.talentpolicy.register.NewDecision;
import cn.talentpolicy.register.Outcomes;
import cn.talentpolicy.register.RecordKind;
import cn.talentpolicy.register.Recorder;
import cn.talentpolicy.input.CanonicalJson;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A service sweep's claims into the decision register: one record for each line of {@code claimable.jsonl}, in
 * file order, made under the job's region by the officer who uploaded it, with the digest of the person's entry
 * and the claim itself as its answer. Recorded in transactions of {@value #BATCH}; the claims a job already has
 * in the register are skipped, so recording again after a restart goes on where it stopped.
 */
@Component
public class ClaimRecords {

    static final int BATCH = 1000;

    private final Recorder recorder;

    public ClaimRecords(Recorder recorder) {
        this.recorder = recorder;
    }

    public void keep(Ruleset ruleset) {
        recorder.keep(ruleset);
    }

    /**
     * Records the job's claims not yet recorded.
     *
     * @param between called with the job's id between two transactions; it throws to stop
     */
    public void record(SweepJob job, Path claimable, Consumer<String> between) throws IOException {
        if (!Files.exists(claimable)) {
            return;
        }
        DecisionRegister register = recorder.register();
        long skip = register.count(job.id());
        boolean keepAnswer = register.properties().keepsAnswer(RecordKind.SWEEP_CLAIM);
        Maker maker = new Maker(job.madeBy() == null ? "unknown" : job.madeBy(), "officer", job.region());
        List<NewDecision> batch = new ArrayList<>(BATCH);
        try (BufferedReader lines = Files.newBufferedReader(claimable, StandardCharsets.UTF_8)) {
            long at = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty() || at++ < skip) {
                    continue;
                }
                Claim claim = Sweep.JSON.readValue(line, Claim.class);
                List<Outcomes.Amount> amounts = claim.payments().stream().map(p -> new Outcomes.Amount(p.part(),
                        p.kind(), p.amount(), p.months(), p.years(), p.total())).toList();
                Outcomes outcome = new Outcomes(claim.policyId(), "ELIGIBLE", claim.certifiedTier(), claim.total(),
                        amounts, null, null);
                batch.add(new NewDecision(DecisionRegister.newId(), RecordKind.SWEEP_CLAIM, register.now(), maker,
                        claim.personId(), job.asOf(), job.rulesetVersion(),
                        claim.inputDigest() != null ? claim.inputDigest() : CanonicalJson.digest(line),
                        Outcomes.write(List.of(outcome)), job.id(), null, null,
                        keepAnswer ? CanonicalJson.digest(line) : null, null, keepAnswer ? line : null));
                if (batch.size() == BATCH) {
                    between.accept(job.id());
                    recorder.recordAll(batch);
                    batch.clear();
                }
            }
        }
        between.accept(job.id());
        recorder.recordAll(batch);
    }
}
