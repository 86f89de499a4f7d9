package cn.talentpolicy.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Lets the pages of the portals listed in {@code talent.api.cors-allowed-origins} (comma-separated, like
 * {@code https://rsj.jinan.gov.cn}; default none) call the public API - evaluations and the policy listing - from
 * their own scripts, as the checker page does from this service's origin. The answers carry no credentials and
 * the service keeps nothing, so only the public, read-only calls are opened; ruleset administration never is.
 */
@Configuration
class PublicApiCors implements WebMvcConfigurer {

    private final List<String> origins;

    PublicApiCors(@Value("${talent.api.cors-allowed-origins:}") List<String> origins) {
        this.origins = origins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (origins.isEmpty()) {
            return;
        }
        String[] allowed = origins.toArray(String[]::new);
        registry.addMapping("/api/v1/evaluations").allowedOrigins(allowed).allowedMethods("POST")
                .allowedHeaders("Content-Type", "Accept").allowCredentials(false).maxAge(3600);
        registry.addMapping("/api/v1/policies").allowedOrigins(allowed).allowedMethods("GET").maxAge(3600);
        registry.addMapping("/api/v1/policies/*").allowedOrigins(allowed).allowedMethods("GET").maxAge(3600);
    }
}
