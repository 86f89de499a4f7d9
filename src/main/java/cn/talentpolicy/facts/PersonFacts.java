package cn.talentpolicy.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything known about one person, as the rules see it. Sections that can be unknown are always present
 * with null fields; event records ({@code homePurchase}, {@code postdoc}) are null when there was no event.
 */
public record PersonFacts(Person person, Education education, Qualifications qualifications, Employment employment,
                          SocialInsurance socialInsurance, Housing housing, HomePurchase homePurchase,
                          PostdocStation postdoc, List<LedgerEntry> ledger) {

    public PersonFacts {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(education, "education");
        Objects.requireNonNull(qualifications, "qualifications");
        Objects.requireNonNull(employment, "employment");
        Objects.requireNonNull(socialInsurance, "socialInsurance");
        Objects.requireNonNull(housing, "housing");
        ledger = ledger == null ? List.of() : List.copyOf(ledger);
    }

    public String personId() {
        return person.personId();
    }

    /** The facts to put in a rule session, each carrying this person's id. */
    public List<PersonFact> all() {
        List<PersonFact> facts = new ArrayList<>(List.of(new Subject(person.personId()), person, education,
                qualifications, employment, socialInsurance, housing));
        if (homePurchase != null) {
            facts.add(homePurchase);
        }
        if (postdoc != null) {
            facts.add(postdoc);
        }
        facts.addAll(ledger);
        return facts;
    }
}
