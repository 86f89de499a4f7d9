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
 * @param record   record the decision in the register and answer with its id; default false (an officer's
 *                 evaluation is always recorded)
 * @param corrects the id of an earlier decision about the same person that this evaluation corrects (officers
 *                 only): recorded, linked to it, with the difference in the amounts owed
 */
public record EvaluationRequest(
        @NotNull @Valid PersonDto person,
        LocalDate asOf,
        @Size(max = 50) List<@NotNull @Pattern(regexp = InputPatterns.POLICY_ID, message = InputPatterns.POLICY_ID_MESSAGE) String> policies,
        Boolean explain,
        Boolean record,
        @Pattern(regexp = "dec-[0-9a-f]{20}", message = "is a decision id: dec- and 20 hex digits") String corrects) {
}
