package cn.talentpolicy.input;

import cn.talentpolicy.facts.DegreeLevel;
import cn.talentpolicy.facts.EmployerType;
import cn.talentpolicy.facts.Honour;
import cn.talentpolicy.facts.Nationality;
import cn.talentpolicy.facts.ProfessionalTitle;
import cn.talentpolicy.facts.SkillLevel;
import cn.talentpolicy.facts.SpecialZone;
import cn.talentpolicy.input.PersonDto.EnclaveDto;
import cn.talentpolicy.input.PersonDto.HomePurchaseDto;
import cn.talentpolicy.input.PersonDto.LedgerEntryDto;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * A record a government source holds about a person, with its provenance: the source (which also says what
 * the record holds), the record's id there, the date it was retrieved, and whether the person declared it
 * themselves rather than a registry holding it. Passive certification and population sweeps take these.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "source",
        visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = GovernmentRecord.Hukou.class, name = "HUKOU"),
        @JsonSubTypes.Type(value = GovernmentRecord.Education.class, name = "EDUCATION_REGISTRY"),
        @JsonSubTypes.Type(value = GovernmentRecord.Cscse.class, name = "CSCSE"),
        @JsonSubTypes.Type(value = GovernmentRecord.Title.class, name = "TITLE_REGISTRY"),
        @JsonSubTypes.Type(value = GovernmentRecord.Honours.class, name = "HONOURS_REGISTRY"),
        @JsonSubTypes.Type(value = GovernmentRecord.SocialInsurance.class, name = "SOCIAL_INSURANCE"),
        @JsonSubTypes.Type(value = GovernmentRecord.Employer.class, name = "EMPLOYER_REGISTRY"),
        @JsonSubTypes.Type(value = GovernmentRecord.Property.class, name = "PROPERTY_REGISTRY"),
        @JsonSubTypes.Type(value = GovernmentRecord.Ledger.class, name = "SUBSIDY_LEDGER"),
        @JsonSubTypes.Type(value = GovernmentRecord.Postdoc.class, name = "POSTDOC_REGISTRY")})
public sealed interface GovernmentRecord {

    String source();

    String recordId();

    LocalDate retrievedOn();

    /** True when the person declared it (承诺制) rather than a registry holding it; omitted means false. */
    Boolean selfDeclared();

    default boolean isSelfDeclared() {
        return Boolean.TRUE.equals(selfDeclared());
    }

    /** Identity and household registration: birth date, nationality, hukou region. */
    record Hukou(@NotBlank String source, @NotBlank @Size(max = 128) String recordId, @NotNull LocalDate retrievedOn,
                 Boolean selfDeclared, LocalDate birthDate, Nationality nationality,
                 @Pattern(regexp = InputPatterns.REGION, message = InputPatterns.REGION_MESSAGE) String hukouRegion)
            implements GovernmentRecord {
    }

    /** One degree from the education registry (学信网). */
    record Education(@NotBlank String source, @NotBlank @Size(max = 128) String recordId, @NotNull LocalDate retrievedOn,
                     Boolean selfDeclared, @NotNull DegreeLevel level, Boolean fullTime, LocalDate graduationDate,
                     @Size(max = 200) String institution, Boolean overseas, Boolean doubleFirstClass,
                     Boolean shortageMajor) implements GovernmentRecord {
    }

    /** A CSCSE (留服) certification of an overseas degree, naming the education record it certifies. */
    record Cscse(@NotBlank String source, @NotBlank @Size(max = 128) String recordId, @NotNull LocalDate retrievedOn,
                 Boolean selfDeclared, @NotBlank String degreeRecordId, @NotNull Boolean certified)
            implements GovernmentRecord {
    }

    /** A professional title or vocational skill level from the title registry. */
    record Title(@NotBlank String source, @NotBlank @Size(max = 128) String recordId, @NotNull LocalDate retrievedOn,
                 Boolean selfDeclared, ProfessionalTitle professionalTitle, SkillLevel skillLevel)
            implements GovernmentRecord {
    }

    /** A selection or honour from the honours and talent-programme registry. */
    record Honours(@NotBlank String source, @NotBlank @Size(max = 128) String recordId, @NotNull LocalDate retrievedOn,
                   Boolean selfDeclared, @NotNull Honour honour) implements GovernmentRecord {
    }

    /** Where social insurance is currently paid, by which employer, for how many months. */
    record SocialInsurance(@NotBlank String source, @NotBlank @Size(max = 128) String recordId,
                           @NotNull LocalDate retrievedOn, Boolean selfDeclared,
                           @Pattern(regexp = InputPatterns.REGION, message = InputPatterns.REGION_MESSAGE) String region,
                           @Size(max = 200) String employerName, @PositiveOrZero @Max(1200) Integer monthsPaid)
            implements GovernmentRecord {
    }

    /** The current employment, from the employer registry (with enclave recognition and dual registration). */
    record Employer(@NotBlank String source, @NotBlank @Size(max = 128) String recordId, @NotNull LocalDate retrievedOn,
                    Boolean selfDeclared, @Size(max = 200) String employerName,
                    @Pattern(regexp = InputPatterns.REGION, message = InputPatterns.REGION_MESSAGE) String employerRegion,
                    EmployerType employerType, Boolean onEstablishment, LocalDate startDate,
                    @PositiveOrZero @Max(100) Integer contractYears, SpecialZone specialZone, @Valid EnclaveDto enclave,
                    Boolean dualRegistration) implements GovernmentRecord {
    }

    /** Homes owned, subsidised housing bought, and a home purchase, from the property registry. */
    record Property(@NotBlank String source, @NotBlank @Size(max = 128) String recordId, @NotNull LocalDate retrievedOn,
                    Boolean selfDeclared,
                    @Size(max = 20) List<@NotNull @Pattern(regexp = InputPatterns.REGION, message = InputPatterns.REGION_MESSAGE) String> homesOwnedRegions,
                    Boolean boughtSubsidisedHousing, @Valid HomePurchaseDto purchase) implements GovernmentRecord {
    }

    /** What the bureau has already paid. */
    record Ledger(@NotBlank String source, @NotBlank @Size(max = 128) String recordId, @NotNull LocalDate retrievedOn,
                  Boolean selfDeclared, @NotNull @Size(max = 100) List<@Valid @NotNull LedgerEntryDto> entries)
            implements GovernmentRecord {
    }

    /** A postdoctoral station stay. */
    record Postdoc(@NotBlank String source, @NotBlank @Size(max = 128) String recordId, @NotNull LocalDate retrievedOn,
                   Boolean selfDeclared, LocalDate entryDate, LocalDate exitDate,
                   @Pattern(regexp = InputPatterns.REGION, message = InputPatterns.REGION_MESSAGE) String stationRegion)
            implements GovernmentRecord {
    }
}
