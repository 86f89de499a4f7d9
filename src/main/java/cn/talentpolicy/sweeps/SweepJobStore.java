package cn.talentpolicy.sweeps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The service's sweep jobs, in the {@code sweep_jobs} table of the service's database: a restart lists the same
 * jobs in the same states. Their uploads and results stay files under the data directory ({@link JobFolders}).
 */
@Component
public class SweepJobStore {

    private final JdbcClient sql;

    public SweepJobStore(JdbcClient sql) {
        this.sql = sql;
    }

    /** Writes the job whole: its row is replaced, or made if it is new. */
    void save(SweepJob job) {
        int updated = sql.sql("update sweep_jobs set status = ?, as_of = ?, format = ?, created = ?, started = ?,"
                        + " finished = ?, total = ?, done = ?, ruleset_version = ?, reason = ?, region = ?, made_by = ?"
                        + " where id = ?")
                .params(job.status().name(), job.asOf(), job.format().name(), time(job.created()),
                        time(job.started()), time(job.finished()), job.total(), job.done(), job.rulesetVersion(),
                        job.reason(), job.region(), job.madeBy(), job.id())
                .update();
        if (updated == 0) {
            sql.sql("insert into sweep_jobs (id, status, as_of, format, created, started, finished, total, done,"
                            + " ruleset_version, reason, region, made_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(job.id(), job.status().name(), job.asOf(), job.format().name(), time(job.created()),
                            time(job.started()), time(job.finished()), job.total(), job.done(), job.rulesetVersion(),
                            job.reason(), job.region(), job.madeBy())
                    .update();
        }
    }

    List<SweepJob> all() {
        return sql.sql("select * from sweep_jobs order by created, id").query(SweepJobStore::read).list();
    }

    void delete(String id) {
        sql.sql("delete from sweep_jobs where id = ?").param(id).update();
    }

    private static SweepJob read(ResultSet rs, int row) throws SQLException {
        long total = rs.getLong("total");
        Long counted = rs.wasNull() ? null : total;
        return new SweepJob(rs.getString("id"), SweepJob.Status.valueOf(rs.getString("status")),
                rs.getObject("as_of", LocalDate.class), Population.Format.valueOf(rs.getString("format")),
                instant(rs, "created"), instant(rs, "started"), instant(rs, "finished"), counted, rs.getLong("done"),
                rs.getString("ruleset_version"), rs.getString("reason"), rs.getString("region"),
                rs.getString("made_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
