package cn.talentpolicy.certification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * How old a record of each source may be (days before the as-of date) and still be used. A source not listed
 * never goes stale (education, titles, honours, CSCSE, the ledger, postdoctoral stays: events, not states).
 * Defaults in application.properties: {@code talent.certification.max-age-days.SOCIAL_INSURANCE=45} and so on.
 */
@ConfigurationProperties(prefix = "talent.certification")
public record CertificationProperties(Map<String, Integer> maxAgeDays) {

    public CertificationProperties {
        maxAgeDays = maxAgeDays == null ? Map.of() : Map.copyOf(maxAgeDays);
    }
}
