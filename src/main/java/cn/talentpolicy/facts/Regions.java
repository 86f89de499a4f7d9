package cn.talentpolicy.facts;

/**
 * Region codes are GB/T 2260 six-digit codes. A place is in a city when its code shares the city's first four
 * digits, in a province when it shares the first two, in a district when the codes are equal.
 * Every test is false for a null code: callers decide separately what an unknown region means.
 */
public final class Regions {

    public static final String SHANDONG = "370000";
    public static final String JINAN = "370100";
    public static final String QINGDAO = "370200";
    public static final String LAOSHAN = "370212";
    public static final String ZIBO = "370300";
    public static final String YANTAI = "370600";
    public static final String TAIAN = "370900";

    private Regions() {
    }

    public static boolean inCity(String code, String cityCode) {
        return code != null && cityCode != null && code.length() == 6 && code.regionMatches(0, cityCode, 0, 4);
    }

    public static boolean inProvince(String code, String provinceCode) {
        return code != null && provinceCode != null && code.length() == 6 && code.regionMatches(0, provinceCode, 0, 2);
    }

    public static boolean inDistrict(String code, String districtCode) {
        return code != null && code.equals(districtCode);
    }

    /**
     * Whether {@code code} lies in {@code area}: a province code (ending 0000) holds its cities and districts, a
     * city code (ending 00) its districts, a district only itself. False if either is not a six-digit code.
     */
    public static boolean within(String code, String area) {
        if (code == null || area == null || !code.matches("\\d{6}") || !area.matches("\\d{6}")) {
            return false;
        }
        if (area.endsWith("0000")) {
            return inProvince(code, area);
        }
        return area.endsWith("00") ? inCity(code, area) : inDistrict(code, area);
    }
}
