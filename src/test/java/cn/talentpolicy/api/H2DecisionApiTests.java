package cn.talentpolicy.api;

/** The register's API on the embedded database (the default: nothing configured). */
class H2DecisionApiTests extends DecisionRegisterApiContract {
}
