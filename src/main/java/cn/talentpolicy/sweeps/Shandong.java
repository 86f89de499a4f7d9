package cn.talentpolicy.sweeps;

import java.util.List;

/**
 * The places and institutions a synthetic Shandong population lives among: the province's 16 prefecture-level
 * cities with their 2020 census populations (the Seventh National Population Census, in ten thousands) and
 * GB/T 2260 district codes, rough new-home prices, and the universities and employers that records name.
 * Simplification: districts within a city are equally likely (the census gives no finer weights we use).
 */
final class Shandong {

    /** A prefecture-level city: census population (ten thousands), new-home price (CNY per m²), districts. */
    record City(String name, int population, int pricePerSquareMetre, List<String> districts) {

        /** The city's four-digit prefix, as the policies compare regions. */
        String prefix() {
            return districts.get(0).substring(0, 4);
        }
    }

    static final List<City> CITIES = List.of(
            new City("Jinan", 920, 15_000, List.of("370102", "370103", "370104", "370105", "370112", "370113",
                    "370114", "370115", "370116", "370117", "370124", "370126")),
            new City("Qingdao", 1007, 17_000, List.of("370202", "370203", "370211", "370212", "370213", "370214",
                    "370215", "370281", "370283", "370285")),
            new City("Zibo", 470, 9_000, List.of("370302", "370303", "370304", "370305", "370306", "370321",
                    "370322", "370323")),
            new City("Zaozhuang", 386, 7_500, List.of("370402", "370403", "370404", "370405", "370406", "370481")),
            new City("Dongying", 219, 8_500, List.of("370502", "370503", "370505", "370522", "370523")),
            new City("Yantai", 710, 11_000, List.of("370602", "370611", "370612", "370613", "370614", "370681",
                    "370682", "370683", "370685", "370686", "370687")),
            new City("Weifang", 939, 8_500, List.of("370702", "370703", "370704", "370705", "370724", "370725",
                    "370781", "370782", "370783", "370784", "370785", "370786")),
            new City("Jining", 836, 8_500, List.of("370811", "370812", "370826", "370827", "370828", "370829",
                    "370830", "370831", "370832", "370881", "370883")),
            new City("Tai'an", 547, 8_500, List.of("370902", "370911", "370921", "370923", "370982", "370983")),
            new City("Weihai", 291, 10_000, List.of("371002", "371003", "371082", "371083")),
            new City("Rizhao", 297, 9_000, List.of("371102", "371103", "371121", "371122")),
            new City("Linyi", 1102, 9_000, List.of("371302", "371311", "371312", "371321", "371322", "371323",
                    "371324", "371325", "371326", "371327", "371328", "371329")),
            new City("Dezhou", 561, 7_000, List.of("371402", "371403", "371422", "371423", "371424", "371425",
                    "371426", "371427", "371428", "371481", "371482")),
            new City("Liaocheng", 595, 7_000, List.of("371502", "371503", "371521", "371522", "371524", "371525",
                    "371526", "371581")),
            new City("Binzhou", 393, 7_500, List.of("371602", "371603", "371621", "371622", "371623", "371625",
                    "371681")),
            new City("Heze", 880, 7_000, List.of("371702", "371703", "371721", "371722", "371723", "371724",
                    "371725", "371726", "371728")));

    static final double[] CITY_WEIGHTS = CITIES.stream().mapToDouble(City::population).toArray();

    static final String LAOSHAN = "370212";
    /** Huangdao (West Coast New Area): the Qingdao area of the Shandong free-trade zone lies in it. */
    static final String HUANGDAO = "370211";
    /** Jiaozhou: the China-SCO local economic and trade cooperation demonstration zone lies in it. */
    static final String JIAOZHOU = "370281";

    /** Districts where homes cost more than their city's average, and by how much. */
    static double priceFactor(String district) {
        return switch (district) {
            case LAOSHAN -> 1.8;
            case "370202" -> 1.6; // Shinan, Qingdao
            case "370102", "370112" -> 1.3; // Lixia and Licheng, Jinan
            default -> 1.0;
        };
    }

