package cn.talentpolicy.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.VarType;
import com.github.javaparser.ast.type.VoidType;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Holds one DRL file to the {@link RuleVocabulary} before it is compiled: imports, globals, functions, rules and
 * queries, their attributes and metadata, every condition (pattern constraints, {@code from}, {@code eval},
 * accumulate arguments) and every consequence, read with Drools' own DRL parser and, for the code in them, a
 * Java parser. Whatever is not known to be in the vocabulary is refused, with the file and line: an allowlist
 * of forms and names, not a list of forbidden ones. A file that does not parse is left to the compiler, which
 * reports it (and builds nothing from it).
 * <p>
 * Besides names, some forms are refused for what they could do in the service: declared types, loops,
 * exceptions, locks, lambdas, arrays made in a rule, classes as values, metadata that is not a plain word or
 * text (Drools evaluates metadata as code), rule attributes other than a number for salience and the
 * agenda's groups, and anything that takes back or changes a fact (a decision counts its criteria once).
 */
final class VocabularyCheck {

    static final String SEE = " (rules/README.md, \"What a rule may use\")";
    private static final Pattern METADATA_VALUE =
            Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_][A-Za-z0-9_]*|-?[0-9]+(?:\\.[0-9]+)?");
    /** What Drools rewrites an unscoped call of into a call on the session (KnowledgeHelperFixer), insert aside. */
    private static final Set<String> CHANGES = Set.of("retract", "delete", "modify", "update", "insertLogical",
            "insertAsync", "modifyInsert", "modifyRetract", "don", "shed", "bolster", "grant", "ward");
    private static final Set<String> ACCUMULATE_FUNCTIONS =
            Set.of("sum", "count", "min", "max", "average", "collectList", "collectSet");
    private static final Set<String> ATTRIBUTES =
            Set.of("salience", "no-loop", "lock-on-active", "agenda-group", "activation-group", "dialect");
    private static final Set<String> RULE_CONTEXT = Set.of("drools", "kcontext");

    private final RuleVocabulary vocabulary = RuleVocabulary.get();
    private final JavaParser java = new JavaParser(new ParserConfiguration()
            .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17).setPreprocessUnicodeEscapes(true));
    private final String file;
    private final String drl;
    private final List<RulesetProblem> problems = new ArrayList<>();
    private final Map<String, Class<?>> imports = new HashMap<>();
    private final Set<String> wildcards = new HashSet<>();
    private final Set<String> globals = new HashSet<>();
    private final Map<String, Set<String>> calls = new LinkedHashMap<>();

    private VocabularyCheck(String file, String drl) {
        this.file = file;
        this.drl = drl;
    }

    /** The file's problems, none when it keeps to the vocabulary or does not parse (the compiler says why). */
    static List<RulesetProblem> check(String file, String drl) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, drl);
        } catch (DroolsParserException e) {
            return List.of();
        }
        if (parser.hasErrors() || pkg == null) {
            return List.of();
        }
        VocabularyCheck check = new VocabularyCheck(file, drl);
        check.unicodeEscapes();
        check.packageDescr(pkg);
        return check.problems;
    }

    /**
     * Java reads a unicode escape ({@code \u0022}) before anything else, even in a string or a comment, so an
     * escape could hide code from a check that reads it later (as this one's parser does). A rule has no use
     * for them: it writes the character itself.
     */
    private void unicodeEscapes() {
        java.util.regex.Matcher escape = Pattern.compile("\\\\+u").matcher(drl);
        while (escape.find()) {
            if ((escape.end() - escape.start() - 1) % 2 == 1) { // an odd number of backslashes escapes
                refuse(lineAt(escape.start()), "unicode escapes (\\u...) are not in the rule vocabulary: write the"
                        + " character itself");
            }
        }
    }

    private int lineAt(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (drl.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private void packageDescr(PackageDescr pkg) {
        for (ImportDescr i : pkg.getImports()) {
            importDescr(i);
        }
        pkg.getFunctionImports().forEach(i -> refuse(i.getLine(), "import function " + i.getTarget()
                + ": a rule calls only the functions of its own file and the vocabulary's classes"));
        pkg.getAccumulateImports().forEach(i -> refuse(i.getLine(), "import accumulate " + i.getTarget()
                + ": a rule accumulates with " + String.join(", ", ACCUMULATE_FUNCTIONS) + " only"));
        pkg.getTypeDeclarations().forEach(d -> refuse(d.getLine(), "declare " + d.getTypeName()
                + ": rules reason about the project's facts, they do not declare types"));
        pkg.getEnumDeclarations().forEach(d -> refuse(d.getLine(), "declare enum " + d.getTypeName()
                + ": rules reason about the project's facts, they do not declare types"));
        pkg.getWindowDeclarations().forEach(d -> refuse(d.getLine(), "declare window: not in the rule vocabulary"));
        pkg.getEntryPointDeclarations().forEach(d -> refuse(d.getLine(), "declare entry-point: not in the rule vocabulary"));
        for (GlobalDescr g : pkg.getGlobals()) {
            type(g.getLine(), g.getType());
            globals.add(g.getIdentifier());
        }
        pkg.getAttributes().forEach(a -> attribute(a.getLine(), a));
        Set<String> functions = new HashSet<>();
        pkg.getFunctions().forEach(f -> functions.add(f.getName()));
        pkg.getFunctions().stream().filter(f -> CHANGES.contains(f.getName()) || f.getName().equals("insert"))
                .forEach(f -> refuse(f.getLine(), "a function may not be named " + f.getName()
                        + ": Drools turns a call of that name into a call on the session"));
        for (FunctionDescr f : pkg.getFunctions()) {
            function(f, functions);
        }
        refuseRecursion();
        for (RuleDescr rule : pkg.getRules()) {
            rule(rule, functions);
        }
    }

    private void importDescr(ImportDescr i) {
        String target = i.getTarget().trim();
        if (target.endsWith(".*")) {
            String pkg = target.substring(0, target.length() - 2);
            if (vocabulary.wholePackage(pkg)) {
                wildcards.add(pkg);
            } else {
                refuse(i.getLine(), "import " + target + ": only the project's facts and decisions and java.math"
                        + " are imported whole; import the classes a rule uses one by one" + SEE);
            }
            return;
        }
        Class<?> type = vocabulary.type(target);
        if (type == null) {
            refuse(i.getLine(), "import " + target + ": outside the rule vocabulary" + SEE);
        } else {
            imports.put(type.getSimpleName(), type);
        }
    }

    private void attribute(int line, AttributeDescr a) {
        String name = a.getName();
        String value = a.getValue() == null ? "" : a.getValue().trim();
        if (!ATTRIBUTES.contains(name)) {
            refuse(line, "the rule attribute " + name + " is not in the rule vocabulary (salience, no-loop,"
                    + " lock-on-active, agenda-group and activation-group are)");
        } else if (name.equals("salience") && !value.matches("-?[0-9]+")) {
            refuse(line, "salience is a whole number, not an expression: " + value);
        } else if (name.equals("dialect") && !value.replace("\"", "").equals("java")) {
            refuse(line, "dialect " + value + ": consequences are written in the java dialect");
        }
    }

    private void function(FunctionDescr f, Set<String> functions) {
        if (f.getDialect() != null && !f.getDialect().equals("java")) {
            refuse(f.getLine(), "function " + f.getName() + " is written in " + f.getDialect()
                    + ": functions are written in the java dialect");
            return;
        }
        type(f.getLine(), f.getReturnType());
        f.getParameterTypes().forEach(t -> type(f.getLine(), t));
        Scope scope = new Scope(firstLineOf(f.getBody(), f.getLine()), Context.FUNCTION, functions, f.getName());
        scope.variables.addAll(f.getParameterNames());
        names(scope.line, f.getParameterNames());
        block(scope, f.getBody());
    }

    private void refuseRecursion() {
        for (String start : calls.keySet()) {
            List<String> path = cycle(start, start, new ArrayList<>(List.of(start)), new HashSet<>());
            if (path != null) {
                refuse(0, "function " + start + " calls itself (" + String.join(" → ", path)
                        + "): functions in rules do not recurse");
                return;
            }
        }
    }

    private List<String> cycle(String start, String at, List<String> path, Set<String> seen) {
        for (String next : calls.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> found = new ArrayList<>(path);
                found.add(next);
                return found;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycle(start, next, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    private void rule(RuleDescr rule, Set<String> functions) {
        int line = rule.getLine();
        for (AnnotationDescr annotation : rule.getAnnotations()) {
            if (annotation.getName().contains(".")) {
                refuse(line, "@" + annotation.getName() + ": metadata names are plain words");
                continue;
            }
            for (Object value : annotation.getValueMap().values()) {
                String text = value == null ? "" : value.toString().trim();
                if (!METADATA_VALUE.matcher(text).matches()) {
                    refuse(line, "@" + annotation.getName() + "(" + text + "): a metadata value is a plain word,"
                            + " a number or quoted text (Drools evaluates anything else as code)");
                }
            }
        }
        rule.getAttributes().values().forEach(a -> attribute(a.getLine() > 0 ? a.getLine() : line, a));
        if (rule.getNamedConsequences() != null && !rule.getNamedConsequences().isEmpty()) {
            refuse(line, "named consequences (then[...]) are not in the rule vocabulary: one consequence a rule");
        }
        Scope scope = new Scope(line, Context.CONDITION, functions, null);
        if (rule instanceof QueryDescr query) {
            for (String t : query.getParameterTypes()) {
                type(line, t);
            }
            scope.variables.addAll(List.of(query.getParameters()));
        }
        List<Runnable> conditions = new ArrayList<>();
        lhs(rule.getLhs(), scope, conditions);
        conditions.forEach(Runnable::run); // every binding is known before any condition is checked
        names(line, scope.variables);
        if (rule.getConsequence() instanceof String consequence && !consequence.isBlank()) {
            Scope then = new Scope(firstLineOf(consequence, rule.getConsequenceLine()), Context.CONSEQUENCE,
                    functions, null);
            then.variables.addAll(scope.variables);
            block(then, consequence);
        }
    }

    // ---- conditions ---------------------------------------------------------------------------------------

    /** Walks a condition, collecting its bindings into {@code scope} and its checks into {@code checks}. */
    private void lhs(BaseDescr descr, Scope scope, List<Runnable> checks) {
        int line = descr.getLine() > 0 ? descr.getLine() : scope.line;
        if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
            for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs()) {
                lhs(child, scope, checks);
            }
        } else if (descr instanceof PatternDescr pattern) {
            pattern(pattern, line, scope, checks);
        } else if (descr instanceof EvalDescr eval) {
            checks.add(() -> expression(scope.at(line, Context.CONDITION), String.valueOf(eval.getContent())));
        } else {
            refuse(line, "this kind of condition (" + descr.getClass().getSimpleName().replace("Descr", "")
                    + ") is not in the rule vocabulary");
        }
    }

    private void pattern(PatternDescr pattern, int line, Scope scope, List<Runnable> checks) {
        if (pattern.getIdentifier() != null) {
            scope.variables.add(pattern.getIdentifier());
        }
        if (pattern.isQuery()) {
            refuse(line, "a query call (" + pattern.getObjectType() + ") is not in the rule vocabulary");
            return;
        }
        if (!pattern.getBehaviors().isEmpty()) {
            refuse(line, "sliding windows (over window:...) are not in the rule vocabulary");
        }
        if (!pattern.getAnnotations().isEmpty()) {
            refuse(line, "annotations on a pattern are not in the rule vocabulary");
        }
        type(line, pattern.getObjectType());
        for (BaseDescr constraint : pattern.getDescrs()) {
            int at = constraint.getLine() > 0 ? constraint.getLine() : line;
            if (!(constraint instanceof ExprConstraintDescr expr)) {
                refuse(at, "this kind of constraint is not in the rule vocabulary");
                continue;
            }
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
            ConstraintConnectiveDescr tree = parser.parse(expr.getExpression());
            if (parser.hasErrors() || tree == null) {
                refuse(at, "the constraint " + expr.getExpression() + " does not parse");
                continue;
            }
            constraint(tree, at, scope, checks);
        }
        if (pattern.getSource() == null) {
            return;
        }
        BaseDescr source = pattern.getSource();
        int at = source.getLine() > 0 ? source.getLine() : line;
        if (source instanceof FromDescr from) {
            checks.add(() -> expression(scope.at(at, Context.CONDITION), from.getDataSource().getText()));
        } else if (source instanceof CollectDescr collect) {
            lhs(collect.getInputPattern(), scope, checks);
        } else if (source instanceof AccumulateDescr accumulate && !(source instanceof GroupByDescr)) {
            if (!accumulate.isExternalFunction() && accumulate.getFunctions().isEmpty()) {
                refuse(at, "accumulate with init/action/result code is not in the rule vocabulary: use "
                        + String.join(", ", ACCUMULATE_FUNCTIONS));
                return;
            }
            lhs(accumulate.getInput(), scope, checks);
            for (AccumulateDescr.AccumulateFunctionCallDescr call : accumulate.getFunctions()) {
                if (call.getBind() != null) {
                    scope.variables.add(call.getBind());
                }
                if (!ACCUMULATE_FUNCTIONS.contains(call.getFunction())) {
                    refuse(at, "accumulate function " + call.getFunction() + " is not in the rule vocabulary: use "
                            + String.join(", ", ACCUMULATE_FUNCTIONS));
                }
                for (String param : call.getParams()) {
                    checks.add(() -> expression(scope.at(at, Context.CONDITION), param));
                }
            }
        } else {
            refuse(at, "this source of facts (" + source.getClass().getSimpleName().replace("Descr", "")
                    + ") is not in the rule vocabulary: facts come from the session, from an expression, collect"
                    + " or accumulate");
        }
    }

    private void constraint(BaseDescr node, int line, Scope scope, List<Runnable> checks) {
        if (node instanceof ConstraintConnectiveDescr connective) {
            connective.getDescrs().forEach(d -> constraint(d, line, scope, checks));
        } else if (node instanceof RelationalExprDescr relation) {
            constraint(relation.getLeft(), line, scope, checks);
            constraint(relation.getRight(), line, scope, checks);
        } else if (node instanceof BindingDescr binding) {
            scope.variables.add(binding.getVariable());
            checks.add(() -> expression(scope.at(line, Context.PATTERN), binding.getExpression()));
        } else if (node instanceof AtomicExprDescr atom) {
            if (!atom.isLiteral()) {
                checks.add(() -> expression(scope.at(line, Context.PATTERN), atom.getExpression()));
            }
        } else {
            refuse(line, "this kind of constraint is not in the rule vocabulary");
        }
    }

    // ---- code ---------------------------------------------------------------------------------------------

    private void block(Scope scope, String code) {
        ParseResult<BlockStmt> parsed = java.parseBlock("{" + code + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            String why = parsed.getProblems().isEmpty() ? "" : ": " + parsed.getProblems().get(0).getMessage()
                    .lines().findFirst().orElse("");
            refuse(scope.line, "this code is not plain Java the vocabulary can check" + why);
            return;
        }
        BlockStmt block = parsed.getResult().get();
        List<String> locals = block.findAll(VariableDeclarator.class).stream().map(v -> v.getNameAsString()).toList();
        names(scope.line, locals);
        scope.variables.addAll(locals);
        statement(scope, block);
    }

    private void statement(Scope scope, Statement statement) {
        if (statement instanceof BlockStmt block) {
            block.getStatements().forEach(s -> statement(scope, s));
        } else if (statement instanceof ExpressionStmt e) {
            expression(scope, e.getExpression());
        } else if (statement instanceof IfStmt i) {
            expression(scope, i.getCondition());
            statement(scope, i.getThenStmt());
            i.getElseStmt().ifPresent(s -> statement(scope, s));
        } else if (statement instanceof ReturnStmt r) {
            r.getExpression().ifPresent(e -> expression(scope, e));
        } else if (statement instanceof EmptyStmt) {
            return;
        } else {
            String kind = statement.getClass().getSimpleName().replace("Stmt", "").toLowerCase();
            refuse(scope.lineOf(statement), switch (kind) {
                case "for", "foreach", "while", "do" -> "loops are not in the rule vocabulary: a rule judges the facts"
                        + " it matched (a list is matched with from, collect or accumulate)";
                case "try", "throw" -> "exceptions are not in the rule vocabulary: a rule that cannot judge says UNKNOWN";
                case "synchronized" -> "locks are not in the rule vocabulary";
                default -> "this kind of statement (" + kind + ") is not in the rule vocabulary";
            });
        }
    }

    private void expression(Scope scope, String code) {
        ParseResult<Expression> parsed = java.parseExpression(code);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            refuse(scope.line, "the expression " + code.strip() + " is not plain Java the vocabulary can check");
            return;
        }
        expression(scope, parsed.getResult().get());
    }

    private void expression(Scope scope, Expression e) {
        if (e instanceof LiteralExpr) {
            return;
        }
        if (e instanceof NameExpr name) {
            name(scope, name);
        } else if (e instanceof FieldAccessExpr field) {
            fieldAccess(scope, field);
        } else if (e instanceof MethodCallExpr call) {
            call(scope, call);
        } else if (e instanceof ObjectCreationExpr creation) {
            if (creation.getAnonymousClassBody().isPresent() || creation.getScope().isPresent()) {
                refuse(scope.lineOf(e), "classes are not declared in rules: " + creation.getType());
                return;
            }
            type(scope.lineOf(e), creation.getType());
            creation.getArguments().forEach(a -> expression(scope, a));
        } else if (e instanceof BinaryExpr binary) {
            expression(scope, binary.getLeft());
            expression(scope, binary.getRight());
        } else if (e instanceof UnaryExpr unary) {
            expression(scope, unary.getExpression());
        } else if (e instanceof ConditionalExpr conditional) {
            expression(scope, conditional.getCondition());
            expression(scope, conditional.getThenExpr());
            expression(scope, conditional.getElseExpr());
        } else if (e instanceof EnclosedExpr enclosed) {
            expression(scope, enclosed.getInner());
        } else if (e instanceof CastExpr cast) {
            type(scope.lineOf(e), cast.getType());
            expression(scope, cast.getExpression());
        } else if (e instanceof InstanceOfExpr test && test.getPattern().isEmpty()) {
            type(scope.lineOf(e), test.getType());
            expression(scope, test.getExpression());
        } else if (e instanceof ArrayAccessExpr access) {
            expression(scope, access.getName());
            expression(scope, access.getIndex());
        } else if (e instanceof VariableDeclarationExpr declaration && scope.context.isCode()) {
            for (VariableDeclarator v : declaration.getVariables()) {
                type(scope.lineOf(e), v.getType());
                v.getInitializer().ifPresent(i -> expression(scope, i));
            }
        } else if (e instanceof AssignExpr assign && scope.context.isCode() && assign.getTarget() instanceof NameExpr) {
            expression(scope, assign.getTarget());
            expression(scope, assign.getValue());
        } else {
            refuse(scope.lineOf(e), describe(e));
        }
    }

    private static String describe(Expression e) {
        String kind = e.getClass().getSimpleName().replace("Expr", "");
        return switch (kind) {
            case "Class" -> e + ": classes are not values in rules (that is reflection)";
            case "Lambda", "MethodReference" -> e + ": lambdas and method references are not in the rule vocabulary";
            case "ArrayCreation", "ArrayInitializer" -> e + ": rules do not make arrays";
            case "This", "Super" -> e + ": not in the rule vocabulary";
            case "Assign" -> e + ": a rule assigns only its own local variables";
            default -> e + ": this kind of expression (" + kind + ") is not in the rule vocabulary";
        };
    }

    private void name(Scope scope, NameExpr name) {
        String n = name.getNameAsString();
        if (scope.variables.contains(n) || globals.contains(n)) {
            return;
        }
        if (RULE_CONTEXT.contains(n) && scope.context == Context.CONSEQUENCE) {
            refuse(scope.lineOf(name), n + " is only handed to Verdicts (Verdicts.criterion(drools)): what it"
                    + " reaches is outside the rule vocabulary");
            return;
        }
        if (simpleClass(n) != null) {
            return;
        }
        if (scope.context == Context.PATTERN && Character.isLowerCase(n.charAt(0))) {
            property(scope, name, n); // a property of the pattern's fact: birthDate
            return;
        }
        refuse(scope.lineOf(name), n + " is not a variable of the rule nor a class it may use" + SEE);
    }

    private void fieldAccess(Scope scope, FieldAccessExpr field) {
        Resolved resolved = resolve(scope, field);
        if (resolved == Resolved.CLASS) {
            return;
        }
        if (resolved == Resolved.OUTSIDE) {
            return; // refused by resolve
        }
        expression(scope, field.getScope());
        property(scope, field, field.getNameAsString());
    }

    private void call(Scope scope, MethodCallExpr call) {
        String method = call.getNameAsString();
        call.getTypeArguments().ifPresent(types -> types.forEach(t -> type(scope.lineOf(call), t)));
        boolean toVerdicts = false;
        if (call.getScope().isEmpty()) {
            if (CHANGES.contains(method)) {
                refuse(scope.lineOf(call), method + "(...) is not allowed: rules only insert facts, never take back"
                        + " or change one (a decision counts its criteria once)");
            } else if (scope.context == Context.CONSEQUENCE && method.equals("insert")) {
                // the one thing a consequence does to the session
            } else if (scope.functions.contains(method)) {
                if (scope.function != null) {
                    calls.computeIfAbsent(scope.function, k -> new HashSet<>()).add(method);
                }
            } else if (scope.context == Context.PATTERN) {
                member(scope, call, method); // a method of the pattern's fact: isCertified()
            } else {
                refuse(scope.lineOf(call), method + "(...) is neither a function of this file nor a member a rule"
                        + " may use" + SEE);
            }
        } else {
            Expression target = call.getScope().get();
            Resolved resolved = target instanceof NameExpr || target instanceof FieldAccessExpr
                    ? resolve(scope, target) : Resolved.VALUE;
            if (resolved == Resolved.OUTSIDE) {
                return;
            }
            if (resolved == Resolved.VALUE) {
                expression(scope, target);
            }
            toVerdicts = resolved == Resolved.CLASS && target.toString().endsWith(Verdicts.class.getSimpleName())
                    && qualifiedClass(target.toString()) == Verdicts.class;
            member(scope, call, method);
        }
        for (Expression argument : call.getArguments()) {
            if (toVerdicts && argument instanceof NameExpr n && RULE_CONTEXT.contains(n.getNameAsString())) {
                continue;
            }
            expression(scope, argument);
        }
    }

    private enum Resolved { CLASS, VALUE, OUTSIDE }

    /**
     * What a name or a dotted name stands for: a class of the vocabulary ({@code EmployerType},
     * {@code java.time.LocalDate}), a value (a variable, a property, a constant of a class), or something
     * outside the vocabulary, which is refused here ({@code java.nio.file.Files}, {@code System}).
     */
    private Resolved resolve(Scope scope, Expression e) {
        List<String> parts = dotted(e);
        if (parts == null) {
            return Resolved.VALUE;
        }
        String first = parts.get(0);
        if (scope.variables.contains(first) || globals.contains(first)
                || (RULE_CONTEXT.contains(first) && scope.context == Context.CONSEQUENCE)) {
            return Resolved.VALUE;
        }
        for (int i = parts.size(); i >= 1; i--) {
            String prefix = String.join(".", parts.subList(0, i));
            if (qualifiedClass(prefix) != null) {
                return i == parts.size() ? Resolved.CLASS : Resolved.VALUE;
            }
        }
        if (scope.context == Context.PATTERN && Character.isLowerCase(first.charAt(0)) && parts.size() >= 1
                && vocabulary.usable(first) || scope.context == Context.PATTERN && getterUsable(first)) {
            return Resolved.VALUE; // a property chain of the pattern's fact: employment.enclave
        }
        refuse(scope.lineOf(e), String.join(".", parts) + " is outside the rule vocabulary" + SEE);
        return Resolved.OUTSIDE;
    }

    /**
     * A rule's own names (bindings, locals, parameters) may not be the names Drools gives the session in the
     * code it generates, nor look like a class (a variable would hide the class from this check, not from Java).
     */
    private void names(int line, java.util.Collection<String> names) {
        for (String n : names) {
            if (n == null || n.isEmpty()) {
                continue;
            }
            if (RULE_CONTEXT.contains(n) || Set.of("rule", "_workingMemory_", "consequenceCtx", "channels").contains(n)
                    || n.endsWith("__Handle__") || n.startsWith("_")) {
                refuse(line, n + " is a name Drools uses for the session: give the variable another name");
            } else if (Character.isUpperCase(n.charAt(0))) {
                refuse(line, n + ": a variable's name starts with a lower-case letter or $ (a capital is a class's)");
            }
        }
    }

    /** a.b.c as its names, or null when it is not a plain dotted name. */
    private static List<String> dotted(Expression e) {
        if (e instanceof NameExpr n) {
            return new ArrayList<>(List.of(n.getNameAsString()));
        }
        if (e instanceof FieldAccessExpr f) {
            List<String> scope = dotted(f.getScope());
            if (scope != null) {
                scope.add(f.getNameAsString());
            }
            return scope;
        }
        return null;
    }

    /** A class of the vocabulary by a simple name (imported, or java.lang's) or a canonical one, or null. */
    private Class<?> qualifiedClass(String name) {
        if (!name.contains(".")) {
            return simpleClass(name);
        }
        Class<?> type = vocabulary.type(name);
        if (type != null) {
            return type;
        }
        int dot = name.indexOf('.');
        Class<?> outer = simpleClass(name.substring(0, dot)); // Map.Entry
        return outer == null ? null : vocabulary.type(outer.getCanonicalName() + name.substring(dot));
    }

    private Class<?> simpleClass(String name) {
        if (imports.containsKey(name)) {
            return imports.get(name);
        }
        for (String pkg : wildcards) {
            Class<?> type = vocabulary.type(pkg + "." + name);
            if (type != null) {
                return type;
            }
        }
        return vocabulary.javaLang(name);
    }

    private void member(Scope scope, Node at, String name) {
        if (!vocabulary.usable(name)) {
            refuse(scope.lineOf(at), name + "(...) is not a member a rule may use: " + vocabulary.whyNot(name) + SEE);
        }
    }

    /** A property as MVEL reads it: a field or method of that name, or its getter. */
    private void property(Scope scope, Node at, String name) {
        String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : List.of(name, "get" + capital, "is" + capital)) {
            if (!vocabulary.usable(candidate) && !vocabulary.whyNot(candidate).startsWith("no class")) {
                refuse(scope.lineOf(at), name + " is not a property a rule may use: " + vocabulary.whyNot(candidate) + SEE);
                return;
            }
        }
        if (!vocabulary.usable(name) && !getterUsable(name)) {
            refuse(scope.lineOf(at), name + " is not a property a rule may use: " + vocabulary.whyNot(name) + SEE);
        }
    }

    private boolean getterUsable(String name) {
        String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        return vocabulary.usable("get" + capital) || vocabulary.usable("is" + capital);
    }

    private void type(int line, String typeName) {
        if (typeName == null || typeName.isBlank()) {
            return;
        }
        ParseResult<ClassOrInterfaceType> parsed = java.parseClassOrInterfaceType(typeName.trim());
        if (parsed.isSuccessful() && parsed.getResult().isPresent()) {
            type(line, parsed.getResult().get());
        } else {
            ParseResult<Type> any = java.parseType(typeName.trim());
            if (any.isSuccessful() && any.getResult().isPresent()) {
                type(line, any.getResult().get());
            } else {
                refuse(line, "the type " + typeName + " is not one the vocabulary can check");
            }
        }
    }

    private void type(int line, Type type) {
        if (type instanceof PrimitiveType || type instanceof VoidType || type instanceof VarType) {
            return;
        }
        if (type instanceof ArrayType array) {
            type(line, array.getComponentType());
            return;
        }
        if (type instanceof ClassOrInterfaceType named) {
            String name = named.getNameWithScope();
            if (qualifiedClass(name) == null) {
                refuse(line, name + " is outside the rule vocabulary" + SEE);
            }
            named.getTypeArguments().ifPresent(args -> args.forEach(a -> type(line, a)));
            return;
        }
        if (type instanceof com.github.javaparser.ast.type.WildcardType wildcard) {
            wildcard.getExtendedType().ifPresent(t -> type(line, t));
            wildcard.getSuperType().ifPresent(t -> type(line, t));
            return;
        }
        refuse(line, "the type " + type + " is not in the rule vocabulary");
    }

    /**
     * The line a piece of code begins on: the parser hands code over without its leading blank space, so its
     * first line is looked for from the line its rule or function begins on.
     */
    private int firstLineOf(String code, int from) {
        String first = code.strip().lines().findFirst().orElse("").strip();
        List<String> lines = drl.lines().toList();
        for (int i = Math.max(from, 1) - 1; i < lines.size() && !first.isEmpty(); i++) {
            if (lines.get(i).contains(first)) {
                return i + 1;
            }
        }
        return from;
    }

    private void refuse(int line, String message) {
        int at = Math.max(line, 0);
        // one problem a line: the first thing refused there (what follows from it would only repeat it)
        if (at == 0 || problems.stream().noneMatch(p -> p.line() == at)) {
            problems.add(new RulesetProblem(file, at, 0, message));
        }
    }

    /** Where code is: a pattern's constraint (names are the fact's properties), a condition, or code. */
    private enum Context {
        PATTERN, CONDITION, CONSEQUENCE, FUNCTION;

        boolean isCode() {
            return this == CONSEQUENCE || this == FUNCTION;
        }
    }

    /** The names code can see, and the line its first line is on. */
    private static final class Scope {
        final int line;
        final Context context;
        final Set<String> functions;
        final String function;
        final Set<String> variables;

        Scope(int line, Context context, Set<String> functions, String function) {
            this(line, context, functions, function, new HashSet<>());
        }

        private Scope(int line, Context context, Set<String> functions, String function, Set<String> variables) {
            this.line = line;
            this.context = context;
            this.functions = functions;
            this.function = function;
            this.variables = variables;
        }

        /** The same names, for code on another line or in another context. */
        Scope at(int line, Context context) {
            return new Scope(line, context, functions, function, variables);
        }

        /** The file line of a node of code parsed from text that starts on this scope's line. */
        int lineOf(Node node) {
            return node.getBegin().map(p -> line + p.line - 1).orElse(line);
        }
    }
}
