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

    /** The limits application.properties sets, for tools that run without the service (a sweep). */
    public static CertificationProperties defaults() {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.InputStream in = CertificationProperties.class.getResourceAsStream("/application.properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("application.properties is not in the jar", e);
        }
        String prefix = "talent.certification.max-age-days.";
        Map<String, Integer> limits = new java.util.TreeMap<>();
        properties.stringPropertyNames().stream().filter(n -> n.startsWith(prefix))
                .forEach(n -> limits.put(n.substring(prefix.length()), Integer.parseInt(properties.getProperty(n).trim())));
        return new CertificationProperties(limits);
    }
}