    /** Cities outside the province where Shandong employers keep talent enclaves (人才飞地). */
    static final List<String> ENCLAVE_REGIONS = List.of("110108", "310115", "440305", "330106", "320506");
    static final List<String> ENCLAVE_CITIES = List.of("Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Suzhou");

    /** Where people with a hukou from outside the province come from (neighbouring and northern provinces). */
    static final List<String> OTHER_PROVINCE_HUKOU = List.of("410102", "410702", "130102", "130602", "320302",
            "340102", "340302", "210102", "230102", "140105", "220102", "120104");

    /** Postdoctoral stations outside the province. */
    static final List<String> OTHER_PROVINCE_STATIONS = List.of("110108", "310104", "320102", "420111");

    /** Double first-class (双一流) universities that Shandong graduates often hold degrees from. */
    static final List<String> DOUBLE_FIRST_CLASS = List.of("Shandong University", "Ocean University of China",
            "China University of Petroleum (East China)", "Tsinghua University", "Peking University",
            "Zhejiang University", "Harbin Institute of Technology", "Wuhan University", "Nanjing University",
            "Fudan University", "Tianjin University", "Xi'an Jiaotong University");

    static final List<String> UNIVERSITIES = List.of("Qingdao University", "Shandong Normal University",
            "Shandong University of Science and Technology", "Qilu University of Technology", "University of Jinan",
            "Shandong Agricultural University", "Yantai University", "Qufu Normal University", "Liaocheng University",
            "Linyi University", "Shandong University of Finance and Economics", "Shandong Jianzhu University",
            "Qingdao University of Science and Technology", "Shandong Technology and Business University",
            "Shandong University of Technology", "Weifang Medical University", "Binzhou Medical University");

    static final List<String> JUNIOR_COLLEGES = List.of("Shandong Vocational College of Industry",
            "Jinan Vocational College", "Qingdao Technical College", "Zibo Vocational Institute",
            "Weifang Vocational College", "Rizhao Polytechnic", "Shandong Polytechnic", "Taishan Polytechnic",
            "Yantai Vocational College", "Linyi Vocational University of Science and Technology");

    /** Overseas universities; one name holds a comma, as real names do, so CSV quoting is always exercised. */
    static final List<String> OVERSEAS = List.of("University of Edinburgh", "University of Manchester",
            "University of Melbourne", "National University of Singapore", "University of Sydney",
            "University of California, Berkeley", "Technical University of Munich", "University of Tokyo",
            "Korea University", "Imperial College London");

    static final List<String> BRANDS = List.of("Huaxin", "Hengtai", "Jinding", "Ruifeng", "Haiyi", "Tianrun",
            "Zhongke", "Lianchuang", "Boyuan", "Xinda", "Kaiyue", "Shengtong", "Yuhua", "Dongfang", "Qilu",
            "Hongda", "Jiahe", "Mingrui", "Lutong", "Anxin");
    static final List<String> INDUSTRIES = List.of("Technology", "Machinery", "Chemical", "Logistics", "Foods",
            "Pharmaceutical", "Textile", "Electronics", "Construction", "Trading", "Software", "New Materials",
            "Marine Equipment", "Auto Parts");
    static final List<String> PUBLIC_INSTITUTIONS = List.of("Central Hospital", "People's Hospital",
            "No. 1 Middle School", "Academy of Agricultural Sciences", "Vocational College",
            "Maternal and Child Health Hospital", "Institute of Geological Survey", "Library", "Experimental School");
    static final List<String> GOVERNMENT_BODIES = List.of("Bureau of Human Resources and Social Security",
            "Bureau of Natural Resources and Planning", "Market Supervision Administration", "Bureau of Commerce",
            "Bureau of Statistics", "Housing and Urban-Rural Development Bureau");
    static final List<String> SMALL_BUSINESSES = List.of("Studio", "Trading Store", "Restaurant", "Repair Shop",
            "Tea House", "Design Studio");

    private Shandong() {
    }
}
