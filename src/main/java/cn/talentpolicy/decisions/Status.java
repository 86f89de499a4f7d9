package cn.talentpolicy.decisions;

/** The result of one criterion for one person. */
public enum Status { PASS, FAIL, UNKNOWN }
