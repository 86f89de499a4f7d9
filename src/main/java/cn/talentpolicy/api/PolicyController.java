package cn.talentpolicy.api;

import cn.talentpolicy.policies.PolicyCatalogue;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
public class PolicyController {

    private final PolicyCatalogue catalogue;

    public PolicyController(PolicyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping(path = "/api/v1/policies", produces = MediaType.APPLICATION_JSON_VALUE)
    public PolicyCatalogue.Listing all(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return catalogue.all(date);
    }

    @GetMapping(path = "/api/v1/policies/{policyId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public PolicyCatalogue.Detail one(@PathVariable String policyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return catalogue.one(policyId, date).orElseThrow(() -> new UnknownPolicyException(policyId));
    }
}
