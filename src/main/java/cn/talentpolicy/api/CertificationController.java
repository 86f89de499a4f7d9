package cn.talentpolicy.api;

import cn.talentpolicy.certification.Certification;
import cn.talentpolicy.certification.CertificationService;
import cn.talentpolicy.engine.Ruleset;
import cn.talentpolicy.engine.RulesetHolder;
import cn.talentpolicy.register.DecisionRegister;
import cn.talentpolicy.register.Maker;
import cn.talentpolicy.register.NewDecision;
import cn.talentpolicy.register.RecordKind;
import cn.talentpolicy.register.RecordedDecision;
import cn.talentpolicy.register.Recorder;
import cn.talentpolicy.security.Roles;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * their own. Every certification is a decision recorded in the register, with its records and its answer,
 * before it is answered; showing and reproducing read the newest record of it.
 */
@RestController
public class CertificationController {

    private final CertificationService certifications;
    private final RulesetHolder rulesets;
    private final Recorder recorder;
    private final EvaluationMapper mapper;
    private final ObjectMapper json;
    private final Contract contract;

    public CertificationController(CertificationService certifications, RulesetHolder rulesets, Recorder recorder,
                                   EvaluationMapper mapper, ObjectMapper json, Contract contract) {
        this.contract = contract;
        this.certifications = certifications;
        this.rulesets = rulesets;
        this.recorder = recorder;
        this.mapper = mapper;
        this.json = json.copy().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @PostMapping(path = "/api/v1/certifications", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public CertificationResponse certify(@RequestBody JsonNode body, Caller caller) {
        CertificationRequest request = contract.read(body, "CertificationRequest", CertificationRequest.class);
        Ruleset ruleset = rulesets.current();
        Certification certification = certifications.certify(ruleset, new CertificationService.Request(
                request.personId(), request.asOf(), request.records(), request.policies(), caller.region()));
        String id = DecisionRegister.newId();
        CertificationResponse response = mapper.toResponse(certification).recorded(id);
        // recorded with the date it was certified at, so reproducing it later uses the same date
        JsonNode input = json.valueToTree(new CertificationRequest(request.personId(), certification.asOf(),
                request.records(), request.policies()));
        recorder.record(new Recorder.Made(RecordKind.CERTIFICATION, new Maker(caller.name(), Roles.OFFICER,
                        caller.region()), certification.certificationId(), certification.personId(),
                certification.asOf(), ruleset, input,
                certification.decisions().stream().map(Certification.CertifiedDecision::decision).toList(), null),
                id, owed -> write(response));
        return response;
    }

    @GetMapping(path = "/api/v1/certifications/{certificationId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public JsonNode stored(@PathVariable String certificationId, Caller caller) throws Exception {
        return json.readTree(load(certificationId, caller).decision().answer());
    }

    /** Certifies the stored records again under the serving ruleset and says whether the answer is the same. */
    @PostMapping(path = "/api/v1/certifications/{certificationId}/reproduce",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public CertificationResponse.Reproduction reproduce(@PathVariable String certificationId, Caller caller)
            throws Exception {
        NewDecision stored = load(certificationId, caller).decision();
        CertificationRequest request = json.treeToValue(json.readTree(stored.input()), CertificationRequest.class);
        CertificationResponse again = mapper.toResponse(certifications.certify(new CertificationService.Request(
                request.personId(), request.asOf(), request.records(), request.policies(), stored.maker().region())));
        ObjectNode answered = (ObjectNode) json.readTree(stored.answer());
        answered.remove("decisionId"); // the record's id, not part of the answer certifying gives
        List<String> differences = new ArrayList<>();
        diff("", answered, json.valueToTree(again), differences);
        return new CertificationResponse.Reproduction(certificationId, differences.isEmpty(),
                answered.path("rulesetVersion").asText(), again.rulesetVersion(), differences, again);
    }

    /**
     * The newest record of a certification the caller may see, with its records and answer: another region's
     * answers 404, as an unknown id does, and so does one whose records and answer the register no longer keeps.
     */
    private RecordedDecision load(String certificationId, Caller caller) {
        return recorder.register().latest(certificationId, RecordKind.CERTIFICATION)
                .filter(r -> caller.sees(r.decision().maker().region()))
                .filter(r -> r.decision().input() != null && r.decision().answer() != null)
                .orElseThrow(() -> new UnknownCertificationException(certificationId));
    }

    private String write(Object answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
