package cn.talentpolicy.bench;

import cn.talentpolicy.input.FactsMapper;
import cn.talentpolicy.input.PersonDto;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetLoader;
import cn.talentpolicy.facts.PersonFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One person through every loaded policy, as POST /api/v1/evaluations does it (without HTTP): with the trace
 * and derived-fact explanations, and as a bulk run without them. The bulk/explained ratio is measured in the
 * same run, and the bulk run's throughput. Run: {@code mvn -Pbench test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluationBenchmark {

    Ruleset ruleset;
    PersonFacts person;
    LocalDate asOf;

    @Setup(Level.Trial)
    public void load() throws IOException {
        ruleset = RulesetLoader.load(Path.of("rules"));
        // the example person, through every loaded policy (the example's own filter is not applied)
        JsonNode request = new ObjectMapper().findAndRegisterModules()
                .readTree(Path.of("api-spec/examples/evaluation-jinan-master-living-subsidy.request.json").toFile());
        PersonDto dto = new ObjectMapper().findAndRegisterModules().treeToValue(request.get("person"), PersonDto.class);
        person = FactsMapper.INSTANCE.toFacts(dto);
        asOf = LocalDate.parse(request.get("asOf").asText());
    }

    @TearDown(Level.Trial)
    public void close() {
        ruleset.close();
    }

    @Benchmark
    public Evaluation explained() {
        return ruleset.evaluate(List.of(person), asOf, id -> true, Ruleset.Detail.EXPLAINED).get(0);
    }

    @Benchmark
    public Evaluation bulk() {
        return ruleset.evaluate(List.of(person), asOf, id -> true, Ruleset.Detail.REASONS).get(0);
    }

    /** The same bulk evaluation as evaluations a second, one thread. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Evaluation bulkThroughput() {
        return ruleset.evaluate(List.of(person), asOf, id -> true, Ruleset.Detail.REASONS).get(0);
    }
}
