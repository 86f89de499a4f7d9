package cn.talentpolicy.register;

import java.nio.file.Path;

/** The register on the embedded database, in a file, as the service runs it by default. */
class H2RegisterTests extends DecisionRegisterContract {

    @Override
    TestDatabase open(Path folder) {
        return TestDatabase.h2(folder);
    }
}
