package org.articlekg.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.fuseki.servlets.ActionErrorException;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.web.HttpNames;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.query.SortCondition;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.path.P_Alt;
import org.apache.jena.sparql.path.P_FixedLength;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.P_Mod;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Seq;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.http.HttpException;
import java.io.OutputStream;
import java.util.Map;
import org.apache.jena.fuseki.servlets.Responses;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.exec.RowSetOps;
import org.articlekg.query.CancellableSlices;
import org.articlekg.query.QueryRunner;
import org.articlekg.query.ResultFormat;

/**
 * The SPARQL query operation with the server's safety rules:
 * <ul>
 * <li>{@code SERVICE} is refused with 400 before the query runs, wherever it appears (inside
 *     {@code FILTER EXISTS} too): the server never fetches URLs for a client;
 * <li>{@code java:} function and property-function IRIs are refused with 400 (they would load a
 *     class by name), and so are ARQ's leviathan functions (unbounded factorial and powers), a
 *     bounded path repetition past {@link ServerSettings#MAX_PATH_REPEAT} and SPARQL Update;
 * <li>the server's timeout is the ceiling: a client may ask for less with {@code timeout=}, in
 *     either form ({@code 3} or {@code 3,3}), never for more, and one that is not seconds is a
 *     400; an {@code OFFSET} ends with the timeout too ({@link CancellableSlices});
 * <li>regular expressions end with the timeout, and what a function computes in one call where
 *     no timeout reaches (strings, digits, a date's move, a change of case) is bounded
 *     ({@link BoundedFunctions}); constants are not folded while the plan is built, which ARQ
 *     does holding the lock its one timeout thread waits on;
 * <li>bodies over the size limit are 413 (also when sent without their length: a form's in
 *     {@link ReadableParameters}), and queries
 *     nested deeper than {@link ServerSettings#MAX_QUERY_NESTING} are 400 before parsing;
 * <li>SELECT, CONSTRUCT and DESCRIBE results are capped at a number of rows by lowering the
 *     query's LIMIT, and capped SELECT results are computed before the first byte is sent, so a
 *     timeout is always a 503, never a cut 200;
 * <li>a query too deeply nested for the parser or the engine anyway (a
 *     {@link StackOverflowError}), a Lucene query the text index cannot run and a function given
 *     arguments it cannot take are 400; an Accept
 *     header that accepts none of the result types is 406, one that cannot be read 400.
 * </ul>
 */
final class GuardedQuery extends SPARQL_QueryDataset {
    private final long maxRows;
    private final Duration timeout;
    private final int maxBodyBytes;

    /** The media types Fuseki answers queries in: result sets, booleans, graphs and datasets. */
    private static final List<String> OFFERS;
    static {
        List<String> offers = new ArrayList<>();
        for (AcceptList l : List.of(DEF.rsOfferTable, DEF.rsOfferBoolean, DEF.rdfOffer, DEF.quadsOffer)) {
            for (MediaRange r : l.entries()) offers.add(r.getContentTypeStr());
        }
        OFFERS = List.copyOf(offers);
    }

    GuardedQuery(ServerSettings settings) {
        this.maxRows = settings.maxRows();
        this.timeout = settings.timeout();
        this.maxBodyBytes = settings.maxBodyBytes();
    }

    @Override
    public void validate(HttpAction action) {
        String accept = action.getRequestHeader(HttpNames.hAccept);
        if (!Negotiation.isReadable(accept)) {
            ServletOps.errorBadRequest("The Accept header is not a list of media ranges (type/subtype;q=0.5, ...): " + accept);
        }
        // An update sent to the query endpoint: say it is refused, not that the query is missing.
        String type = action.getRequest().getContentType();
        if (action.getRequestParameter(HttpNames.paramUpdate) != null
                || type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(WebContent.contentTypeSPARQLUpdate)) {
            ServletOps.errorBadRequest("SPARQL Update is not accepted: this server is read-only (it serves a build made by"
                    + " 'kg build' from the CSV files); send queries as query= or application/sparql-query");
        }
        // (a form past the body limit, sent without its length, is a 413 before: ReadableParameters reads the parameters first)
        if (action.getRequestParameter(HttpNames.paramOutput1) == null && action.getRequestParameter(HttpNames.paramOutput2) == null
                && !Negotiation.acceptsAny(accept, OFFERS)) {
            ServletOps.error(406, "Not acceptable: the Accept header accepts none of " + String.join(", ", OFFERS));
        }
        super.validate(action);
    }

