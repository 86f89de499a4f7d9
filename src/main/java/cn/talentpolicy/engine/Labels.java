package cn.talentpolicy.engine;

import java.util.Map;

/**
 * How the vocabulary's codes read in a message: a person is told "硕士研究生" / "master's", not MASTER. A code
 * with no label here prints as itself.
 */
final class Labels {

    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("DOCTORATE", new String[]{"博士研究生", "doctorate"}),
            Map.entry("MASTER", new String[]{"硕士研究生", "master's"}),
            Map.entry("BACHELOR", new String[]{"本科", "bachelor's"}),
            Map.entry("JUNIOR_COLLEGE", new String[]{"专科", "junior college"}),
            Map.entry("FULL_SENIOR", new String[]{"正高级", "full-senior"}),
            Map.entry("DEPUTY_SENIOR", new String[]{"副高级", "deputy-senior"}),
            Map.entry("INTERMEDIATE", new String[]{"中级", "intermediate"}),
            Map.entry("JUNIOR", new String[]{"初级", "junior"}),
            Map.entry("SENIOR_TECHNICIAN", new String[]{"高级技师", "senior technician"}),
            Map.entry("TECHNICIAN", new String[]{"技师", "technician"}),
            Map.entry("SENIOR_WORKER", new String[]{"高级工", "senior worker"}),
            Map.entry("INTERMEDIATE_WORKER", new String[]{"中级工", "intermediate worker"}),
            Map.entry("JUNIOR_WORKER", new String[]{"初级工", "junior worker"}),
            Map.entry("ACADEMICIAN", new String[]{"两院院士", "academician"}),
            Map.entry("NATIONAL_TOP_AWARD", new String[]{"国家最高科学技术奖", "national top science award"}),
            Map.entry("NATIONAL_LEADING_TALENT", new String[]{"国家级领军人才", "national leading talent"}),
            Map.entry("PROVINCIAL_LEADING_TALENT", new String[]{"省级领军人才", "provincial leading talent"}),
            Map.entry("MUNICIPAL_LEADING_TALENT", new String[]{"市级领军人才", "municipal leading talent"}),
            Map.entry("ENTERPRISE", new String[]{"企业", "enterprise"}),
            Map.entry("PUBLIC_INSTITUTION", new String[]{"事业单位", "public institution"}),
            Map.entry("GOVERNMENT", new String[]{"机关", "government body"}),
            Map.entry("SOCIAL_ORGANISATION", new String[]{"社会组织", "social organisation"}),
            Map.entry("SELF_EMPLOYED", new String[]{"个体/自主创业", "self-employed"}),
            Map.entry("QINGDAO_SCO_ZONE", new String[]{"上合示范区", "SCO demonstration zone"}),
            Map.entry("QINGDAO_FTZ", new String[]{"青岛自贸片区", "Qingdao free-trade zone"}),
            Map.entry("MAINLAND", new String[]{"中国大陆", "mainland China"}),
            Map.entry("HONG_KONG", new String[]{"香港", "Hong Kong"}),
            Map.entry("MACAO", new String[]{"澳门", "Macao"}),
            Map.entry("TAIWAN", new String[]{"台湾", "Taiwan"}),
            Map.entry("FOREIGN", new String[]{"外籍", "foreign"}),
            Map.entry("ELIGIBLE", new String[]{"符合条件", "ELIGIBLE"}),
            Map.entry("INELIGIBLE", new String[]{"不符合条件", "INELIGIBLE"}),
            Map.entry("NEEDS_INFO", new String[]{"需补充信息", "NEEDS_INFO"}));

    private Labels() {
    }

    static String of(Enum<?> code, boolean chinese) {
        String[] label = LABELS.get(code.name());
        return label == null ? code.name() : label[chinese ? 0 : 1];
    }
}
