package cn.talentpolicy.facts;

/** Honours and talent-programme selections held in the honours registry. */
public enum Honour {
    ACADEMICIAN, NATIONAL_TOP_AWARD, NATIONAL_LEADING_TALENT, PROVINCIAL_LEADING_TALENT, MUNICIPAL_LEADING_TALENT
}
