package cn.talentpolicy.sweeps;

import java.util.Map;

/** The names of Shandong's cities (GB/T 2260), for the regions of a sweep summary. */
final class Cities {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("370100", "济南市"), Map.entry("370200", "青岛市"), Map.entry("370300", "淄博市"),
            Map.entry("370400", "枣庄市"), Map.entry("370500", "东营市"), Map.entry("370600", "烟台市"),
            Map.entry("370700", "潍坊市"), Map.entry("370800", "济宁市"), Map.entry("370900", "泰安市"),
            Map.entry("371000", "威海市"), Map.entry("371100", "日照市"), Map.entry("371300", "临沂市"),
            Map.entry("371400", "德州市"), Map.entry("371500", "聊城市"), Map.entry("371600", "滨州市"),
            Map.entry("371700", "菏泽市"));

    private Cities() {
    }

    /** The city's name; a region outside Shandong is named "outside Shandong", one not known "unknown". */
    static String name(String region) {
        if (region.equals("unknown")) {
            return "未知";
        }
        return NAMES.getOrDefault(region, region.startsWith("37") ? region : "山东省外");
    }
}
