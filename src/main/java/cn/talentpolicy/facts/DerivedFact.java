package cn.talentpolicy.facts;

/**
 * A fact that rules derive from the input facts (an age, the highest degree, the workplace after the enclave
 * rule, a certified tier). Decisions list the derived facts they rest on, so each carries its person.
 */
public interface DerivedFact extends PersonFact {
}
