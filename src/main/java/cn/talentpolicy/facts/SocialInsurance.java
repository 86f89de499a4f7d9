package cn.talentpolicy.facts;

/** Where social insurance is currently paid; {@code region == null} is unknown. */
public record SocialInsurance(String personId, String region) implements PersonFact {
}
