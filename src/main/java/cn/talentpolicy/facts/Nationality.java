package cn.talentpolicy.facts;

public enum Nationality { MAINLAND, HONG_KONG, MACAO, TAIWAN, FOREIGN }
