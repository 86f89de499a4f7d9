package cn.talentpolicy.input;

import cn.talentpolicy.facts.Degree;
import cn.talentpolicy.facts.Education;
import cn.talentpolicy.facts.Employment;
import cn.talentpolicy.facts.Enclave;
import cn.talentpolicy.facts.HomePurchase;
import cn.talentpolicy.facts.Housing;
import cn.talentpolicy.facts.LedgerEntry;
import cn.talentpolicy.facts.Person;
import cn.talentpolicy.facts.PersonFacts;
import cn.talentpolicy.facts.PostdocStation;
import cn.talentpolicy.facts.Qualifications;
import cn.talentpolicy.facts.SocialInsurance;
import cn.talentpolicy.input.PersonDto.DegreeDto;
import cn.talentpolicy.input.PersonDto.EmploymentDto;
import cn.talentpolicy.input.PersonDto.EnclaveDto;
import cn.talentpolicy.input.PersonDto.HomePurchaseDto;
import cn.talentpolicy.input.PersonDto.LedgerEntryDto;
import cn.talentpolicy.input.PersonDto.PostdocDto;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.NullValueCheckStrategy;
import org.mapstruct.factory.Mappers;

import java.util.List;
import java.util.Set;

/**
 * A person as written ({@link PersonDto}) to the plain facts the rules read. Every fact is given the person's
 * id. A section left out becomes a fact whose fields are unknown (null), except event records, which stay
 * absent, and the lists whose omission means none (honours, ledger).
 */
@Mapper(componentModel = "spring", nullValueCheckStrategy = NullValueCheckStrategy.ALWAYS)
public interface FactsMapper {

    /** For code outside Spring (policy cases, command-line tools). */
    FactsMapper INSTANCE = Mappers.getMapper(FactsMapper.class);

    EmploymentDto NO_EMPLOYMENT = new EmploymentDto(null, null, null, null, null, null, null, null);

    default PersonFacts toFacts(PersonDto dto) {
        String id = dto.id();
        var housing = dto.housing();
        return new PersonFacts(
                new Person(id, dto.birthDate(), dto.nationality(), dto.hukouRegion()),
                new Education(id, dto.degrees() == null ? null : dto.degrees().stream().map(this::toDegree).toList()),
                new Qualifications(id, dto.professionalTitle(), dto.skillLevel(),
                        dto.honours() == null ? Set.of() : Set.copyOf(dto.honours())), // ordered by Qualifications
                toEmployment(dto.employment() == null ? NO_EMPLOYMENT : dto.employment(), id),
                new SocialInsurance(id, dto.socialInsurance() == null ? null : dto.socialInsurance().region()),
                housing == null ? new Housing(id, null, null)
                        : new Housing(id, housing.homesOwnedRegions(), housing.boughtSubsidisedHousing()),
                housing == null || housing.purchase() == null ? null : toPurchase(housing.purchase(), id),
                dto.postdoc() == null ? null : toPostdoc(dto.postdoc(), id),
                dto.ledger() == null ? List.of() : dto.ledger().stream().map(e -> toLedgerEntry(e, id)).toList());
    }

    Degree toDegree(DegreeDto dto);

    @Mapping(target = "personId", source = "personId")
    Employment toEmployment(EmploymentDto dto, String personId);

    Enclave toEnclave(EnclaveDto dto);

    @Mapping(target = "personId", source = "personId")
    HomePurchase toPurchase(HomePurchaseDto dto, String personId);

    @Mapping(target = "personId", source = "personId")
    @Mapping(target = "region", source = "dto.stationRegion")
    PostdocStation toPostdoc(PostdocDto dto, String personId);

    @Mapping(target = "personId", source = "personId")
    LedgerEntry toLedgerEntry(LedgerEntryDto dto, String personId);
}
