package cn.talentpolicy.api;

import cn.talentpolicy.certification.Certification;
import cn.talentpolicy.certification.CertificationService;
import cn.talentpolicy.certification.CertificationStore;
import cn.talentpolicy.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Passive certification: certify from records, show a stored certification, reproduce it from its records. Only
 * officers certify; officers and auditors read, and an officer only what was certified under a region inside
 * their own.
 */
@RestController
public class CertificationController {

    private final CertificationService certifications;
    private final CertificationStore store;
    private final EvaluationMapper mapper;
    private final ObjectMapper json;

    private final Contract contract;

    public CertificationController(CertificationService certifications, CertificationStore store,
                                   EvaluationMapper mapper, ObjectMapper json, Contract contract) {
        this.contract = contract;
        this.certifications = certifications;
        this.store = store;
        this.mapper = mapper;
        this.json = json.copy().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @PostMapping(path = "/api/v1/certifications", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public CertificationResponse certify(@RequestBody JsonNode body, Caller caller) {
        CertificationRequest request = contract.read(body, "CertificationRequest", CertificationRequest.class);
        CertificationResponse response = run(request, caller.region());
        // stored with the date it was certified at, so reproducing it later uses the same date
        store.save(response.certificationId(), new CertificationRequest(request.personId(), response.asOf(),
                request.records(), request.policies()), response, caller.region(), caller.name());
        return response;
    }

    @GetMapping(path = "/api/v1/certifications/{certificationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public JsonNode stored(@PathVariable String certificationId, Caller caller) {
        return load(certificationId, caller).response();
    }

    /** Certifies the stored records again under the serving ruleset and says whether the answer is the same. */
    @PostMapping(path = "/api/v1/certifications/{certificationId}/reproduce",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public CertificationResponse.Reproduction reproduce(@PathVariable String certificationId, Caller caller)
            throws Exception {
        CertificationStore.Stored stored = load(certificationId, caller);
        CertificationRequest request = json.treeToValue(stored.request(), CertificationRequest.class);
        CertificationResponse again = run(request, stored.region());
        List<String> differences = new ArrayList<>();
        diff("", stored.response(), json.valueToTree(again), differences);
        return new CertificationResponse.Reproduction(certificationId, differences.isEmpty(),
                stored.response().path("rulesetVersion").asText(), again.rulesetVersion(), differences, again);
    }

    /** A stored certification the caller may see: another region's answers 404, as an unknown one does. */
    private CertificationStore.Stored load(String certificationId, Caller caller) {
        return store.load(certificationId).filter(stored -> caller.sees(stored.region()))
                .orElseThrow(() -> new UnknownCertificationException(certificationId));
    }

    private CertificationResponse run(CertificationRequest request, String region) {
        Certification certification = certifications.certify(new CertificationService.Request(request.personId(),
                request.asOf(), request.records(), request.policies(), region));
        return mapper.toResponse(certification);
    }

    /** JSON pointers where two answers differ (at most 50). */
    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (out.size() >= 50 || a.equals(b)
                || (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                diff(path + "/" + f, a.get(f), b.has(f) ? b.get(f) : com.fasterxml.jackson.databind.node.MissingNode.getInstance(), out);
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!a.has(f)) {
                    out.add(path + "/" + f);
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "/" + i, a.get(i), b.get(i), out);
            }
        } else {
            out.add(path.isEmpty() ? "/" : path);
        }
    }
}
