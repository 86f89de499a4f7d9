package cn.talentpolicy.api;

import cn.talentpolicy.input.InputPatterns;
import cn.talentpolicy.input.PersonDto;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * POST /api/v1/evaluations.
 *
 * @param asOf     the date ages and windows are computed at; default today in Asia/Shanghai
 * @param policies the policies to answer for; default all loaded decision policies
 * @param explain  include the trace and derived facts; default true
 */
public record EvaluationRequest(
        @NotNull @Valid PersonDto person,
        LocalDate asOf,
        @Size(max = 50) List<@NotNull @Pattern(regexp = InputPatterns.POLICY_ID, message = InputPatterns.POLICY_ID_MESSAGE) String> policies,
        Boolean explain) {
}
