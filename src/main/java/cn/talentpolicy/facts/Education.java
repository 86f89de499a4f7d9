package cn.talentpolicy.facts;

import java.util.List;

/** The degrees a person holds; {@code degrees == null} means the request did not say (unknown). */
public record Education(String personId, List<Degree> degrees) implements PersonFact {
}
