package cn.talentpolicy.input;

import cn.talentpolicy.facts.DegreeLevel;
import cn.talentpolicy.facts.EmployerType;
import cn.talentpolicy.facts.Honour;
import cn.talentpolicy.facts.Nationality;
import cn.talentpolicy.facts.ProfessionalTitle;
import cn.talentpolicy.facts.SkillLevel;
import cn.talentpolicy.facts.SpecialZone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's facts as the outside world writes them: the body of an evaluation request, a policy case, a
 * population record. A scalar left out is unknown; a list left out is unknown (an empty
 * list is known to be empty), except honours and the ledger, where left out means none. Event records
 * (housing.purchase, postdoc) left out mean there was no such event.
 */
public record PersonDto(
        @NotBlank @Size(max = 64) @Pattern(regexp = InputPatterns.ID, message = InputPatterns.ID_MESSAGE) String id,
        LocalDate birthDate,
        Nationality nationality,
        @Pattern(regexp = InputPatterns.REGION, message = InputPatterns.REGION_MESSAGE) String hukouRegion,
        @Size(max = 10) List<@Valid @NotNull DegreeDto> degrees,
        ProfessionalTitle professionalTitle,
        SkillLevel skillLevel,
        @Size(max = 10) List<@NotNull Honour> honours,
        @Valid EmploymentDto employment,
        @Valid SocialInsuranceDto socialInsurance,
        @Valid HousingDto housing,
        @Valid PostdocDto postdoc,
        @Size(max = 100) List<@Valid @NotNull LedgerEntryDto> ledger) {

    public record DegreeDto(@NotNull DegreeLevel level, Boolean fullTime, LocalDate graduationDate, Boolean overseas,
                            Boolean cscseCertified, Boolean doubleFirstClass, Boolean shortageMajor) {
    }

    public record EmploymentDto(
            @Pattern(regexp = InputPatterns.REGION, message = InputPatterns.REGION_MESSAGE) String employerRegion,
            EmployerType employerType, Boolean onEstablishment, LocalDate startDate,
            @PositiveOrZero @Max(100) Integer contractYears, SpecialZone specialZone, @Valid EnclaveDto enclave,
            Boolean dualRegistration) {
    }

    public record EnclaveDto(
            @NotNull @Pattern(regexp = InputPatterns.REGION, message = InputPatterns.REGION_MESSAGE) String parentEmployerRegion,
            Boolean recognised) {
    }

    public record SocialInsuranceDto(
            @Pattern(regexp = InputPatterns.REGION, message = InputPatterns.REGION_MESSAGE) String region) {
    }

    public record HousingDto(
            @Size(max = 20) List<@NotNull @Pattern(regexp = InputPatterns.REGION, message = InputPatterns.REGION_MESSAGE) String> homesOwnedRegions,
            Boolean boughtSubsidisedHousing, @Valid HomePurchaseDto purchase) {
    }

    public record HomePurchaseDto(
            @Pattern(regexp = InputPatterns.REGION, message = InputPatterns.REGION_MESSAGE) String region,
            LocalDate date, @PositiveOrZero @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2) BigDecimal price, Boolean firstHomeInCity) {
    }

    public record PostdocDto(LocalDate entryDate, LocalDate exitDate,
                             @Pattern(regexp = InputPatterns.REGION, message = InputPatterns.REGION_MESSAGE) String stationRegion) {
    }

    public record LedgerEntryDto(
            @NotBlank @Pattern(regexp = InputPatterns.POLICY_ID, message = InputPatterns.POLICY_ID_MESSAGE) String policyId,
            @Pattern(regexp = InputPatterns.POLICY_ID, message = InputPatterns.POLICY_ID_MESSAGE) String part,
            @PositiveOrZero @Max(1200) Integer monthsPaid, @PositiveOrZero @DecimalMax("1000000000000") @Digits(integer = 13, fraction = 2) BigDecimal amountPaid) {
    }
}