    @Override
    protected void executeBody(HttpAction action) {
        byte[] body;
        try (InputStream in = action.getRequestInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        } catch (IOException | RuntimeException e) {
            if (bodyTooLarge(e)) ServletOps.error(413, ServerSettings.bodyTooLarge(maxBodyBytes));
            ServletOps.errorBadRequest("Could not read the request body: " + e.getMessage());
            return;
        }
        if (body.length > maxBodyBytes) ServletOps.error(413, ServerSettings.bodyTooLarge(maxBodyBytes));
        execute(new String(body, StandardCharsets.UTF_8), action);
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        int depth = nesting(queryString);
        if (depth > ServerSettings.MAX_QUERY_NESTING) {
            ServletOps.errorBadRequest("Query nested " + depth + " levels deep; this server takes at most "
                    + ServerSettings.MAX_QUERY_NESTING + " levels of (, { and [");
        }
        try {
            super.execute(queryString, action);
        } catch (StackOverflowError e) {
            ServletOps.errorBadRequest("Query too deeply nested (or too many UNION branches) for this server: simplify it");
        } catch (ActionErrorException | QueryCancelledException | QueryDeniedException | org.apache.jena.shared.OperationDeniedException
                 | org.apache.jena.atlas.web.HttpException | org.apache.jena.sparql.engine.http.QueryExceptionHTTP e) {
            // Fuseki's own answers: 400s, the timeout's 503, the limits' 422, 403
            throw e;
        } catch (TextIndexException e) {
            // The Lucene query of text:query is the client's: one it cannot run (too many clauses,
            // a regular expression too complex to compile) is a bad request.
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            ServletOps.errorBadRequest("Full-text search cannot run this Lucene query: " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage()));
        } catch (ExprException | IllegalArgumentException | ClassCastException | org.apache.jena.datatypes.DatatypeFormatException e) {
            // A function given arguments it cannot take (STRLANG("x", "en_US"), fn:matches("a", "("),
            // afn:sprintf("%d", "x") ...) throws from inside ARQ, which Fuseki answered with a 500.
            // Any other failure stays the server's (a 500, logged).
            if (action.getResponse().isCommitted()) throw e;
            ServletOps.errorBadRequest("The query failed while it was evaluated (a function given arguments it cannot take): "
                    + (e.getMessage() == null ? "no detail" : e.getMessage()));
        }
    }

    /** Whether a failure to read the request comes from a body past the limit (Jetty may wrap it, in a 400). */
    static boolean bodyTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() == 413) return true;
        }
        return false;
    }

    /**
     * How deeply brackets nest in a query: ( and {, outside strings, IRIs and comments. Checked
     * before parsing, so a deep query is refused before the parser's recursion overflows.
     */
    static int nesting(String query) {
        int depth = 0;
        int max = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            switch (c) {
                case '(', '{', '[' -> max = Math.max(max, ++depth);
                case ')', '}', ']' -> depth = Math.max(0, depth - 1);
                case '"', '\'' -> i = endOfString(query, i);
                case '#' -> {
                    int nl = query.indexOf('\n', i);
                    i = nl < 0 ? query.length() : nl;
                }
                case '<' -> {
                    int end = i + 1;
                    while (end < query.length() && " \t\n\r<>\"{}|^`\\".indexOf(query.charAt(end)) < 0) end++;
                    if (end < query.length() && query.charAt(end) == '>') i = end;
                }
                default -> { }
            }
        }
        return max;
    }

    /** The index of the quote that ends the string starting at {@code start} (triple quotes too). */
    private static int endOfString(String q, int start) {
        char quote = q.charAt(start);
        String triple = String.valueOf(quote).repeat(3);
        boolean isTriple = q.startsWith(triple, start);
        int i = start + (isTriple ? 3 : 1);
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '\\') i += 2;
            else if (isTriple ? q.startsWith(triple, i) : c == quote) return isTriple ? i + 2 : i;
            else i++;
        }
        return q.length();
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        try {
            timeoutMillis(action.getRequestParameter(HttpNames.paramTimeout), timeout.toMillis());
        } catch (IllegalArgumentException e) {
            ServletOps.errorBadRequest(e.getMessage());
        }
        String refused = refusal(query);
        if (refused != null) ServletOps.errorBadRequest(refused);
    }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        Pair<DatasetGraph, Query> decided = super.decideDataset(action, query, queryStringLog);
        return Pair.create(decided.getLeft(), capped(decided.getRight(), maxRows));
    }

    @Override
    protected QueryExec createQueryExec(HttpAction action, Query query, DatasetGraph dataset) {
        long millis = timeoutMillis(action.getRequestParameter(HttpNames.paramTimeout), timeout.toMillis());
        Context context = action.getContext().copy();
        context.remove(ARQ.queryTimeout);
        // No constant folding: ARQ folds constants while it builds the plan, holding the lock its
        // one timeout thread waits on to cancel any query, so a costly constant
        // ("2020-01-01T00:00:00Z"^^xsd:dateTime + "PT99999999999999999999S"^^xsd:dayTimeDuration)
        // stopped every query's timeout on the server. Evaluated with the rows instead.
        context.set(ARQ.optExprConstantFolding, false);
        BoundedFunctions.optimizerWith(context, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
        CancellableSlices.install(context);
        return QueryExec.newBuilder().dataset(dataset).query(query).context(context)
                .initialTimeout(millis, TimeUnit.MILLISECONDS)
                .overallTimeout(millis, TimeUnit.MILLISECONDS)
                .build();
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec queryExec, Query requestQuery, String queryStringLog) {
        Query query = queryExec.getQuery();
        boolean capped = maxRows > 0 && query.hasLimit() && query.getLimit() == maxRows + 1;
        if (capped && QueryRunner.constructsFromSolutions(query)) {
            // The template over at most maxRows solutions; the one more the query asked for says
            // the cap cut them. Built in memory, as Fuseki builds a CONSTRUCT's graph: a timeout is a 503.
            queryExec.close();
            try (QueryExec select = createQueryExec(action, QueryRunner.solutions(query), queryExec.getDataset())) {
                QueryRunner.CappedGraph g = QueryRunner.construct(query, select.select(), maxRows);
                if (g.truncated()) markTruncated(action.getResponse(), maxRows);
                return new QueryExecResult(g.graph());
            }
        }
        QueryExecResult result = super.executeQuery(action, queryExec, requestQuery, queryStringLog);
        if (maxRows > 0 && query.isDescribeType() && query.hasLimit() && query.getLimit() == maxRows) {
            Query probe = QueryRunner.moreThan(query, maxRows);
            if (probe != null) {
                try (QueryExec more = createQueryExec(action, probe, queryExec.getDataset())) {
                    if (more.select().hasNext()) markTruncated(action.getResponse(), maxRows);
                }
            }
        }
        if (!result.isRowSet()) return result;
        // At most maxRows rows: computing them before answering makes a timeout a 503. The query
        // asked for one row more than the cap when it was capped: that row says the cap cut it.
        if (maxRows > 0) {
            QueryRunner.CappedRows rows = QueryRunner.cap(result.rowSet(), maxRows);
            if (rows.truncated()) markTruncated(action.getResponse(), maxRows);
            return new QueryExecResult(RowSetMem.create(rows.rowSet()));
        }
        // No cap: the first STREAM_BUFFER_ROWS rows are computed before answering (a timeout
        // among them is a 503); past them the results stream, and a timeout then aborts the
        // connection, so that no client takes a cut body for a whole 200.
        return new QueryExecResult(AbortOnTimeout.rows(result.rowSet(), ServerSettings.STREAM_BUFFER_ROWS, action.getRequest()));
    }

    /** The response header that says the row cap cut the results, with the cap. */
    static final String TRUNCATED = "X-Result-Truncated";
    static final String LIMIT = "X-Result-Limit";

    static void markTruncated(jakarta.servlet.http.HttpServletResponse response, long maxRows) {
        response.setHeader(TRUNCATED, "true");
        response.setHeader(LIMIT, Long.toString(maxRows));
    }

    /**
     * Answers in the format {@code output=} or {@code format=} names, read through the project's
     * table ({@link ResultFormat}) for the kind of result: the names clients send ({@code rdf+xml},
     * {@code n3}, {@code json-ld}, media types ...) are understood for SELECT/ASK and
     * CONSTRUCT/DESCRIBE alike, and a repeated parameter (SPARQLWrapper sends
     * {@code format=rdf+xml&format=application/rdf+xml}) answers in the first known value. A name
     * the table does not know but Fuseki does ({@code thrift}, {@code trig}) goes to Fuseki; one
     * neither knows is a 400 listing the formats. Without the parameters Fuseki negotiates by
     * {@code Accept}.
     */
    @Override
    protected void sendResults(HttpAction action, QueryExecResult result, Prologue prologue) {
        List<String> asked = new ArrayList<>();
        for (String param : List.of(HttpNames.paramOutput1, HttpNames.paramOutput2)) {
            String[] values = action.getRequest().getParameterValues(param);
            if (values != null) for (String v : values) if (!v.isBlank()) asked.add(v.strip());
        }
        if (asked.isEmpty() || result.isJson()) {
            super.sendResults(action, result, prologue);
            return;
        }
        boolean tabular = result.isRowSet() || result.isBoolean();
        for (String name : asked) {
            ResultFormat f = ResultFormat.find(name, tabular);
            if (f != null && f != ResultFormat.HTML) {
                write(action, result, prologue, f);
                return;
            }
            Map<String, String> fuseki = tabular ? Responses.shortNamesResultSet : Responses.shortNamesGraph;
            if (fuseki.containsKey(name.toLowerCase(java.util.Locale.ROOT)) || fuseki.containsValue(name)) {
                super.sendResults(action, result, prologue);
                return;
            }
        }
        ServletOps.errorBadRequest(ResultFormat.unavailable(asked.get(0), tabular));
    }

    private static void write(HttpAction action, QueryExecResult result, Prologue prologue, ResultFormat format) {
        ServletOps.setNoCache(action);
        action.setResponseContentType(format.contentType());
        ServletOps.success(action);
        try {
            OutputStream out = action.getResponseOutputStream();
            if (result.isRowSet() || result.isBoolean()) {
                if (format == ResultFormat.TABLE) {
                    if (result.isRowSet()) RowSetOps.out(out, result.rowSet(), prologue);
                    else ResultSetFormatter.out(out, result.booleanResult());
                } else if (result.isRowSet()) {
                    ResultsWriter.create().lang(format.lang()).build().write(out, result.rowSet());
                } else {
                    ResultsWriter.create().lang(format.lang()).build().write(out, result.booleanResult());
                }
            } else {
                Graph graph = result.isGraph() ? result.graph() : result.dataset().getDefaultGraph();
                if (prologue != null && prologue.getPrefixMapping() != null) graph.getPrefixMapping().setNsPrefixes(prologue.getPrefixMapping());
                RDFDataMgr.write(out, graph, format.lang());
            }
            out.flush();
        } catch (IOException e) {
            ServletOps.errorOccurred(e);
        }
    }

    /**
     * The time a query may run: the client's {@code timeout=} (seconds, {@code N} or
     * {@code initial,overall}, the smaller counting) when it is shorter than the server's
     * ceiling, else the ceiling (0 or less: none asked).
     *
     * @throws IllegalArgumentException when a part is not a number of seconds
     */
    /** Seconds as {@code timeout=} gives them: a decimal number, negative for none ({@code 2d} or {@code 0x1p1} are not). */
    private static final java.util.regex.Pattern SECONDS = java.util.regex.Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

    static long timeoutMillis(String requested, long ceilingMillis) {
        if (requested == null) return ceilingMillis;
        long shortest = ceilingMillis;
        for (String part : requested.split(",", -1)) {
            if (part.isBlank()) continue;
            if (!SECONDS.matcher(part.strip()).matches()) {
                throw new IllegalArgumentException("timeout: seconds, or two separated by a comma (e.g. 2.5 or 2.5,10), not '"
                        + (requested.length() > 40 ? requested.substring(0, 40) + "..." : requested) + "'");
            }
            double seconds = Double.parseDouble(part.strip());
            if (seconds > 0 && seconds * 1000 < shortest) shortest = Math.max(1, Math.round(seconds * 1000));
        }
        return shortest;
    }

    /**
     * The query with its LIMIT lowered when it asks for more than {@code maxRows} (or for all): to
     * {@code maxRows + 1} for a SELECT or a CONSTRUCT, whose extra solution tells that the cap cut
     * the results (it is not sent), to {@code maxRows} for DESCRIBE (asked apart whether its
     * pattern has more solutions).
     */
    static Query capped(Query query, long maxRows) {
        if (!QueryRunner.capped(query, maxRows)) return query;
        Query copy = query.cloneQuery();
        copy.setLimit(maxRows + (query.isSelectType() || QueryRunner.constructsFromSolutions(query) ? 1 : 0));
        return copy;
    }

    /** Why the query is refused ({@code SERVICE}, {@code java:} IRIs), or null when it may run. */
    static String refusal(Query query) {
        Refusals r = new Refusals();
        r.walk(Algebra.compile(query));
        return r.found;
    }

    /**
     * Looks for what is refused in the whole algebra: the patterns, and the patterns of
     * {@code EXISTS} and {@code NOT EXISTS} in every expression (filters, BIND, SELECT
     * expressions, ORDER BY, GROUP BY, HAVING).
     */
    private static final class Refusals extends OpVisitorBase {
        String found;

        private final ExprVisitorBase expressions = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN func) {
                if (func instanceof E_Function f && isJava(f.getFunctionIRI())) found = javaRefusal(f.getFunctionIRI());
                if (func instanceof E_Function f && f.getFunctionIRI().startsWith(LEVIATHAN)) {
                    found = "the leviathan functions are disabled on this endpoint (found <" + f.getFunctionIRI()
                            + ">: their factorial and powers run unbounded); use the SPARQL and XPath functions";
                }
            }

            @Override
            public void visit(ExprFunctionOp op) {
                walk(op.getGraphPattern());
            }
        };

        void walk(Op op) {
            Walker.walk(op, this, expressions);
        }

        private void walk(Expr e) {
            Walker.walk(e, expressions);
        }

        @Override
        public void visit(OpService op) {
            found = "SERVICE is disabled on this endpoint: the server does not query other services";
        }

        @Override
        public void visit(OpOrder op) {
            for (SortCondition c : op.getConditions()) walk(c.getExpression());
        }

        @Override
        public void visit(OpTopN op) {
            for (SortCondition c : op.getConditions()) walk(c.getExpression());
        }

        @Override
        public void visit(OpGroup op) {
            for (Expr e : op.getGroupVars().getExprs().values()) walk(e);
            for (ExprAggregator a : op.getAggregators()) {
                if (a.getAggregator().getExprList() != null) for (Expr e : a.getAggregator().getExprList()) walk(e);
            }
        }

        @Override
        public void visit(OpBGP op) {
            for (Triple t : op.getPattern()) predicate(t.getPredicate());
        }

        @Override
        public void visit(OpTriple op) {
            predicate(op.getTriple().getPredicate());
        }

        @Override
        public void visit(OpQuadPattern op) {
            for (Quad q : op.getPattern()) predicate(q.getPredicate());
        }

        @Override
        public void visit(OpPath op) {
            if (op.getTriplePath().getPath() instanceof P_Link link) predicate(link.getNode());
            else if (PathWriter.asString(op.getTriplePath().getPath()).toLowerCase(java.util.Locale.ROOT).contains("<java:")) {
                found = javaRefusal("java:");
            }
            long repeat = longestRepeat(op.getTriplePath().getPath());
            if (repeat > ServerSettings.MAX_PATH_REPEAT) {
                found = "A path repeated up to " + repeat + " times (" + PathWriter.asString(op.getTriplePath().getPath())
                        + "): this server takes at most " + ServerSettings.MAX_PATH_REPEAT + " ({1," + ServerSettings.MAX_PATH_REPEAT
                        + "}); use * or +, which end with the timeout";
            }
        }

        /**
         * How many times a path may repeat its steps at most: a bounded repetition's greatest count
         * ({n,m}: m; {n,}: n, which ARQ writes out as n steps; {n}: n) times its inner path's, the
         * larger of a sequence's or an alternative's parts; {@code *} and {@code +} count 1, as
         * they end with the timeout.
         */
        private static long longestRepeat(Path path) {
            if (path instanceof P_Mod p) return times(Math.max(p.getMin(), p.getMax()), longestRepeat(p.getSubPath()));
            if (path instanceof P_FixedLength p) return times(p.getCount(), longestRepeat(p.getSubPath()));
            if (path instanceof P_Seq p) return Math.max(longestRepeat(p.getLeft()), longestRepeat(p.getRight()));
            if (path instanceof P_Alt p) return Math.max(longestRepeat(p.getLeft()), longestRepeat(p.getRight()));
            if (path instanceof P_Path1 p) return longestRepeat(p.getSubPath());
            return 1;
        }

        /** A product that stays at Long.MAX_VALUE rather than overflow. */
        private static long times(long a, long b) {
            return a > 0 && b > Long.MAX_VALUE / a ? Long.MAX_VALUE : a * b;
        }

        private void predicate(Node p) {
            if (p.isURI() && isJava(p.getURI())) found = javaRefusal(p.getURI());
        }
    }

    /** ARQ's leviathan function library: factorial, powers, squares, none of which looks at the clock. */
    private static final String LEVIATHAN = "http://www.dotnetrdf.org/leviathan#";

    private static boolean isJava(String iri) {
        return iri.regionMatches(true, 0, "java:", 0, 5);
    }

    private static String javaRefusal(String iri) {
        return "java: functions are disabled on this endpoint (found <" + iri + ">)";
    }
}
