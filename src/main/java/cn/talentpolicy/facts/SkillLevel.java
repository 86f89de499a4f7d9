package cn.talentpolicy.facts;

/** Vocational skill levels, highest first: 高级技师, 技师, 高级工, 中级工, 初级工. */
public enum SkillLevel { SENIOR_TECHNICIAN, TECHNICIAN, SENIOR_WORKER, INTERMEDIATE_WORKER, JUNIOR_WORKER }
