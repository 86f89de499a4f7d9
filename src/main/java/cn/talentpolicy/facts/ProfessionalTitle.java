package cn.talentpolicy.facts;

/** Professional title grades: 正高级, 副高级, 中级, 初级. */
public enum ProfessionalTitle { FULL_SENIOR, DEPUTY_SENIOR, INTERMEDIATE, JUNIOR }
