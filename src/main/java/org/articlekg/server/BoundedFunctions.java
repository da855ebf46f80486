package org.articlekg.server;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Subtract;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_Multiply;
import org.apache.jena.sparql.expr.E_Add;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/**
 * The functions whose cost a client chooses, bounded: regular expressions end when the query's
 * time is up, and {@code CONCAT}, {@code REPLACE} and {@code GROUP_CONCAT} refuse to build a string longer than
 * {@link ServerSettings#MAX_STRING_CHARS} (a chain of {@code BIND(CONCAT(?s, ?s) AS ?t)} doubles
 * a string until the heap runs out, faster than any timeout).
 *
 * <p>Regular expressions:  Java's regex engine backtracks and
 * never checks for cancellation: {@code REGEX("aaa…a!", "^(.*a){12}$")} runs for minutes. Here the
 * text a pattern reads is a {@link CharSequence} that looks at the clock every few thousand
 * characters it hands out and throws {@link QueryCancelledException} past the deadline, so the
 * query ends with Fuseki's 503 "Query timed out" like any other slow query. The patterns keep
 * Java's (and so Jena's) syntax and results.
 *
 * <p>Computations that run in one call, where no timeout can reach them, are refused before they
 * run: products and powers of exact numbers past {@link ServerSettings#MAX_DIGITS} digits, dates
 * moved by more than {@link ServerSettings#MAX_DURATION_YEARS} years, case changes of strings past
 * {@link ServerSettings#MAX_CASE_CHARS}, {@code ENCODE_FOR_URI}, {@code afn:sprintf} and
 * {@code afn:strjoin} building strings past {@link ServerSettings#MAX_STRING_CHARS} ({@link Checked}
 * for the functions named by IRI).
 *
 * <p>Installed per query through the optimizer ({@link #optimizerWith}): before ARQ's own
 * optimisation, every function above of the algebra, inside {@code EXISTS} too, is replaced by its
 * bounded form.
 */
final class BoundedFunctions {
    private BoundedFunctions() {}

    private static final String FN = "http://www.w3.org/2005/xpath-functions#";

    /**
     * The rewrite to bounded functions followed by ARQ's standard optimizer (which may evaluate
     * constant expressions, when the context lets it: it must then find the bounded ones).
     */
    static void optimizerWith(Context context, long deadlineNanos) {
        RewriteFactory std = Optimize.stdOptimizationFactory;
        RewriteFactory bounded = cxt -> op -> std.create(cxt).rewrite(bound(op, deadlineNanos));
        context.set(ARQConstants.sysOptimizerFactory, bounded);
    }

    /** The algebra with every regular expression bounded by the deadline, and every string-building function by the length limit. */
    static Op bound(Op op, long deadlineNanos) {
        return Transformer.transform(new TransformCopy() {
            @Override
            public Op transform(OpGroup group, Op sub) {
                List<ExprAggregator> aggregators = new ArrayList<>();
                for (ExprAggregator a : group.getAggregators()) {
                    Aggregator agg = a.getAggregator();
                    if (agg instanceof AggGroupConcat g && !(agg instanceof GroupConcat)) {
                        agg = new GroupConcat(g.getExprList().get(0), g.getSeparator());
                    } else if (agg instanceof AggGroupConcatDistinct g && !(agg instanceof GroupConcatDistinct)) {
                        agg = new GroupConcatDistinct(g.getExprList().get(0), g.getSeparator());
                    }
                    aggregators.add(new ExprAggregator(a.getVar(), agg));
                }
                return OpGroup.create(sub, group.getGroupVars(), aggregators);
            }
        }, new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof Match || func instanceof Replace || func instanceof Concat) return func.copy(args);
                if (func instanceof E_StrConcat) return new Concat(args);
                if (func instanceof E_Function f && f.getFunctionIRI().equals(FN + "concat")) return new Concat(args);
                if (func instanceof E_Regex) return new Match(args, deadlineNanos);
                if (func instanceof E_StrReplace) return new Replace(args, deadlineNanos);
                // fn:matches and fn:replace with the wrong number of arguments stay as they are: Jena reports them.
                if (func instanceof E_Function f && f.getFunctionIRI().equals(FN + "matches") && args.size() >= 2 && args.size() <= 3) {
                    return new Match(args, deadlineNanos);
                }
                if (func instanceof E_Function f && f.getFunctionIRI().equals(FN + "replace") && args.size() >= 3 && args.size() <= 4) {
                    return new Replace(args, deadlineNanos);
                }
                if (func instanceof E_Function f && !(f instanceof Checked) && CHECKED.contains(f.getFunctionIRI())) {
                    return new Checked(f.getFunctionIRI(), args);
                }
                return super.transform(func, args);
            }

