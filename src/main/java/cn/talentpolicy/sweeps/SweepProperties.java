package cn.talentpolicy.sweeps;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the service runs sweeps ({@code talent.sweeps.*}).
 *
 * @param threads        worker threads of a sweep; 0 (the default) means one per core
 * @param batchSize      people evaluated together in one rule session; default 50 (a test sets a few, to have
 *                       many batches and checkpoints)
 * @param maxUploadBytes the largest population file accepted; default 1 GiB. Uploads are streamed to disk,
 *                       never held in memory, so this bounds disk use, not memory
 */
@ConfigurationProperties(prefix = "talent.sweeps")
public record SweepProperties(int threads, int batchSize, long maxUploadBytes) {

    public static final int DEFAULT_BATCH_SIZE = Sweep.Options.DEFAULT_BATCH;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 1L << 30;

    public SweepProperties {
        if (threads < 0 || batchSize < 0 || maxUploadBytes < 0) {
            throw new IllegalArgumentException("talent.sweeps.* settings cannot be negative");
        }
        threads = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        batchSize = batchSize == 0 ? DEFAULT_BATCH_SIZE : batchSize;
        maxUploadBytes = maxUploadBytes == 0 ? DEFAULT_MAX_UPLOAD_BYTES : maxUploadBytes;
    }
}
