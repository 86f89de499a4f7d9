package cn.talentpolicy.sweeps;

import cn.talentpolicy.input.GovernmentRecord;
import cn.talentpolicy.input.InputPatterns;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** One person of a population file, read: the {@code PopulationEntry} schema of the contract. */
record PopulationRecord(
        @NotBlank @Size(max = 64) @Pattern(regexp = InputPatterns.ID, message = InputPatterns.ID_MESSAGE) String personId,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull GovernmentRecord> records) {
}
