package cn.talentpolicy.api;

import cn.talentpolicy.input.GovernmentRecord;
import cn.talentpolicy.input.InputPatterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * POST /api/v1/certifications: a person's records from named government sources, each with its record id and
 * retrieval date; an optional as-of date (default today in Asia/Shanghai) and policy filter.
 */
public record CertificationRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = InputPatterns.ID, message = InputPatterns.ID_MESSAGE) String personId,
        LocalDate asOf,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull GovernmentRecord> records,
        @Size(max = 50) List<@NotNull @Pattern(regexp = InputPatterns.POLICY_ID, message = InputPatterns.POLICY_ID_MESSAGE) String> policies) {
}
