package cn.talentpolicy.sweeps;

import cn.talentpolicy.register.TestDatabase;

import java.nio.file.Path;

/** The service's sweeps with their jobs and claims in a real PostgreSQL: every test of {@link SweepJobsTests}. */
class PostgresSweepJobsTests extends SweepJobsTests {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.postgres();
    }
}
