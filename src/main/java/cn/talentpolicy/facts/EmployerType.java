package cn.talentpolicy.facts;

public enum EmployerType { ENTERPRISE, PUBLIC_INSTITUTION, GOVERNMENT, SOCIAL_ORGANISATION, SELF_EMPLOYED }
