package cn.talentpolicy.facts;

/** Zones with their own talent rules: the SCO demonstration zone and the free-trade-zone area in Qingdao. */
public enum SpecialZone { QINGDAO_SCO_ZONE, QINGDAO_FTZ }
