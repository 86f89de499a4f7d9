package cn.talentpolicy.engine;

import cn.talentpolicy.decisions.Benefit;
import cn.talentpolicy.decisions.BenefitKind;
import cn.talentpolicy.decisions.CriterionResult;
import cn.talentpolicy.decisions.Decision;
import cn.talentpolicy.decisions.DerivedFactView;
import cn.talentpolicy.decisions.Evaluation;
import cn.talentpolicy.decisions.Outcome;
import cn.talentpolicy.decisions.PartOutcome;
import cn.talentpolicy.decisions.PolicyOutcome;
import cn.talentpolicy.decisions.Status;
import cn.talentpolicy.decisions.Text;
import cn.talentpolicy.decisions.TraceStep;
import cn.talentpolicy.facts.*;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a rule may name: the classes and members its conditions, consequences and functions can reach. Uploaded
 * and reloaded rules are code that runs inside the service, so the loader holds every DRL file to this list
 * before anything in it is compiled ({@link VocabularyCheck}); rules/README.md, "What a rule may use", says it
 * for policy writers.
 * <p>
 * The classes: the project's facts and decisions (every public type of {@code cn.talentpolicy.facts} and
 * {@code cn.talentpolicy.decisions}), the rule helpers {@link Verdicts}, {@link Parameters} (the {@code params}
 * global) and the facts the engine inserts to decide, {@code java.time} (but its clocks), {@code java.math}, the
 * plain collections and the value types of {@code java.lang}. Nothing else: no files, processes, threads,
 * network, class loading or reflection.
 * <p>
 * The members: a rule holds only values of those classes (the facts it matched, literals, the global, and
 * what it made of them), so a member it calls belongs to one of them. A member's name is usable when some class
 * of the vocabulary has it and no class of the vocabulary has a member of that name that hands out something
 * outside the vocabulary ({@code getClass()}, an {@code iterator()}, a {@code stream()}): the check cannot
 * always tell which class a value is of, and it need not, since no class of the vocabulary can lead out
 * through a usable name. Object's own members other than {@code equals}, {@code hashCode} and {@code toString}
 * ({@code wait}, {@code notify}) are not usable, and a few members are refused for what they do, each with
 * its reason.
 */
final class RuleVocabulary {

    /** Members refused whatever they return, and why. */
    private static final Map<String, String> REFUSED = Map.of(
            "now", "rules take the as-of date, never the clock (decisions must be reproducible)",
            "systemDefault", "it reads the service's time zone (decisions must be reproducible)",
            "random", "decisions must be reproducible",
            "shuffle", "decisions must be reproducible",
            "getInteger", "it reads the service's system properties",
            "getLong", "it reads the service's system properties",
            "getBoolean", "it reads the service's system properties");

    private static final List<Class<?>> JDK = List.of(
            Object.class, String.class, CharSequence.class, Comparable.class, Enum.class, Number.class,
            Integer.class, Long.class, Short.class, Byte.class, Double.class, Float.class, Boolean.class,
            Character.class, Math.class, StrictMath.class, Iterable.class,
            java.util.Objects.class, java.util.Optional.class, java.util.Collection.class, java.util.List.class,
            java.util.ArrayList.class, java.util.Set.class, java.util.HashSet.class, java.util.LinkedHashSet.class,
            java.util.SortedSet.class, java.util.TreeSet.class, java.util.Map.class, java.util.Map.Entry.class,
            java.util.HashMap.class, java.util.LinkedHashMap.class, java.util.SortedMap.class,
            java.util.TreeMap.class, java.util.Collections.class,
            java.math.BigDecimal.class, java.math.BigInteger.class, java.math.RoundingMode.class,
            java.math.MathContext.class,
            java.time.DayOfWeek.class, java.time.Duration.class, java.time.Instant.class, java.time.LocalDate.class,
            java.time.LocalDateTime.class, java.time.LocalTime.class, java.time.Month.class,
            java.time.MonthDay.class, java.time.OffsetDateTime.class, java.time.OffsetTime.class,
            java.time.Period.class, java.time.Year.class, java.time.YearMonth.class, java.time.ZoneId.class,
            java.time.ZoneOffset.class, java.time.ZonedDateTime.class, java.time.DateTimeException.class,
            java.time.temporal.ChronoUnit.class);

    private static final List<Class<?>> RULE_HELPERS = List.of(
            Verdicts.class, Parameters.class, PartToDecide.class, PolicyToDecide.class);

    static final List<String> PROJECT_PACKAGES = List.of("cn.talentpolicy.facts", "cn.talentpolicy.decisions");

