package cn.talentpolicy.bench;

import cn.talentpolicy.TalentPolicyApplication;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What recording every decision costs the API: the service (embedded register, in a data directory of its own)
 * answers the same whole-catalogue explained evaluation from 16 clients on loopback, in rounds that alternate
 * between asking for a record ({@code "record": true}: recorded before it is answered) and not, so both modes see
 * the same warm JVM and the same machine (after a warm-up of {@code warmup} seconds: the service takes about a
 * minute to reach its steady speed). Reports requests a second, p99 and the process's CPU time per request of
 * each round, and the throughput of the recorded rounds over the unrecorded ones (the target: at least 0.85),
 * with the CPU per request of the unrecorded rounds over the recorded ones beside it (less swayed by a machine
 * whose speed drifts; the clients run in the same process and count in both).
 * <pre>mvn -Pbench-register test-compile exec:exec [-Drounds=6 -Dseconds=15 -Dwarmup=60 -Ddatabase=postgres -Dlinger=5000]</pre>
 */
public final class RegisterBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("rounds", 6);
        int warmup = Integer.getInteger("warmup", 60);
        int seconds = Integer.getInteger("seconds", 15);
        int clients = Integer.getInteger("clients", 16);
        String data = Path.of("target", "bench", "register-data-" + System.currentTimeMillis()).toString();
        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--talent.data-dir=" + data,
                "--talent.rules-watch-seconds=0", "--talent.test.identity-provider=off",
                "--talent.rate-limit.evaluations-per-minute=1000000000", "--logging.level.root=WARN",
                "--server.tomcat.threads.max=32"));
        if ("postgres".equals(System.getProperty("database"))) { // a schema of its own on TALENT_TEST_POSTGRES_URL
            settings.add("--spring.datasource.url=" + cn.talentpolicy.register.TestDatabase.newPostgresSchema());
        }
        if (!System.getProperty("linger", "").isEmpty()) {
            settings.add("--talent.register.linger-micros=" + System.getProperty("linger"));
        }
        System.out.println("register: " + System.getProperty("database", "h2") + ", " + settings);
        ConfigurableApplicationContext service = SpringApplication.run(TalentPolicyApplication.class,
                settings.toArray(String[]::new));
        int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
        try {
            byte[] plain = body(false);
            byte[] recorded = body(true);
            System.out.printf("warming up for %d s%n", warmup);
            round(port, plain, clients, warmup / 2);
            round(port, recorded, clients, warmup - warmup / 2);
            List<double[]> off = new ArrayList<>();
            List<double[]> on = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            lines.add("| round | mode | requests/s | p99 ms | CPU ms/request |");
            lines.add("|---:|---|---:|---:|---:|");
            for (int r = 1; r <= rounds; r++) {
                boolean recordFirst = r % 2 == 0; // off, on; on, off; ...: drift falls on both
                for (boolean record : recordFirst ? new boolean[]{true, false} : new boolean[]{false, true}) {
                    double[] result = round(port, record ? recorded : plain, clients, seconds);
                    (record ? on : off).add(result);
                    lines.add(String.format("| %d | %s | %,.0f | %.1f | %.2f |", r,
                            record ? "recorded" : "not recorded", result[0], result[1], result[2]));
                }
            }
            double onRate = on.stream().mapToDouble(x -> x[0]).sum();
            double offRate = off.stream().mapToDouble(x -> x[0]).sum();
            System.out.println();
            lines.forEach(System.out::println);
            System.out.printf("%nrecorded / not recorded, throughput: %.3f (target at least 0.85)%n", onRate / offRate);
            System.out.printf("not recorded / recorded, CPU per request: %.3f%n",
                    off.stream().mapToDouble(x -> x[2]).sum() / on.stream().mapToDouble(x -> x[2]).sum());
            Long count = service.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject("select count(*) from decisions", Long.class);
            System.out.printf("decisions in the register: %,d%n", count);
            io.micrometer.core.instrument.Timer commit = io.micrometer.core.instrument.Metrics.globalRegistry
                    .find("talent.register.commit").timer();
            io.micrometer.core.instrument.DistributionSummary batch = io.micrometer.core.instrument.Metrics
                    .globalRegistry.find("talent.register.batch").summary();
            if (commit != null && batch != null) {
                System.out.printf("commits: %,d, %.2f ms each on average, %.1f decisions each%n", commit.count(),
                        commit.mean(TimeUnit.MILLISECONDS), batch.mean());
            }
        } finally {
            service.close();
        }
    }

    static byte[] body(boolean record) throws Exception {
        ObjectNode request = (ObjectNode) JSON.readTree(Path.of("api-spec/examples",
                "evaluation-jinan-master-living-subsidy.request.json").toFile());
        request.remove("policies"); // the whole catalogue
        if (record) {
            request.put("record", true);
        }
        return JSON.writeValueAsBytes(request);
    }

    /**
     * Requests a second, p99 in ms, and the process's CPU ms per request, of {@code clients} clients sending the body
     * for {@code seconds}.
     */
    static double[] round(int port, byte[] body, int clients, int seconds) throws Exception {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/evaluations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[200_000];
            latencies.add(mine);
            pool.execute(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("status " + response.statusCode());
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    if (n < mine.length) {
                        mine[n++] = System.nanoTime() - sent;
                    }
                    done.incrementAndGet();
                }
                mine[mine.length - 1] = n; // how many this client recorded
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        List<Long> all = new ArrayList<>();
        for (long[] mine : latencies) {
            int n = (int) mine[mine.length - 1];
            for (int i = 0; i < n; i++) {
                all.add(mine[i]);
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        double p99 = sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)] / 1e6;
        double cpuPerRequest = (os.getProcessCpuTime() - cpuBefore) / 1e6 / Math.max(1, done.get());
        return new double[]{done.get() / (double) seconds, p99, cpuPerRequest};
    }
}