            @Override
            public Expr transform(ExprFunction2 func, Expr a, Expr b) {
                if (func instanceof Add || func instanceof Subtract || func instanceof Multiply) return func.copy(a, b);
                if (func instanceof E_Add) return new Add(a, b);
                if (func instanceof E_Subtract) return new Subtract(a, b);
                if (func instanceof E_Multiply) return new Multiply(a, b);
                return super.transform(func, a, b);
            }

            @Override
            public Expr transform(ExprFunction1 func, Expr a) {
                if (func instanceof UpperCase || func instanceof LowerCase || func instanceof EncodeForUri) return func.copy(a);
                if (func instanceof E_StrEncodeForURI) return new EncodeForUri(a);
                if (func instanceof E_StrUpperCase) return new UpperCase(a);
                if (func instanceof E_StrLowerCase) return new LowerCase(a);
                return super.transform(func, a);
            }
        }, op);
    }

    private static final String MATH = "http://www.w3.org/2005/xpath-functions/math#";
    private static final String AFN = "http://jena.apache.org/ARQ/function#";

    /** Ends the query when an operation would compute past the limits; the message names it and its limit. */
    private static void deny(String function, String why) {
        throw new QueryDeniedException(function + ": " + why);
    }

    /**
     * Refuses a date or time moved by a duration longer than {@link ServerSettings#MAX_DURATION_YEARS}:
     * the JDK's calendar arithmetic takes time in proportion to the duration
     * ({@code PT99999999999999999999S} never ended).
     */
    static void checkDuration(String op, NodeValue x, NodeValue y) {
        NodeValue duration = x.isDuration() && !y.isDuration() ? x : y.isDuration() && !x.isDuration() ? y : null;
        if (duration == null) return;
        javax.xml.datatype.Duration d = duration.getDuration();
        double years = 0;
        double[] perYear = {1, 12, 365.25, 8_766, 525_960, 31_557_600};
        javax.xml.datatype.DatatypeConstants.Field[] fields = {javax.xml.datatype.DatatypeConstants.YEARS,
                javax.xml.datatype.DatatypeConstants.MONTHS, javax.xml.datatype.DatatypeConstants.DAYS,
                javax.xml.datatype.DatatypeConstants.HOURS, javax.xml.datatype.DatatypeConstants.MINUTES,
                javax.xml.datatype.DatatypeConstants.SECONDS};
        for (int i = 0; i < fields.length; i++) {
            Number n = d.getField(fields[i]);
            if (n != null) years += n.doubleValue() / perYear[i];
        }
        if (years > ServerSettings.MAX_DURATION_YEARS) {
            deny(op, "a date or time moved by a duration of about " + String.format(java.util.Locale.ROOT, "%.3g", years)
                    + " years; this server moves them by at most " + ServerSettings.MAX_DURATION_YEARS + " years");
        }
    }

    /** Refuses a product of integers longer than {@link ServerSettings#MAX_DIGITS} digits. */
    static void checkDigits(String op, double digits) {
        if (digits > ServerSettings.MAX_DIGITS) {
            deny(op, "the result would have about " + String.format(java.util.Locale.ROOT, "%.3g", digits)
                    + " digits; this server computes numbers of at most " + ServerSettings.MAX_DIGITS + " digits");
        }
    }

    /** The digits of an exact number (an integer's, or a decimal's with those after its point). */
    private static double digits(NodeValue v) {
        return v.isInteger() ? v.getInteger().abs().bitLength() * 0.30103 + 1 : v.isDecimal() ? v.getDecimal().precision() : 0;
    }

    /** {@code +} that refuses to move a date by an enormous duration. */
    static final class Add extends E_Add {
        Add(Expr a, Expr b) { super(a, b); }
        @Override public NodeValue eval(NodeValue x, NodeValue y) { checkDuration("+", x, y); return super.eval(x, y); }
        @Override public Expr copy(Expr a, Expr b) { return new Add(a, b); }
    }

    /** {@code -} that refuses to move a date by an enormous duration. */
    static final class Subtract extends E_Subtract {
        Subtract(Expr a, Expr b) { super(a, b); }
        @Override public NodeValue eval(NodeValue x, NodeValue y) { checkDuration("-", x, y); return super.eval(x, y); }
        @Override public Expr copy(Expr a, Expr b) { return new Subtract(a, b); }
    }

    /** {@code *} that refuses integer products past the digit limit. */
    static final class Multiply extends E_Multiply {
        Multiply(Expr a, Expr b) { super(a, b); }
        @Override public NodeValue eval(NodeValue x, NodeValue y) {
            if ((x.isInteger() || x.isDecimal()) && (y.isInteger() || y.isDecimal())) checkDigits("*", digits(x) + digits(y));
            return super.eval(x, y);
        }
        @Override public Expr copy(Expr a, Expr b) { return new Multiply(a, b); }
    }

    /**
     * {@code UCASE} on at most {@link ServerSettings#MAX_CASE_CHARS}: the JDK's case mapping of
     * characters that grow ("ß" to "SS") takes time in the square of the length.
     */
    static void checkCase(String function, NodeValue v) {
        if (v.isLiteral()) {
            long length = v.asNode().getLiteralLexicalForm().length();
            if (length > ServerSettings.MAX_CASE_CHARS) {
                deny(function, "a string of " + length + " characters; this server changes the case of at most "
                        + ServerSettings.MAX_CASE_CHARS);
            }
        }
    }

    static final class UpperCase extends E_StrUpperCase {
        UpperCase(Expr a) { super(a); }
        @Override public NodeValue eval(NodeValue v) { checkCase("UCASE", v); return super.eval(v); }
        @Override public Expr copy(Expr a) { return new UpperCase(a); }
    }

    /** {@code ENCODE_FOR_URI}, which makes a string up to three times longer, within the length limit. */
    static final class EncodeForUri extends E_StrEncodeForURI {
        EncodeForUri(Expr a) { super(a); }
        @Override public NodeValue eval(NodeValue v) {
            if (v.isLiteral()) checkLength("ENCODE_FOR_URI", 3L * v.asNode().getLiteralLexicalForm().length());
            return super.eval(v);
        }
        @Override public Expr copy(Expr a) { return new EncodeForUri(a); }
    }

    static final class LowerCase extends E_StrLowerCase {
        LowerCase(Expr a) { super(a); }
        @Override public NodeValue eval(NodeValue v) { checkCase("LCASE", v); return super.eval(v); }
        @Override public Expr copy(Expr a) { return new LowerCase(a); }
    }

    /** A conversion of a format ({@code %1$-08.3f}): its width and precision, the groups 1 and 2. */
    private static final Pattern CONVERSION = Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(<]*(\\d+)?(?:\\.(\\d+))?[a-zA-Z%]");

    /** The functions named by IRI whose cost {@link Checked} looks at before they run. */
    static final java.util.Set<String> CHECKED = java.util.Set.of(MATH + "pow", MATH + "exp10", AFN + "sprintf", AFN + "strjoin",
            FN + "upper-case", FN + "lower-case");

    /**
     * Functions named by IRI whose cost their arguments decide, looked at before the function runs:
     * {@code math:pow} of integers and {@code math:exp10} past {@link ServerSettings#MAX_DIGITS}
     * digits, {@code afn:sprintf} and {@code afn:strjoin} building a string past
     * {@link ServerSettings#MAX_STRING_CHARS}, {@code fn:upper-case} and {@code fn:lower-case} past
     * {@link ServerSettings#MAX_CASE_CHARS}. The arguments are evaluated once: the function then
     * runs on their values.
     */
    static final class Checked extends E_Function {
        Checked(String iri, ExprList args) { super(iri, args); }

        @Override
        public NodeValue evalSpecial(Binding binding, FunctionEnv env) {
            List<NodeValue> values = new ArrayList<>();
            for (Expr e : getArgs()) values.add(e.eval(binding, env));
            check(getFunctionIRI(), values);
            ExprList constants = new ExprList();
            values.forEach(constants::add);
            return new E_Function(getFunctionIRI(), constants).eval(binding, env);
        }

        @Override
        public Expr copy(ExprList newArgs) { return new Checked(getFunctionIRI(), newArgs); }
    }

    /** Ends the query when a function of {@link #CHECKED} would compute past the limits. */
    static void check(String iri, List<NodeValue> values) {
        String name = iri.startsWith(MATH) ? "math:" + iri.substring(MATH.length())
                : iri.startsWith(AFN) ? "afn:" + iri.substring(AFN.length()) : "fn:" + iri.substring(FN.length());
        if (iri.equals(MATH + "pow") && values.size() == 2 && values.get(0).isInteger() && values.get(1).isInteger()) {
            java.math.BigInteger base = values.get(0).getInteger().abs();
            if (base.compareTo(java.math.BigInteger.ONE) > 0) {
                checkDigits(name, values.get(1).getInteger().doubleValue() * Math.log10(base.doubleValue()));
            }
        }
        if (iri.equals(MATH + "exp10") && values.size() == 1 && values.get(0).isNumber()) {
            checkDigits(name, values.get(0).getDouble());
        }
        if (iri.equals(AFN + "sprintf") && !values.isEmpty() && values.get(0).isLiteral()) {
            // each conversion at most its width, or its argument's length (the longest of them), or its precision
            long longest = 0;
            for (NodeValue v : values) if (v.isLiteral()) longest = Math.max(longest, v.asNode().getLiteralLexicalForm().length());
            String format = values.get(0).asNode().getLiteralLexicalForm();
            long length = format.length();
            Matcher m = CONVERSION.matcher(format);
            while (m.find()) {
                long width = m.group(1) == null ? 0 : m.group(1).length() > 9 ? Long.MAX_VALUE / 4 : Long.parseLong(m.group(1));
                long precision = m.group(2) == null ? 0 : m.group(2).length() > 9 ? Long.MAX_VALUE / 4 : Long.parseLong(m.group(2));
                length += Math.max(width, Math.max(precision, longest));
            }
            checkLength(name, length);
        }
        if (iri.equals(AFN + "strjoin")) {
            long length = 0;
            for (NodeValue v : values) if (v.isLiteral()) length += v.asNode().getLiteralLexicalForm().length();
            checkLength(name, length * Math.max(1, values.size() - 1));
        }
        if ((iri.equals(FN + "upper-case") || iri.equals(FN + "lower-case")) && values.size() == 1) checkCase(name, values.get(0));
    }

    /** Ends the query when a function would build a string over the limit. */
    static void checkLength(String function, long length) {
        if (length > ServerSettings.MAX_STRING_CHARS) {
            deny(function, "the result would be " + length + " characters long; this server builds strings of at most "
                    + ServerSettings.MAX_STRING_CHARS);
        }
    }

    /** Counts the characters a GROUP_CONCAT accumulates, and ends the query past the limit. */
    private static Accumulator counted(Accumulator inner, Expr expr, String separator) {
        long[] length = {0};
        int sep = separator == null ? 1 : separator.length();
        return new Accumulator() {
            @Override
            public void accumulate(Binding binding, FunctionEnv env) {
                inner.accumulate(binding, env);
                try {
                    NodeValue v = expr.eval(binding, env);
                    if (v.isLiteral()) length[0] += v.asNode().getLiteralLexicalForm().length() + sep;
                } catch (ExprEvalException e) {
                    return;
                }
                checkLength("GROUP_CONCAT", length[0]);
            }

            @Override
            public NodeValue getValue() {
                return inner.getValue();
            }
        };
    }

    /** {@code GROUP_CONCAT} that refuses to build a string over the limit. */
    static final class GroupConcat extends AggGroupConcat {
        GroupConcat(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Accumulator createAccumulator() {
            return counted(super.createAccumulator(), getExprList().get(0), getSeparator());
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new GroupConcat(exprs.get(0), getSeparator());
        }
    }

    /** {@code GROUP_CONCAT(DISTINCT ...)} that refuses to build a string over the limit. */
    static final class GroupConcatDistinct extends AggGroupConcatDistinct {
        GroupConcatDistinct(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Accumulator createAccumulator() {
            return counted(super.createAccumulator(), getExprList().get(0), getSeparator());
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new GroupConcatDistinct(exprs.get(0), getSeparator());
        }
    }

    /** {@code CONCAT} (and {@code fn:concat}) that refuses to build a string over the limit. */
    static final class Concat extends E_StrConcat {
        Concat(ExprList args) {
            super(args);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            long length = 0;
            for (NodeValue v : args) if (v.isLiteral()) length += v.asNode().getLiteralLexicalForm().length();
            checkLength("CONCAT", length);
            return super.eval(args);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Concat(newArgs);
        }
    }

    /** The text a pattern reads, which ends the query when the deadline has passed. */
    static final class TimedText implements CharSequence {
        private final CharSequence text;
        private final long deadlineNanos;
        private int reads;

        TimedText(CharSequence text, long deadlineNanos) {
            this.text = text;
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadlineNanos > 0) {
                throw new QueryCancelledException();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new TimedText(text.subSequence(start, end), deadlineNanos);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** The last pattern compiled, kept: the pattern is nearly always the same on every row. */
    private static final class Patterns {
        private String key;
        private Pattern last;

        Pattern of(String label, NodeValue pattern, NodeValue flags) {
            String p = NodeValueOps.checkAndGetStringLiteral(label, pattern).getLiteralLexicalForm();
            String f = flags == null ? null : NodeValueOps.checkAndGetStringLiteral(label, flags).getLiteralLexicalForm();
            String k = f + "/" + p;
            if (!k.equals(key)) {
                last = RegexEngine.makePattern(label, p, f);
                key = k;
            }
            return last;
        }
    }

    /** {@code REGEX} (and {@code fn:matches}) reading {@link TimedText}. */
    static final class Match extends E_Regex {
        private final long deadlineNanos;
        private final Patterns patterns = new Patterns();

        Match(ExprList args, long deadlineNanos) {
            super(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            Node text = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
            Pattern p = patterns.of("REGEX", args.get(1), args.size() > 2 ? args.get(2) : null);
            return NodeValue.makeBoolean(p.matcher(new TimedText(text.getLiteralLexicalForm(), deadlineNanos)).find());
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Match(newArgs, deadlineNanos);
        }
    }

    /** {@code REPLACE} (and {@code fn:replace}) reading {@link TimedText}. */
    static final class Replace extends E_StrReplace {
        private final long deadlineNanos;
        private final Patterns patterns = new Patterns();

        Replace(ExprList args, long deadlineNanos) {
            super(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            Node text = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0));
            String replacement = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
            Pattern p = patterns.of("REPLACE", args.get(1), args.size() > 3 ? args.get(3) : null);
            String s = text.getLiteralLexicalForm();
            Matcher m = p.matcher(new TimedText(s, deadlineNanos));
            // As Jena's REPLACE: one empty match at most (Java's replaceAll would replace every one).
            StringBuilder sb = null;
            try {
                while (m.find()) {
                    if (sb == null) sb = new StringBuilder();
                    else if (m.start() == m.end()) continue;
                    m.appendReplacement(sb, replacement);
                    checkLength("REPLACE", sb.length());
                }
                if (sb == null) return args.get(0);
                m.appendTail(sb);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new ExprEvalException("REPLACE: bad replacement '" + replacement + "': " + e.getMessage());
            }
            String replaced = sb.toString();
            checkLength("REPLACE", replaced.length());
            if (replaced.equals(s)) return args.get(0);
            return text.getLiteralLanguage().isEmpty()
                    ? NodeValue.makeString(replaced)
                    : NodeValue.makeLangString(replaced, text.getLiteralLanguage());
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Replace(newArgs, deadlineNanos);
        }
    }
}