    /**
     * Every top-level class of the two project packages (their public nested classes come with them);
     * VocabularyCheckTests holds this list to the packages, so a new fact cannot be left out of it.
     */
    static final List<Class<?>> PROJECT = List.of(
            Age.class, AsOf.class, Dates.class, Degree.class, DegreeLevel.class, DerivedFact.class,
            Education.class, EmployerType.class, Employment.class, Enclave.class, EnclaveTreatment.class,
            HasMissingFacts.class, HighestDegree.class, HomePurchase.class, Honour.class, Housing.class,
            LedgerEntry.class, LedgerTotal.class, Nationality.class, Person.class, PersonFact.class,
            PersonFacts.class, PostdocStation.class, ProfessionalTitle.class, Qualifications.class, Regions.class,
            SkillLevel.class, SocialInsurance.class, SpecialZone.class, Subject.class, TalentTier.class,
            Workplace.class,
            Benefit.class, BenefitKind.class, CriterionResult.class, Decision.class, DerivedFactView.class,
            Evaluation.class, Outcome.class, PartOutcome.class, PolicyOutcome.class, Status.class, Text.class,
            TraceStep.class);

    private static final Set<String> OBJECT_MEMBERS = java.util.Arrays.stream(Object.class.getMethods())
            .map(Method::getName).collect(java.util.stream.Collectors.toSet());

    private static final RuleVocabulary INSTANCE = new RuleVocabulary();

    /** Every class of the vocabulary by its canonical name ({@code java.util.Map.Entry}). */
    private final Map<String, Class<?>> classes = new TreeMap<>();
    /** Usable member names. */
    private final Set<String> members = new LinkedHashSet<>();
    /** Member names that some class of the vocabulary would lead out through, with the first such member. */
    private final Map<String, String> leadsOut = new HashMap<>();

    private RuleVocabulary() {
        JDK.forEach(this::add);
        RULE_HELPERS.forEach(this::add);
        for (Class<?> type : PROJECT) {
            add(type);
            for (Class<?> nested : type.getDeclaredClasses()) {
                add(nested);
            }
        }
        for (Class<?> type : classes.values()) {
            for (Method method : type.getMethods()) {
                if (method.getDeclaringClass() == Object.class
                        && !List.of("equals", "hashCode", "toString").contains(method.getName())) {
                    continue;
                }
                member(method.getName(), method.getGenericReturnType(), type.getSimpleName() + "." + method.getName() + "()");
            }
            for (Field field : type.getFields()) {
                member(field.getName(), field.getGenericType(), type.getSimpleName() + "." + field.getName());
            }
        }
        members.removeAll(leadsOut.keySet());
        members.removeAll(REFUSED.keySet());
    }

    static RuleVocabulary get() {
        return INSTANCE;
    }

    /** The class of the vocabulary with this canonical name, or null. */
    Class<?> type(String canonicalName) {
        return classes.get(canonicalName);
    }

    /** Whether a package's every public class is in the vocabulary (so a wildcard import of it is allowed). */
    boolean wholePackage(String packageName) {
        return PROJECT_PACKAGES.contains(packageName);
    }

    /** The classes a rule may name without importing them: the value types of java.lang. */
    Class<?> javaLang(String simpleName) {
        Class<?> type = classes.get("java.lang." + simpleName);
        return type;
    }

    boolean usable(String member) {
        return members.contains(member);
    }

    /**
     * Why a member name is not usable: refused for what it does, leading out of the vocabulary, or unknown to
     * every class in it.
     */
    String whyNot(String member) {
        if (REFUSED.containsKey(member)) {
            return REFUSED.get(member);
        }
        if (leadsOut.containsKey(member)) {
            return leadsOut.get(member);
        }
        if (OBJECT_MEMBERS.contains(member)) {
            return "of Object's own members a rule uses only equals, hashCode and toString (" + member
                    + " is reflection or a lock)";
        }
        return "no class a rule may use has a member of that name";
    }

    private void member(String name, java.lang.reflect.Type result, String where) {
        if (allowedGeneric(result)) {
            members.add(name);
        } else {
            leadsOut.putIfAbsent(name, where + " hands out " + result.getTypeName()
                    + ", which rules may not use");
        }
    }

    /** A type, its type arguments included ({@code Map<String, ParameterDefinition>} is not allowed). */
    private boolean allowedGeneric(java.lang.reflect.Type type) {
        if (type instanceof Class<?> c) {
            return allowed(c);
        }
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            return allowedGeneric(p.getRawType()) && java.util.Arrays.stream(p.getActualTypeArguments())
                    .allMatch(this::allowedGeneric);
        }
        if (type instanceof java.lang.reflect.GenericArrayType a) {
            return allowedGeneric(a.getGenericComponentType());
        }
        if (type instanceof java.lang.reflect.WildcardType w) {
            return java.util.Arrays.stream(w.getUpperBounds()).allMatch(this::allowedGeneric);
        }
        return true; // a type variable: bound to a value the rule already holds
    }

    /** A type a value in a rule may have. */
    boolean allowed(Class<?> type) {
        if (type.isPrimitive()) {
            return true;
        }
        if (type.isArray()) {
            return allowed(type.getComponentType());
        }
        return classes.containsKey(type.getCanonicalName() == null ? type.getName() : type.getCanonicalName());
    }

    private void add(Class<?> type) {
        if (Modifier.isPublic(type.getModifiers()) && type.getCanonicalName() != null) {
            classes.put(type.getCanonicalName(), type);
        }
    }
}
