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
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
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
 * <p>Installed per query through the optimizer ({@link #optimizerWith}): before ARQ's own
 * optimisation, every {@code REGEX}, {@code REPLACE}, {@code CONCAT}, {@code GROUP_CONCAT},
 * {@code fn:matches}, {@code fn:replace} and {@code fn:concat} of the algebra, inside
 * {@code EXISTS} too, is replaced by its bounded form.
 */
final class BoundedFunctions {
    private BoundedFunctions() {}

    private static final String FN = "http://www.w3.org/2005/xpath-functions#";

    /**
     * The rewrite to bounded functions followed by ARQ's standard optimizer (which
     * evaluates constant expressions, so it must find the bounded ones).
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
                return super.transform(func, args);
            }
        }, op);
    }

    /** Ends the query when a function would build a string over the limit. */
    static void checkLength(String function, long length) {
        if (length > ServerSettings.MAX_STRING_CHARS) {
            throw new QueryDeniedException(function + ": the result would be " + length + " characters long; this server builds strings of at most "
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
