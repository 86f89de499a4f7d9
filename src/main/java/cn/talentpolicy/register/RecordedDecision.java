package cn.talentpolicy.register;

/** A decision as the register holds it: its place in the chain and the hashes that tie it there. */
public record RecordedDecision(long seq, NewDecision decision, String previousHash, String hash) {
}
