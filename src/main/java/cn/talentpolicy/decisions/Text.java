package cn.talentpolicy.decisions;

/** A text in Chinese and English. */
public record Text(String zh, String en) {
}
